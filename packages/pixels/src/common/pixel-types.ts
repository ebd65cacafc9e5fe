/**
 * Pixel types and their typed arrays. Isomorphic (the web viewer imports it): no Node APIs.
 */
import { PIXEL_TYPES, type PixelType, type TypedArray } from "@fovea/model";

export { PIXEL_TYPES, type PixelType, type Plane, type TypedArray } from "@fovea/model";

const CTORS = {
  uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array,
  uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array,
} as const;

export function bytesPerPixel(t: PixelType): number {
  return CTORS[t].BYTES_PER_ELEMENT;
}

/** A new zero-filled array of `length` elements of type `t`. */
export function allocate(t: PixelType, length: number): TypedArray {
  return new CTORS[t](length);
}

/** Views `bytes` (little-endian, aligned or not) as an array of `t`, copying only when unaligned. */
export function viewAs(t: PixelType, bytes: Uint8Array): TypedArray {
  const size = CTORS[t].BYTES_PER_ELEMENT;
  if (bytes.byteOffset % size === 0) return new CTORS[t](bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / size);
  return new CTORS[t](bytes.slice().buffer);
}

/** The pixel type of a typed array. */
export function pixelTypeOf(a: TypedArray): PixelType {
  for (const t of PIXEL_TYPES) if (a instanceof CTORS[t]) return t;
  throw new TypeError("not a pixel typed array");
}
