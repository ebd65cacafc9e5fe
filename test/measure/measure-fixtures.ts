/**
 * What the measure tests share: small generated images whose every value is known (a formula of
 * x, y, z, c, t), imported through ImportService.importReaders as a given user, and the raw arrays
 * to compute expectations from independently of the server's geometry code.
 */
import type { ImageReader, PixelType } from "@fovea/core";
import type { ImageDto, TypedArray } from "@fovea/model";
import type { ApiContext } from "../support/api-harness.ts";

export interface GeneratedImage {
  readonly sizeX: number;
  readonly sizeY: number;
  readonly sizeZ: number;
  readonly sizeC: number;
  readonly sizeT: number;
  readonly pixelType: PixelType;
  /** The value stored at (x, y) of plane (z, c, t). */
  value(x: number, y: number, z: number, c: number, t: number): number;
}

const CTORS = {
  uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array,
  uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array,
} as const;

/** The plane (z, c, t) as the store will hold it (values cast to the pixel type). */
export function planeOf(img: GeneratedImage, z: number, c: number, t: number): TypedArray {
  const data = new CTORS[img.pixelType](img.sizeX * img.sizeY);
  for (let y = 0; y < img.sizeY; y++) for (let x = 0; x < img.sizeX; x++) data[y * img.sizeX + x] = img.value(x, y, z, c, t);
  return data;
}

export function readerOf(img: GeneratedImage, name: string): ImageReader {
  return {
    metadata: {
      name, sizeX: img.sizeX, sizeY: img.sizeY, sizeZ: img.sizeZ, sizeC: img.sizeC, sizeT: img.sizeT, pixelType: img.pixelType,
      channels: Array.from({ length: img.sizeC }, (_, i) => ({ name: `Ch${i + 1}` })), format: "Generated",
    },
    readPlane: async (z, c, t) => ({ width: img.sizeX, height: img.sizeY, data: planeOf(img, z, c, t) }),
  };
}

/** Imports `img` as `username` (in the user's default group), optionally into a dataset. */
export async function importGenerated(ctx: ApiContext, username: string, img: GeneratedImage, datasetId?: number): Promise<ImageDto> {
  const user = await ctx.server.repos.users.findByUsername(username);
  if (!user) throw new Error(`no user ${username}`);
  const { actor } = (await ctx.server.services.auth.openSession(user, user.defaultGroupId, "token")).auth;
  const [image] = await ctx.server.services.imports.importReaders(actor, [readerOf(img, `gen-${username}`)], { datasetId });
  return image!;
}

/** A uint16 image with values that differ in every pixel, plane and channel. */
export const UINT16_IMAGE: GeneratedImage = {
  sizeX: 37, sizeY: 29, sizeZ: 2, sizeC: 2, sizeT: 3, pixelType: "uint16",
  value: (x, y, z, c, t) => (x * 131 + y * 977 + ((x * y) % 23) * 311 + z * 4099 + c * 20011 + t * 7919) % 65536,
};

/** A float32 image with fractional values, for bilinear sampling. */
export const FLOAT_IMAGE: GeneratedImage = {
  sizeX: 31, sizeY: 23, sizeZ: 1, sizeC: 2, sizeT: 3, pixelType: "float32",
  value: (x, y, _z, c, t) => Math.fround(Math.sin(x * 0.37 + t) * 100 + y * y * 0.25 - c * 3.5 + ((x * 7 + y * 3) % 5)),
};
