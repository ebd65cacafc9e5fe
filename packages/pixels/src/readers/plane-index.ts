/**
 * Plane-coordinate helpers shared by the readers: bounds checks, and the linear plane index of an
 * OME DimensionOrder (XYZCT, XYCZT, …), where the first of Z/C/T after XY varies fastest.
 */
import { FoveaError } from "@fovea/model";

/** The non-spatial sizes of an image. */
export interface Sizes {
  readonly sizeZ: number;
  readonly sizeC: number;
  readonly sizeT: number;
}

/** Throws VALIDATION_FAILED for a plane outside the image (a caller bug, not a file problem). */
export function checkPlaneIndex(m: Sizes & { name: string }, z: number, c: number, t: number): void {
  const ok = (v: number, n: number) => Number.isInteger(v) && v >= 0 && v < n;
  if (!ok(z, m.sizeZ) || !ok(c, m.sizeC) || !ok(t, m.sizeT)) {
    throw new FoveaError("VALIDATION_FAILED", `${m.name}: plane z=${z} c=${c} t=${t} is outside the image (Z ${m.sizeZ}, C ${m.sizeC}, T ${m.sizeT})`);
  }
}

/** The three non-spatial axes, fastest first, e.g. "ZCT" for DimensionOrder XYZCT. */
export type AxisOrder = "ZCT" | "ZTC" | "CZT" | "CTZ" | "TZC" | "TCZ";

/** `XYZCT` → `ZCT`; undefined for anything that is not an OME DimensionOrder. */
export function parseDimensionOrder(order: string | undefined): AxisOrder | undefined {
  const rest = order?.toUpperCase().replace(/^XY/, "");
  return rest && ["ZCT", "ZTC", "CZT", "CTZ", "TZC", "TCZ"].includes(rest) ? (rest as AxisOrder) : undefined;
}

/** Linear plane index of (z, c, t) in a stack ordered by `order`. */
export function linearIndex(order: AxisOrder, s: Sizes, z: number, c: number, t: number): number {
  const pos = { Z: z, C: c, T: t };
  const size = { Z: s.sizeZ, C: s.sizeC, T: s.sizeT };
  const [a, b, d] = order.split("") as ["Z" | "C" | "T", "Z" | "C" | "T", "Z" | "C" | "T"];
  return pos[a] + size[a] * (pos[b] + size[b] * pos[d]);
}

/** Inverse of linearIndex. */
export function planeAt(order: AxisOrder, s: Sizes, index: number): { z: number; c: number; t: number } {
  const size = { Z: s.sizeZ, C: s.sizeC, T: s.sizeT };
  const out = { Z: 0, C: 0, T: 0 };
  let rest = index;
  for (const axis of order.split("") as ("Z" | "C" | "T")[]) {
    out[axis] = rest % size[axis];
    rest = Math.floor(rest / size[axis]);
  }
  return { z: out.Z, c: out.C, t: out.T };
}
