/**
 * Arc-length parameterisation of a polyline: the same walk the Kymograph script makes along a
 * Polyline ROI (SCRIPTS.md §3, samples at s = 0, 1, … from the first point), so that a particle
 * placed at arc length s here is found in kymograph column s there.
 */

/** A point in pixel coordinates of SCRIPTS.md §2 (pixel i spans [i, i+1)). */
export type PathPoint = readonly [x: number, y: number];

export interface MeasuredPath {
  /** Total length of the polyline, in pixels. */
  readonly length: number;
  /** The point at arc length s from the first vertex (clamped to [0, length]). */
  at(s: number): PathPoint;
}

export function measurePath(points: readonly PathPoint[]): MeasuredPath {
  if (points.length < 2) throw new RangeError("a path needs at least two points");
  const cumulative = [0];
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = points[k - 1]!;
    const [x1, y1] = points[k]!;
    cumulative.push(cumulative[k - 1]! + Math.hypot(x1 - x0, y1 - y0));
  }
  const length = cumulative[cumulative.length - 1]!;
  return {
    length,
    at(s: number): PathPoint {
      const target = Math.min(length, Math.max(0, s));
      // Binary search for the segment [k, k+1] holding the target (paths have tens of vertices).
      let lo = 0;
      let hi = points.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! <= target) lo = mid;
        else hi = mid;
      }
      const span = cumulative[hi]! - cumulative[lo]!;
      const f = span > 0 ? (target - cumulative[lo]!) / span : 0;
      const [x0, y0] = points[lo]!;
      const [x1, y1] = points[hi]!;
      return [x0 + f * (x1 - x0), y0 + f * (y1 - y0)];
    },
  };
}
