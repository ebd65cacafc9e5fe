/**
 * Bresenham's integer line, in the exact variant SCRIPTS.md §2 fixes so that pixel counts and
 * statistics are reproducible across implementations (the all-octant error form):
 *
 *   dx = |x1 − x0|, dy = −|y1 − y0|, err = dx + dy
 *   loop: visit (x, y); stop at (x1, y1); e2 = 2·err;
 *         if e2 ≥ dy: err += dy, x steps toward x1;
 *         if e2 ≤ dx: err += dx, y steps toward y1.
 *
 * Both tests use e2, the doubled error from before the step (the classic form): a diagonal step
 * moves x and y together. Endpoints are the pixels that contain the segment's end points.
 */
import { FoveaError } from "../errors.ts";

/**
 * The longest segment walked, in steps. A shape far outside the image would otherwise make the
 * server walk billions of pixels that are clipped away anyway.
 */
export const MAX_LINE_STEPS = 1 << 24;

/** Calls `visit` for every pixel of the integer line from (x0, y0) to (x1, y1), both included, in order. */
export function bresenham(x0: number, y0: number, x1: number, y1: number, visit: (x: number, y: number) => void): void {
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  if (Math.max(dx, -dy) > MAX_LINE_STEPS) {
    throw new FoveaError("SHAPE_INVALID", `a line segment spans ${Math.max(dx, -dy)} pixels; at most ${MAX_LINE_STEPS} are walked`);
  }
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  let x = x0;
  let y = y0;
  for (;;) {
    visit(x, y);
    if (x === x1 && y === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y += sy;
    }
  }
}

/** The pixel that contains the point (x, y): pixel (i, j) covers [i, i+1) × [j, j+1). */
export function pixelOf(x: number, y: number): [number, number] {
  return [Math.floor(x), Math.floor(y)];
}
