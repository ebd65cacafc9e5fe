/**
 * Arc-length geometry for the kymograph browser test: which vertices of a ground-truth track the
 * user clicks, and where the track's particle is along the polyline actually stored (the user's
 * clicks are on the truth path, but the kymograph's columns follow the stored polyline, a chord
 * approximation of it, so positions are measured on that polyline rather than assumed equal).
 */
export type Point = readonly [x: number, y: number];

export function pathLength(points: readonly Point[]): number {
  let total = 0;
  for (let k = 1; k < points.length; k++) total += Math.hypot(points[k]![0] - points[k - 1]![0], points[k]![1] - points[k - 1]![1]);
  return total;
}

/** The point at arc length `s` from the path's first point (clamped to the path). */
export function pointAt(path: readonly Point[], s: number): Point {
  let left = Math.max(0, s);
  for (let k = 1; k < path.length; k++) {
    const [a, b] = [path[k - 1]!, path[k]!];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (left <= length) return [a[0] + ((b[0] - a[0]) * left) / length, a[1] + ((b[1] - a[1]) * left) / length];
    left -= length;
  }
  return path[path.length - 1]!;
}

/** The arc length along `polyline` of the polyline's point nearest to `p`. */
export function arcLengthOf(polyline: readonly Point[], p: Point): number {
  let best = { distance: Infinity, s: 0 };
  let before = 0;
  for (let k = 1; k < polyline.length; k++) {
    const [a, b] = [polyline[k - 1]!, polyline[k]!];
    const [ux, uy] = [b[0] - a[0], b[1] - a[1]];
    const length = Math.hypot(ux, uy);
    const along = Math.min(length, Math.max(0, ((p[0] - a[0]) * ux + (p[1] - a[1]) * uy) / length));
    const distance = Math.hypot(a[0] + (ux * along) / length - p[0], a[1] + (uy * along) / length - p[1]);
    if (distance < best.distance) best = { distance, s: before + along };
    before += length;
  }
  return best.s;
}

/**
 * Every `step`-th vertex, the first and the last included. The one before the last is dropped when
 * it would be closer than 3 vertices to it: OpenLayers ends a polyline on a click near its last
 * vertex, and a close pair would also read as a double-click spot.
 */
export function everyNthVertex(path: readonly Point[], step: number): Point[] {
  const last = path.length - 1;
  const indices: number[] = [];
  for (let k = 0; k < last; k += step) indices.push(k);
  if (indices.length > 1 && last - indices[indices.length - 1]! < 3) indices.pop();
  indices.push(last);
  return indices.map((k) => path[k]!);
}
