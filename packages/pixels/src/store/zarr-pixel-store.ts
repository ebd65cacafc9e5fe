/**
 * The pixel store: one OME-Zarr (NGFF 0.5, Zarr v3) folder per image under the root,
 * `<root>/<key>.ome.zarr`, with arrays `0`, `1`, … of shape (t, c, z, y, x) chunked per plane in
 * 512² tiles, plus Fovea's `fovea.json` manifest and `thumbnail.png`.
 *
 * Images are write-once: create → writePlane… → commit publishes, delete removes. That is what
 * makes caching the opened arrays and the decoded chunks safe; delete() drops both.
 */
import { access, mkdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { ImageMetadata, PixelStore, PixelWriter, Region, StoredLayout } from "@fovea/core";
import { FoveaError, PIXEL_TYPES, type FieldIssue, type Plane } from "@fovea/model";
import type { ChannelStats } from "../common/render-defaults.ts";
import { ChunkCache, DEFAULT_CHUNK_CACHE_BYTES } from "./chunk-cache.ts";
import { chunkSource, type ChunkSource } from "./chunk-source.ts";
import { readRegionFromChunks } from "./region-read.ts";
import { readManifest, type StoreManifest } from "./store-manifest.ts";
import { THUMBNAIL_FILE, assertSafeKey, imageDir, tempDir } from "./store-paths.ts";
import { openLevelArray, readRows, zarrRoot, type LevelArray } from "./zarr-arrays.ts";
import { ZarrPixelWriter } from "./zarr-pixel-writer.ts";

/** Opened images kept for tile reads: manifest and array metadata are read once per image. */
const CACHE_SIZE = 64;

/** Tuning of createZarrPixelStore; the defaults suit the server. */
export interface ZarrPixelStoreOptions {
  /** Budget for decoded chunks kept between reads (default 64 MiB); 0 keeps none. */
  readonly chunkCacheBytes?: number | undefined;
}

/** The Zarr store, with a read for callers that never write to what they get (the renderer). */
export interface ZarrPixelStore extends PixelStore {
  /**
   * readRegion, except that the result may share memory with the store's chunk cache: the caller
   * must not write to it. Saves a copy when the region is exactly one cached chunk.
   */
  readRegionView(key: string, level: number, z: number, c: number, t: number, region: Region, signal?: AbortSignal): Promise<Plane>;
}

interface OpenedImage {
  readonly manifest: StoreManifest;
  readonly levels: Map<number, Promise<Level>>;
}

interface Level {
  readonly array: LevelArray;
  /** Undefined for arrays whose chunks span several planes (read with zarr.get instead). */
  readonly chunks: ChunkSource | undefined;
}

/** An open image and its number, which prefixes its cached chunks (a reopened key gets a new one). */
interface ImageEntry {
  readonly id: number;
  readonly opened: Promise<OpenedImage>;
}

/** The pixel store rooted at `rootDir` (created on first write). */
export function createZarrPixelStore(rootDir: string, options: ZarrPixelStoreOptions = {}): ZarrPixelStore {
  const images = new Map<string, ImageEntry>();
  const budget = options.chunkCacheBytes ?? DEFAULT_CHUNK_CACHE_BYTES;
  const chunkCache = budget > 0 ? new ChunkCache(budget) : undefined;
  let nextId = 0;

  const forget = (key: string) => {
    const entry = images.get(key);
    if (!entry) return;
    images.delete(key);
    chunkCache?.evict(`${entry.id}/`);
  };

  const openImage = (key: string): ImageEntry => {
    const hit = images.get(key);
    if (hit) {
      images.delete(key); // re-insert: Map order is the LRU order
      images.set(key, hit);
      return hit;
    }
    const opened = readManifest(imageDir(rootDir, key), key).then((manifest) => ({ manifest, levels: new Map() }));
    const entry = { id: nextId++, opened };
    opened.catch(() => { if (images.get(key) === entry) images.delete(key); }); // a failure (e.g. not found yet) must not stick
    images.set(key, entry);
    if (images.size > CACHE_SIZE) forget(images.keys().next().value!);
    return entry;
  };

  const levelOf = (key: string, image: OpenedImage, level: number, signal?: AbortSignal): Promise<Level> => {
    let lvl = image.levels.get(level);
    if (!lvl) {
      lvl = openLevel(imageDir(rootDir, key), level, signal);
      lvl.catch(() => image.levels.delete(level));
      image.levels.set(level, lvl);
    }
    return lvl;
  };

  const read = async (key: string, level: number, z: number, c: number, t: number, region: Region, readOnly: boolean, signal?: AbortSignal): Promise<Plane> => {
    const entry = openImage(key);
    const image = await entry.opened;
    checkRegion(image.manifest.layout, level, z, c, t, region);
    const { array, chunks } = await levelOf(key, image, level, signal);
    if (!chunks) return readRows(array, t, c, z, region, signal);
    return readRegionFromChunks(chunks, t, c, z, region, {
      cache: chunkCache, cacheKey: `${entry.id}/${level}`, stillValid: () => images.get(key) === entry, readOnly, signal,
    });
  };

  return {
    async create(key: string, meta: ImageMetadata): Promise<PixelWriter> {
      assertSafeKey(key);
      checkMetadata(meta);
      const finalDir = imageDir(rootDir, key);
      if (await exists(finalDir)) throw new FoveaError("CONFLICT", `pixels already stored under key ${key}`);
      await mkdir(rootDir, { recursive: true });
      return ZarrPixelWriter.open(key, meta, tempDir(rootDir, key), finalDir);
    },

    async layout(key: string): Promise<StoredLayout> {
      return (await openImage(key).opened).manifest.layout;
    },

    async channelStats(key: string): Promise<{ min: number; max: number }[]> {
      return (await openImage(key).opened).manifest.channelStats.map((s: ChannelStats) => ({ min: s.min, max: s.max }));
    },

    readRegion(key: string, level: number, z: number, c: number, t: number, region: Region, signal?: AbortSignal): Promise<Plane> {
      return read(key, level, z, c, t, region, false, signal);
    },

    readRegionView(key: string, level: number, z: number, c: number, t: number, region: Region, signal?: AbortSignal): Promise<Plane> {
      return read(key, level, z, c, t, region, true, signal);
    },

    async thumbnail(key: string): Promise<Uint8Array> {
      try {
        const png = await readFile(join(imageDir(rootDir, key), THUMBNAIL_FILE));
        return new Uint8Array(png.buffer, png.byteOffset, png.byteLength); // the file's bytes, not a copy
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new FoveaError("NOT_FOUND", `no thumbnail stored under key ${key}`);
        throw err;
      }
    },

    location(key: string): string {
      return imageDir(rootDir, key);
    },

    async delete(key: string): Promise<void> {
      const dir = imageDir(rootDir, key);
      forget(key);
      // Rename first: readers then see the image gone at once, not half-deleted.
      const doomed = tempDir(rootDir, key, "del");
      try {
        await rename(dir, doomed);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return; // already gone: deleting is idempotent
        throw err;
      }
      await rm(doomed, { recursive: true, force: true });
    },
  };
}

/** A level's array, and its chunk source when the chunks are the store's own one-plane tiles. */
async function openLevel(dir: string, level: number, signal?: AbortSignal): Promise<Level> {
  const array = await openLevelArray(zarrRoot(dir, true), level, signal);
  return { array, chunks: chunkSource(array) };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

function checkMetadata(meta: ImageMetadata): void {
  const issues: FieldIssue[] = [];
  for (const f of ["sizeX", "sizeY", "sizeZ", "sizeC", "sizeT"] as const) {
    const v = meta[f];
    if (!Number.isSafeInteger(v) || v < 1) issues.push({ field: f, message: `must be a positive integer, got ${v}` });
  }
  if (!PIXEL_TYPES.includes(meta.pixelType)) issues.push({ field: "pixelType", message: `must be one of ${PIXEL_TYPES.join(", ")}` });
  if (issues.length > 0) {
    throw new FoveaError("VALIDATION_FAILED", `bad image metadata: ${issues.map((i) => `${i.field} ${i.message}`).join("; ")}`, { details: issues });
  }
}

/** Names every coordinate outside the stored image (VALIDATION_FAILED). */
function checkRegion(layout: StoredLayout, level: number, z: number, c: number, t: number, region: Region): void {
  const issues: FieldIssue[] = [];
  const index = (field: string, v: number, size: number) => {
    if (!Number.isInteger(v) || v < 0 || v >= size) issues.push({ field, message: `must be an integer in 0..${size - 1}, got ${v}` });
  };
  index("level", level, layout.levels.length);
  index("z", z, layout.sizeZ);
  index("c", c, layout.sizeC);
  index("t", t, layout.sizeT);
  const lvl = layout.levels[level];
  if (lvl) {
    const { x, y, width, height } = region;
    const start = (field: string, v: number) => {
      if (!Number.isInteger(v) || v < 0) issues.push({ field, message: `must be a non-negative integer, got ${v}` });
    };
    const extent = (axis: "x" | "y", from: number, len: number, size: number) => {
      const name = axis === "x" ? "width" : "height";
      const field = `region.${name}`;
      if (!Number.isInteger(len) || len < 1) issues.push({ field, message: `must be a positive integer, got ${len}` });
      else if (from + len > size) issues.push({ field, message: `${axis} ${from} + ${name} ${len} exceeds level ${level}'s ${name} ${size}` });
    };
    start("region.x", x);
    start("region.y", y);
    extent("x", x, width, lvl.sizeX);
    extent("y", y, height, lvl.sizeY);
  }
  if (issues.length > 0) {
    throw new FoveaError("VALIDATION_FAILED", `bad region: ${issues.map((i) => `${i.field} ${i.message}`).join("; ")}`, { details: issues });
  }
}
