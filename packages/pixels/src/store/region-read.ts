/**
 * A region of one plane, assembled from its decoded chunks with as few copies as possible: a
 * region that is exactly one chunk (a viewer's tile) is the decoded chunk itself; any other region
 * is one typed-array row copy per chunk row it overlaps. Chunks come from the cache when they can.
 */
import type { Region } from "@fovea/core";
import { allocate, type Plane, type TypedArray } from "../common/pixel-types.ts";
import type { ChunkCache } from "./chunk-cache.ts";
import { boundedQueue } from "./chunk-queue.ts";
import type { ChunkCoords, ChunkSource } from "./chunk-source.ts";

/** How readRegionFromChunks may use the chunk cache, and what the caller may do with the result. */
export interface RegionReadOptions {
  /** Where decoded chunks are kept, under `cacheKey`/t/c/z/cy/cx; absent: nothing is kept. */
  readonly cache?: ChunkCache | undefined;
  readonly cacheKey: string;
  /** Checked before a decoded chunk is kept: false once the image was deleted meanwhile. */
  readonly stillValid: () => boolean;
  /**
   * The caller promises not to write to the result, which may then be a cached chunk itself.
   * Otherwise the result is the caller's own.
   */
  readonly readOnly: boolean;
  readonly signal?: AbortSignal | undefined;
}

/** Reads `region` of plane (t, c, z); the caller has checked the bounds. */
export async function readRegionFromChunks(
  source: ChunkSource, t: number, c: number, z: number, region: Region, opts: RegionReadOptions,
): Promise<Plane> {
  const { x, y, width, height } = region;
  const { chunkY, chunkX } = source;
  const [cy0, cy1] = [Math.floor(y / chunkY), Math.floor((y + height - 1) / chunkY)];
  const [cx0, cx1] = [Math.floor(x / chunkX), Math.floor((x + width - 1) / chunkX)];
  if (x === cx0 * chunkX && y === cy0 * chunkY && width === chunkX && height === chunkY) {
    const { data, shared } = await chunk(source, { t, c, z, cy: cy0, cx: cx0 }, opts, "keep");
    return { width, height, data: shared && !opts.readOnly ? data.slice() : data };
  }
  const out = allocate(source.dtype, width * height);
  // A few chunks at a time: file reads overlap decoding, and memory stays bounded on big planes.
  const queue = boundedQueue();
  for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) {
    queue.add(async () => {
      const { data } = await chunk(source, { t, c, z, cy, cx }, opts, "offer");
      copyOverlap(data, cy * chunkY, cx * chunkX, chunkX, out, region);
    });
  }
  await queue.onIdle();
  return { width, height, data: out };
}

/**
 * A decoded chunk, from the cache if it is there. A newly decoded one is kept at once for a tile
 * (a region that is exactly one chunk: viewers come back to those), and only offered for larger
 * regions, which are mostly one-off reads (see ChunkCache).
 */
async function chunk(source: ChunkSource, at: ChunkCoords, opts: RegionReadOptions, policy: "keep" | "offer"): Promise<{ data: TypedArray; shared: boolean }> {
  opts.signal?.throwIfAborted();
  const key = `${opts.cacheKey}/${at.t}/${at.c}/${at.z}/${at.cy}/${at.cx}`;
  const hit = opts.cache?.get(key);
  if (hit) return { data: hit, shared: true };
  const data = await source.read(at, opts.signal);
  if (!opts.cache || !opts.stillValid()) return { data, shared: false };
  if (policy === "offer") return { data, shared: opts.cache.offer(key, data) };
  opts.cache.set(key, data);
  return { data, shared: true };
}

/** Copies the part of a chunk (origin oy, ox; rows of `stride`) that lies in `region` into `out`. */
function copyOverlap(data: TypedArray, oy: number, ox: number, stride: number, out: TypedArray, region: Region): void {
  const { x, y, width, height } = region;
  const rowFrom = Math.max(y, oy);
  const rowTo = Math.min(y + height, oy + data.length / stride);
  const colFrom = Math.max(x, ox);
  const cols = Math.min(x + width, ox + stride) - colFrom;
  for (let r = rowFrom; r < rowTo; r++) {
    const src = (r - oy) * stride + (colFrom - ox);
    out.set(data.subarray(src, src + cols), (r - y) * width + (colFrom - x));
  }
}
