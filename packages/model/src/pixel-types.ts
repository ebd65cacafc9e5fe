/** The pixel types Fovea stores (SPEC §2, plus int8 which some TIFFs carry). */
export const PIXEL_TYPES = ["uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "float64"] as const;
export type PixelType = (typeof PIXEL_TYPES)[number];

export type TypedArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** One plane (or region) of pixels, row-major: index = y * width + x. */
export interface Plane {
  readonly width: number;
  readonly height: number;
  readonly data: TypedArray;
}
