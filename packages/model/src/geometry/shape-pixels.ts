/**
 * Which pixels belong to a shape (SCRIPTS.md §2), clipped to an image of sizeX × sizeY:
 * - Rectangle: pixels whose centre (i+0.5, j+0.5) has x ≤ cx < x+width and y ≤ cy < y+height;
 * - Ellipse: centres with ((cx−x)/rx)² + ((cy−y)/ry)² ≤ 1 (a zero radius holds no centre off its axis);
 * - Polygon: centres inside by the even–odd rule (so a ring drawn around a hole leaves the hole out);
 * - Line, Polyline: the Bresenham pixels of each segment (see bresenham.ts), each pixel once per shape;
 * - Point: the one pixel that contains it; Label: none.
 *
 * Area shapes are scanned row by row: an analytic first guess of each row's columns is corrected
 * with the exact predicate above, so floating-point rounding can never make the result disagree
 * with a direct test of each pixel centre.
 */
import type { ShapeGeometry, Point2 } from "../shapes.ts";
import { bresenham, pixelOf } from "./bresenham.ts";
import { SpanBuilder, spansFromPixelKeys, type PixelSpans } from "./pixel-spans.ts";

/** The pixels of `shape` inside an image of sizeX × sizeY, as row spans. */
export function shapePixels(shape: ShapeGeometry, sizeX: number, sizeY: number): PixelSpans {
  switch (shape.kind) {
    case "Rectangle": return rectanglePixels(shape.x, shape.y, shape.width, shape.height, sizeX, sizeY);
    case "Ellipse": return ellipsePixels(shape.x, shape.y, shape.radiusX, shape.radiusY, sizeX, sizeY);
    case "Polygon": return polygonPixels(shape.points, sizeX, sizeY);
    case "Line": return pathPixels([[shape.x1, shape.y1], [shape.x2, shape.y2]], sizeX, sizeY);
    case "Polyline": return pathPixels(shape.points, sizeX, sizeY);
    case "Point": return pathPixels([[shape.x, shape.y]], sizeX, sizeY);
    case "Label": return new SpanBuilder().build();
  }
}

/**
 * The interval [lo, hi] of integers in [min, max] where `inside` holds, given a guess and knowing
 * that `inside` holds on one interval; empty when lo > hi.
 */
function exactRange(guessLo: number, guessHi: number, min: number, max: number, inside: (i: number) => boolean): [number, number] {
  let lo = Math.max(min, guessLo);
  let hi = Math.min(max, guessHi);
  if (lo > hi) {
    // The guess is empty; rounding may hide a pixel right next to it.
    for (let i = Math.max(min, guessHi - 1); i <= Math.min(max, guessLo + 1); i++) if (inside(i)) return [i, i];
    return [1, 0];
  }
  while (lo > min && inside(lo - 1)) lo--;
  while (lo <= hi && !inside(lo)) lo++;
  while (hi < max && inside(hi + 1)) hi++;
  while (hi >= lo && !inside(hi)) hi--;
  return [lo, hi];
}

function rectanglePixels(x: number, y: number, w: number, h: number, sizeX: number, sizeY: number): PixelSpans {
  const [i0, i1] = exactRange(Math.ceil(x - 0.5), Math.ceil(x + w - 0.5) - 1, 0, sizeX - 1, (i) => x <= i + 0.5 && i + 0.5 < x + w);
  const [j0, j1] = exactRange(Math.ceil(y - 0.5), Math.ceil(y + h - 0.5) - 1, 0, sizeY - 1, (j) => y <= j + 0.5 && j + 0.5 < y + h);
  const b = new SpanBuilder();
  if (i0 <= i1) for (let j = j0; j <= j1; j++) b.add(j, i0, i1 + 1);
  return b.build();
}

function ellipsePixels(x: number, y: number, rx: number, ry: number, sizeX: number, sizeY: number): PixelSpans {
  const inside = (cx: number, cy: number) => ((cx - x) / rx) ** 2 + ((cy - y) / ry) ** 2 <= 1;
  const b = new SpanBuilder();
  const [j0, j1] = [Math.max(0, Math.floor(y - ry - 1)), Math.min(sizeY - 1, Math.ceil(y + ry + 1))];
  for (let j = j0; j <= j1; j++) {
    const cy = j + 0.5;
    const q = 1 - ((cy - y) / ry) ** 2;
    const half = q >= 0 ? rx * Math.sqrt(q) : -1;
    const [i0, i1] = exactRange(Math.ceil(x - half - 0.5), Math.floor(x + half - 0.5), 0, sizeX - 1, (i) => inside(i + 0.5, cy));
    b.add(j, i0, i1 + 1);
  }
  return b.build();
}

/**
 * Even–odd rule on pixel centres, computed as the classic crossing test does for one point: edge
 * (a, b) crosses the row's centre line cy when (ay > cy) ≠ (by > cy), at
 * xc = (bx − ax)·(cy − ay)/(by − ay) + ax, and a centre cx is inside when an odd number of
 * crossings have cx < xc. Sorting a row's crossings turns that into spans [xc₀, xc₁), [xc₂, xc₃), …
 */
function polygonPixels(points: readonly Point2[], sizeX: number, sizeY: number): PixelSpans {
  const rows = new Map<number, number[]>();
  const n = points.length;
  for (let k = 0; k < n; k++) {
    const [ax, ay] = points[k]!;
    const [bx, by] = points[(k + 1) % n]!;
    if (ay === by) continue;
    const crosses = (j: number) => (ay > j + 0.5) !== (by > j + 0.5);
    const [j0, j1] = exactRange(Math.ceil(Math.min(ay, by) - 0.5), Math.ceil(Math.max(ay, by) - 0.5) - 1, 0, sizeY - 1, crosses);
    for (let j = j0; j <= j1; j++) {
      const cy = j + 0.5;
      const xc = ((bx - ax) * (cy - ay)) / (by - ay) + ax;
      let list = rows.get(j);
      if (!list) rows.set(j, (list = []));
      list.push(xc);
    }
  }
  const b = new SpanBuilder();
  for (const j of [...rows.keys()].sort((p, q) => p - q)) {
    const xs = rows.get(j)!.sort((p, q) => p - q);
    for (let m = 0; m + 1 < xs.length; m += 2) {
      const left = xs[m]!;
      const right = xs[m + 1]!;
      const [i0, i1] = exactRange(Math.ceil(left - 0.5), Math.ceil(right - 0.5) - 1, 0, sizeX - 1, (i) => left <= i + 0.5 && i + 0.5 < right);
      b.add(j, i0, i1 + 1);
    }
  }
  return b.build();
}

/** Bresenham pixels of the segments joining `points` (one point: its pixel), each pixel once. */
function pathPixels(points: readonly Point2[], sizeX: number, sizeY: number): PixelSpans {
  const keys = new Set<number>();
  const visit = (i: number, j: number) => {
    if (i >= 0 && i < sizeX && j >= 0 && j < sizeY) keys.add(j * sizeX + i);
  };
  if (points.length === 1) visit(...pixelOf(points[0]![0], points[0]![1]));
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = pixelOf(points[k - 1]![0], points[k - 1]![1]);
    const [x1, y1] = pixelOf(points[k]![0], points[k]![1]);
    bresenham(x0, y0, x1, y1, visit);
  }
  return spansFromPixelKeys(keys, sizeX);
}
