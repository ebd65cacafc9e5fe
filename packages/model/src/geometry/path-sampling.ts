/**
 * Sampling along a path for kymographs (SCRIPTS.md §3, Kymograph):
 * - L is the path's length (the sum of its segments); there are N = ⌊L⌋ + 1 samples, sample s at
 *   arc length s from the first point (s = 0, 1, …, ⌊L⌋).
 * - Sample s lies on the segment that contains arc length s; at a joint that is the segment that
 *   starts there (the last segment for the final point). Zero-length segments are skipped.
 * - Across the path, W values are taken at offsets k − (W−1)/2 (k = 0 … W−1, row k of the band)
 *   along that segment's unit normal (−uy, ux), where (ux, uy) is its unit direction.
 *
 * Values come from `bilinearAt`, on raw pixel values, with pixel (i, j) standing at its centre
 * (i + 0.5, j + 0.5) as in §2.
 */
import type { Point2 } from "../shapes.ts";
import type { PixelType } from "../pixel-types.ts";

/** Sample positions: x and y of band row k, sample s at index k·n + s. */
export interface PathSamplePositions {
  /** N, the samples along the path. */
  readonly n: number;
  /** W, the samples across it. */
  readonly width: number;
  /** L, the path's length in pixels. */
  readonly length: number;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

/** Where each sample of a W-wide band along `points` lies; throws RangeError for a path of zero length. */
export function pathSamplePositions(points: readonly Point2[], width: number): PathSamplePositions {
  const segs: { ax: number; ay: number; ux: number; uy: number; start: number; len: number }[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const len = Math.hypot(bx - ax, by - ay);
    if (len === 0) continue;
    segs.push({ ax, ay, ux: (bx - ax) / len, uy: (by - ay) / len, start: total, len });
    total += len;
  }
  if (segs.length === 0 || !Number.isFinite(total)) throw new RangeError("the path has zero length");
  const n = Math.floor(total) + 1;
  const xs = new Float64Array(width * n);
  const ys = new Float64Array(width * n);
  let seg = 0;
  for (let s = 0; s < n; s++) {
    while (seg + 1 < segs.length && s >= segs[seg + 1]!.start) seg++;
    const g = segs[seg]!;
    const along = s - g.start;
    const px = g.ax + g.ux * along;
    const py = g.ay + g.uy * along;
    for (let k = 0; k < width; k++) {
      const off = k - (width - 1) / 2;
      xs[k * n + s] = px - g.uy * off;
      ys[k * n + s] = py + g.ux * off;
    }
  }
  return { n, width, length: total, xs, ys };
}

/** A rectangle of one plane's raw values, row-major, whose top-left pixel is (x0, y0) of the image. */
export interface PlaneWindow {
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
}

/** The raw value of pixel (i, j) of the image; called only with indices inside the image. */
export type PixelLookup = (i: number, j: number) => number;

/** A lookup into one window (which must hold every pixel asked for). */
export function windowLookup(win: PlaneWindow): PixelLookup {
  return (i, j) => win.data[(j - win.y0) * win.width + (i - win.x0)]!;
}

/**
 * The pixels bilinearAt reads for the point (x, y), as [iMin, jMin, iMax, jMax] (clamped to the
 * image), or undefined when the point is outside the image (no pixel is read). Used to decide
 * which regions to read.
 */
export function bilinearFootprint(x: number, y: number, sizeX: number, sizeY: number): [number, number, number, number] | undefined {
  if (!(x >= 0 && x < sizeX && y >= 0 && y < sizeY)) return undefined;
  const i0 = Math.floor(x - 0.5);
  const j0 = Math.floor(y - 0.5);
  return [clamp(i0, 0, sizeX - 1), clamp(j0, 0, sizeY - 1), clamp(i0 + 1, 0, sizeX - 1), clamp(j0 + 1, 0, sizeY - 1)];
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Bilinear interpolation of raw values at the continuous point (x, y) of an image sizeX × sizeY.
 *
 * Pixel (i, j) holds its value at its centre (i + 0.5, j + 0.5). With u = x − 0.5 and v = y − 0.5,
 * i0 = ⌊u⌋, j0 = ⌊v⌋, fx = u − i0, fy = v − j0, the value is
 *   (1−fx)(1−fy)·p(i0, j0) + fx(1−fy)·p(i0+1, j0) + (1−fx)fy·p(i0, j0+1) + fx·fy·p(i0+1, j0+1),
 * evaluated in float64 in that order. So the centre of a pixel gives exactly that pixel's value.
 *
 * A point outside the image, i.e. not in [0, sizeX) × [0, sizeY) (in no pixel), gives 0. A point
 * inside the image but less than half a pixel from its border has neighbours outside it; those
 * take the value of the nearest border pixel (clamped indices), so the border is not darkened by
 * zeros.
 */
export function bilinearAt(at: PixelLookup | PlaneWindow, x: number, y: number, sizeX: number, sizeY: number): number {
  if (!(x >= 0 && x < sizeX && y >= 0 && y < sizeY)) return 0;
  const get = typeof at === "function" ? at : windowLookup(at);
  const u = x - 0.5;
  const v = y - 0.5;
  const i0 = Math.floor(u);
  const j0 = Math.floor(v);
  const fx = u - i0;
  const fy = v - j0;
  const ia = clamp(i0, 0, sizeX - 1);
  const ib = clamp(i0 + 1, 0, sizeX - 1);
  const ja = clamp(j0, 0, sizeY - 1);
  const jb = clamp(j0 + 1, 0, sizeY - 1);
  return (1 - fx) * (1 - fy) * get(ia, ja) + fx * (1 - fy) * get(ib, ja) + (1 - fx) * fy * get(ia, jb) + fx * fy * get(ib, jb);
}

const INTEGER_RANGE: Partial<Record<PixelType, [number, number]>> = {
  uint8: [0, 255], int8: [-128, 127], uint16: [0, 65535], int16: [-32768, 32767],
  uint32: [0, 4294967295], int32: [-2147483648, 2147483647],
};

/**
 * Rounds an interpolated value to a pixel type, as the Kymograph script stores its samples:
 * integer types round half away from zero (2.5 → 3, −2.5 → −3) and clamp to the type's range
 * (a NaN becomes 0); float32 rounds to the nearest float32; float64 keeps the value.
 */
export function toPixelType(value: number, type: PixelType): number {
  const range = INTEGER_RANGE[type];
  if (range) {
    if (Number.isNaN(value)) return 0;
    const r = Math.sign(value) * Math.floor(Math.abs(value) + 0.5);
    return clamp(r, range[0], range[1]) + 0; // + 0 turns −0 into 0
  }
  return type === "float32" ? Math.fround(value) : value;
}
