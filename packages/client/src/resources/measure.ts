/**
 * Server-side pixel operations for scripts: shape statistics, path samples (kymographs), and new
 * images from streamed planes (`/images/:id/shape-stats`, `/images/:id/path-samples`, `/image-uploads`).
 */
import type {
  CreateImageUploadRequest, ImageDto, ImageUploadDto, PathSamplesRequest, ShapeInput, ShapeStatsRowDto,
} from "@fovea/model";
import type { Transport } from "../transport.ts";

export interface ShapeStatsQuery {
  /** 0-based channels; default all. */
  channels?: number[];
  /** 0-based planes or "all" (default); a shape with its own z/t is measured there only. */
  z?: number[] | "all";
  t?: number[] | "all";
  /** A shape whose c is set is measured on that channel only. */
  shapeChannelOnly?: boolean;
}

/** Samples along a path: `at(i, k, s)` is time point `t[i]`, row k across the path, sample s along it. */
export interface PathSamples {
  /** W, rows across the path. */
  width: number;
  /** N = ⌊L⌋ + 1, samples along it. */
  length: number;
  /** L in pixels. */
  pathLength: number;
  t: number[];
  /** (T, W, N), row-major. */
  data: Float64Array;
}

export class MeasureApi {
  readonly #http: Transport;
  constructor(http: Transport) {
    this.#http = http;
  }

  /** Count, min, max, sum, mean and population std of each shape's pixels, per plane and channel. */
  async shapeStats(imageId: number, shapes: readonly (number | ShapeInput)[], q: ShapeStatsQuery = {}, signal?: AbortSignal): Promise<ShapeStatsRowDto[]> {
    const res = await this.#http.json<{ items: ShapeStatsRowDto[] }>("POST", `/images/${imageId}/shape-stats`, { body: { shapes, ...q }, signal });
    return res.items;
  }

  /** Bilinear samples of one channel along a path (fetched as raw float64). */
  async pathSamples(imageId: number, body: Omit<PathSamplesRequest, "format">, signal?: AbortSignal): Promise<PathSamples> {
    const res = await this.#http.send("POST", `/images/${imageId}/path-samples`, { body: { ...body, format: "binary" }, signal });
    const [, width, length] = (res.headers.get("x-fovea-shape") ?? "0,0,0").split(",").map(Number);
    const data = new Float64Array(await res.arrayBuffer());
    return { width: width!, length: length!, pathLength: Number(res.headers.get("x-fovea-path-length")), t: [...body.t], data };
  }
}

export class ImageUploadsApi {
  readonly #http: Transport;
  constructor(http: Transport) {
    this.#http = http;
  }

  /** Starts a new image; then write every plane with putPlane and finish with commit. */
  create(body: CreateImageUploadRequest, signal?: AbortSignal): Promise<ImageUploadDto> {
    return this.#http.json("POST", "/image-uploads", { body, signal });
  }
  /** One plane, raw little-endian values in row-major order (a typed array of the pixel type will do). */
  async putPlane(uploadId: string, z: number, c: number, t: number, data: ArrayBufferView, signal?: AbortSignal): Promise<void> {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    await this.#http.json("PUT", `/image-uploads/${uploadId}/planes/${z}/${c}/${t}`, { bytes, signal });
  }
  /** Creates the image once every plane is written. */
  commit(uploadId: string, signal?: AbortSignal): Promise<ImageDto> {
    return this.#http.json("POST", `/image-uploads/${uploadId}/commit`, { signal });
  }
  abort(uploadId: string, signal?: AbortSignal): Promise<void> {
    return this.#http.json("DELETE", `/image-uploads/${uploadId}`, { signal });
  }
}
