/**
 * Pixel operations that run on the server, next to the pixels: shape statistics and path samples
 * (SCRIPTS.md §2), and new images written plane by plane (a kymograph's output).
 */
import type { FoveaClient, ImageDto, PathSamples, ShapeStatsQuery } from "@fovea/client";
import { toPixelType, type CreateImageUploadRequest, type PixelType, type ShapeInput, type ShapeStatsRowDto, type TypedArray } from "@fovea/model";

/** A shape to measure: a stored shape (its id, or any object with `id`) or an inline shape. */
export type MeasuredShape = number | { readonly id: number } | ShapeInput;

export interface PathSampleOptions {
  /** W, samples across the path (default 1). */
  readonly width?: number;
  /** 0-based channel. */
  readonly c: number;
  /** 0-based Z plane (default 0). */
  readonly z?: number;
  /** 0-based time points, one band each. */
  readonly t: readonly number[];
}

/** Path samples with an accessor: `at(i, k, s)` = time point t[i], row k across, sample s along. */
export interface SampledPath extends PathSamples {
  at(i: number, k: number, s: number): number;
}

export class PixelHelpers {
  readonly #client: FoveaClient;

  constructor(client: FoveaClient) {
    this.#client = client;
  }

  /**
   * Count, min, max, sum, mean and population std of each shape's pixels (raw values), one row per
   * shape × plane × channel; a shape's own z/t wins over `opts.z`/`opts.t`.
   *
   * @example
   * const rows = await ctx.pixels.shapeStats(image.id, roi.shapes, { channels: [0, 1], z: "all", t: "all" });
   */
  shapeStats(imageId: number, shapes: readonly MeasuredShape[], opts: ShapeStatsQuery = {}): Promise<ShapeStatsRowDto[]> {
    const items = shapes.map((s) => (typeof s === "number" ? s : "kind" in s && !("id" in s) ? s : (s as { id: number }).id));
    return this.#client.measure.shapeStats(imageId, items, opts);
  }

  /**
   * Bilinear samples along a path at unit arc length, `width` across it (see SCRIPTS.md, Kymograph).
   * Values are float64; round them with `toPixelType` from @fovea/model to store them.
   *
   * @example
   * const band = await ctx.pixels.pathSamples(image.id, [[10, 10], [80, 40]], { width: 4, c: 0, t: [0, 1, 2] });
   * const v = band.at(0, 3, 17); // time point 0, row 3 across, sample 17 along
   */
  async pathSamples(imageId: number, points: readonly (readonly [number, number])[], opts: PathSampleOptions): Promise<SampledPath> {
    const res = await this.#client.measure.pathSamples(imageId, {
      points: points.map(([x, y]) => [x, y] as [number, number]), width: opts.width ?? 1, c: opts.c, t: [...opts.t],
      ...(opts.z !== undefined && { z: opts.z }),
    });
    return { ...res, at: (i, k, s) => res.data[(i * res.width + k) * res.length + s]! };
  }
}

/** A new image's description (sizes, type, channels, calibration, dataset). */
export type NewImage = CreateImageUploadRequest;

/** Writes plane (z, c, t): a typed array of the image's pixel type, or numbers (rounded with toPixelType). */
export type WritePlane = (z: number, c: number, t: number, values: TypedArray | ArrayLike<number>) => Promise<void>;

const CTORS = {
  uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array,
  uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array,
} as const satisfies Record<PixelType, unknown>;

/**
 * Creates an image from planes `fill` writes; it appears only when every plane is written and
 * `fill` resolves. On any failure the upload is abandoned and the error rethrown.
 */
export async function createImage(client: FoveaClient, meta: NewImage, fill: (writePlane: WritePlane) => Promise<void>): Promise<ImageDto> {
  const { uploadId } = await client.imageUploads.create(meta);
  const ctor = CTORS[meta.pixelType];
  const writePlane: WritePlane = async (z, c, t, values) => {
    const typed = values instanceof ctor ? values : ctor.from(Array.from(values as ArrayLike<number>, (v) => toPixelType(v, meta.pixelType)));
    await client.imageUploads.putPlane(uploadId, z, c, t, typed);
  };
  try {
    await fill(writePlane);
    return await client.imageUploads.commit(uploadId);
  } catch (err) {
    await client.imageUploads.abort(uploadId).catch(() => undefined);
    throw err;
  }
}
