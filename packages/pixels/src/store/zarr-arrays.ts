/**
 * The zarrita calls of the store: one (t, c, z, y, x) array per pyramid level, written and read a
 * band or region at a time. Only the chunks a selection touches are read or written.
 */
import * as zarr from "zarrita";
import FileSystemStore from "@zarrita/storage/fs";
import { FoveaError } from "@fovea/model";
import { PIXEL_TYPES, type PixelType, type Plane, type TypedArray } from "../common/pixel-types.ts";
import type { Region } from "@fovea/core";
import { boundedQueue } from "./chunk-queue.ts";
import { AXES } from "./ngff-attributes.ts";
import { CHUNK_CODECS, TILE_SIZE } from "./zarr-codec.ts";

export type LevelArray = zarr.Array<PixelType, FileSystemStore>;

export interface ArrayShape {
  readonly sizeT: number;
  readonly sizeC: number;
  readonly sizeZ: number;
  readonly sizeY: number;
  readonly sizeX: number;
}

/**
 * A published image has every chunk (commit checks each plane was written), so a missing chunk
 * means the image was deleted or damaged underneath us. Zarr would silently read it as the fill
 * value; reads of published images fail instead. The writer keeps the lenient store: zarrita
 * reads absent edge chunks while filling them.
 */
class PublishedStore extends FileSystemStore {
  override async get(key: Parameters<FileSystemStore["get"]>[0], opts?: Parameters<FileSystemStore["get"]>[1]): Promise<Uint8Array | undefined> {
    const bytes = await super.get(key, opts);
    if (bytes === undefined && key.includes("/c/")) {
      throw new FoveaError("NOT_FOUND", `pixel chunk ${key} is missing under ${this.root}: the image was deleted or is damaged`);
    }
    return bytes;
  }
}

/** The zarrita root of an OME-Zarr folder; `published` makes missing chunks an error. */
export function zarrRoot(dir: string, published = false): zarr.Location<FileSystemStore> {
  return zarr.root(published ? new PublishedStore(dir) : new FileSystemStore(dir));
}

export async function createLevelArray(root: zarr.Location<FileSystemStore>, level: number, s: ArrayShape, dtype: PixelType): Promise<LevelArray> {
  return zarr.create(root.resolve(String(level)), {
    shape: [s.sizeT, s.sizeC, s.sizeZ, s.sizeY, s.sizeX],
    // Chunks are clipped to the image: a 100² image is one 100² chunk, not a padded 512² one.
    chunkShape: [1, 1, 1, Math.min(TILE_SIZE, s.sizeY), Math.min(TILE_SIZE, s.sizeX)],
    dtype,
    codecs: CHUNK_CODECS,
    fillValue: 0,
    dimensionNames: [...AXES],
  });
}

export async function openLevelArray(root: zarr.Location<FileSystemStore>, level: number, signal?: AbortSignal): Promise<LevelArray> {
  const arr = await zarr.open.v3(root.resolve(String(level)), { kind: "array", ...(signal ? { signal } : {}) });
  if (!(PIXEL_TYPES as readonly string[]).includes(arr.dtype)) {
    throw new FoveaError("INTERNAL", `stored array ${root.path}${level} has unsupported dtype ${arr.dtype}`);
  }
  return arr as LevelArray;
}

/** Writes `rows` (width × height, row-major) at rows y0… of plane (t, c, z). */
export async function writeRows(
  arr: LevelArray, t: number, c: number, z: number, y0: number, rows: TypedArray, width: number, height: number, signal?: AbortSignal,
): Promise<void> {
  const value = { data: rows, shape: [height, width], stride: [width, 1] } as zarr.Chunk<PixelType>;
  await zarr.set(arr, [t, c, z, zarr.slice(y0, y0 + height), null], value, {
    createQueue: () => boundedQueue(),
    ...(signal ? { signal } : {}),
  });
}

/** Reads `region` of plane (t, c, z); the caller has checked the bounds. */
export async function readRows(arr: LevelArray, t: number, c: number, z: number, region: Region, signal?: AbortSignal): Promise<Plane> {
  const { x, y, width, height } = region;
  const out = await zarr.get(arr, [t, c, z, zarr.slice(y, y + height), zarr.slice(x, x + width)], {
    createQueue: () => boundedQueue(),
    ...(signal ? { signal } : {}),
  });
  return { width, height, data: out.data as TypedArray };
}
