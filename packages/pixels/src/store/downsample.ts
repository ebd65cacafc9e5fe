/**
 * Pyramid geometry and the 2×2 mean that makes each level from the one below.
 */
import type { TypedArray } from "../common/pixel-types.ts";

/** Planes larger than this on a side get a pyramid (SPEC §2). */
export const PYRAMID_THRESHOLD = 2048;
/** Levels are added until the larger side is at most this. */
export const SMALLEST_LEVEL = 512;

/** Level sizes from full resolution down; each level is ceil(half) of the previous one. */
export function pyramidLevelSizes(sizeX: number, sizeY: number): Array<{ sizeX: number; sizeY: number }> {
  const levels = [{ sizeX, sizeY }];
  if (Math.max(sizeX, sizeY) <= PYRAMID_THRESHOLD) return levels;
  let [x, y] = [sizeX, sizeY];
  while (Math.max(x, y) > SMALLEST_LEVEL) {
    // Ceil keeps the last odd row/column: its output pixel averages the 1 or 2 pixels present.
    x = Math.ceil(x / 2);
    y = Math.ceil(y / 2);
    levels.push({ sizeX: x, sizeY: y });
  }
  return levels;
}

/**
 * Writes the 2×2 means of `src` (srcW × srcH, row-major) into `out` (ceil(srcW/2) × ceil(srcH/2)).
 * Integers are rounded (Math.round: halves go up); floats average their non-NaN pixels, so one
 * NaN does not wipe out its neighbours (all-NaN blocks stay NaN).
 */
export function downsample2x2(src: TypedArray, srcW: number, srcH: number, out: TypedArray): void {
  const outW = Math.ceil(srcW / 2);
  const outH = Math.ceil(srcH / 2);
  if (out.length < outW * outH) throw new RangeError("downsample output too small");
  const isFloat = src instanceof Float32Array || src instanceof Float64Array;
  for (let oy = 0; oy < outH; oy++) {
    const r0 = 2 * oy * srcW;
    const r1 = 2 * oy + 1 < srcH ? r0 + srcW : -1;
    for (let ox = 0, o = oy * outW; ox < outW; ox++, o++) {
      const x0 = 2 * ox;
      const hasX1 = x0 + 1 < srcW;
      if (isFloat) {
        out[o] = floatMean(src, r0, r1, x0, hasX1);
        continue;
      }
      let sum = src[r0 + x0]!;
      let n = 1;
      if (hasX1) { sum += src[r0 + x0 + 1]!; n++; }
      if (r1 >= 0) {
        sum += src[r1 + x0]!; n++;
        if (hasX1) { sum += src[r1 + x0 + 1]!; n++; }
      }
      out[o] = Math.round(sum / n);
    }
  }
}

function floatMean(src: TypedArray, r0: number, r1: number, x0: number, hasX1: boolean): number {
  let sum = 0;
  let n = 0;
  let v = src[r0 + x0]!;
  if (v === v) { sum += v; n++; } // `v === v` skips NaN
  if (hasX1) { v = src[r0 + x0 + 1]!; if (v === v) { sum += v; n++; } }
  if (r1 >= 0) {
    v = src[r1 + x0]!; if (v === v) { sum += v; n++; }
    if (hasX1) { v = src[r1 + x0 + 1]!; if (v === v) { sum += v; n++; } }
  }
  return n === 0 ? NaN : sum / n;
}
