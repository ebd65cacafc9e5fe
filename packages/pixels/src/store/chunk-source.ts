/**
 * Decoded chunks of one pyramid level, one plane-tile at a time. For the store's own layout
 * (CHUNK_CODECS: little-endian bytes + zstd, "/"-separated chunk keys) the chunk file is read and
 * decompressed here, with the cheaper decoder of zstd-decode.ts, and viewed in place as a typed
 * array: no copy. Any other layout, or a chunk that is not one clean zstd frame of the expected
 * size, goes through zarrita's own getChunk, so every store that zarrita reads still reads.
 */
import { FoveaError } from "@fovea/model";
import { bytesPerPixel, viewAs, type PixelType, type TypedArray } from "../common/pixel-types.ts";
import type { LevelArray } from "./zarr-arrays.ts";
import { decompressZstd, frameContentSize, zstdDecoder } from "./zstd-decode.ts";

/** Chunk coordinates within a level: (t, c, z) pick the plane, (cy, cx) the tile. */
export interface ChunkCoords {
  readonly t: number;
  readonly c: number;
  readonly z: number;
  readonly cy: number;
  readonly cx: number;
}

export interface ChunkSource {
  readonly dtype: PixelType;
  /** Chunk height and width: the shape of every decoded chunk, edge chunks included. */
  readonly chunkY: number;
  readonly chunkX: number;
  /** A freshly decoded chunk, row-major, chunkY × chunkX. */
  read(at: ChunkCoords, signal?: AbortSignal): Promise<TypedArray>;
}

type Json = Record<string, unknown>;

/**
 * A chunk source for `arr`, whose `zarr.json` document is `meta`, or undefined when its chunks
 * span more than one plane (not a layout the store writes; such arrays are read with zarr.get).
 */
export function chunkSource(arr: LevelArray, meta: Json): ChunkSource | undefined {
  if (arr.chunks.length !== 5 || arr.chunks.slice(0, 3).some((n) => n !== 1)) return undefined;
  const chunkY = arr.chunks[3]!;
  const chunkX = arr.chunks[4]!;
  const dtype = arr.dtype as PixelType;
  const expected = chunkY * chunkX * bytesPerPixel(dtype);
  const own = isOwnLayout(meta, dtype);
  const viaZarrita = async (at: ChunkCoords, signal?: AbortSignal) =>
    (await arr.getChunk([at.t, at.c, at.z, at.cy, at.cx], signal ? { signal } : undefined)).data as TypedArray;
  return {
    dtype, chunkY, chunkX,
    async read(at, signal) {
      const decoder = own ? await zstdDecoder() : undefined;
      if (!decoder) return viaZarrita(at, signal);
      const key = `${arr.path.replace(/\/$/, "")}/c/${at.t}/${at.c}/${at.z}/${at.cy}/${at.cx}`;
      const bytes = await arr.store.get(key as `/${string}`, signal ? { signal } : undefined);
      // A missing chunk (only the writer's lenient store returns undefined) reads as fill value.
      if (!bytes || frameContentSize(bytes) !== expected) return viaZarrita(at, signal);
      const raw = await decompressZstd(decoder, bytes);
      if (raw.byteLength !== expected) {
        throw new FoveaError("INTERNAL", `pixel chunk ${key} of ${arr.store.root} is damaged: ${raw.byteLength} bytes decoded, ${expected} expected`);
      }
      return viewAs(dtype, new Uint8Array(raw));
    },
  };
}

/** Exactly the layout createLevelArray writes (any zstd level or checksum setting decodes alike). */
function isOwnLayout(meta: Json, dtype: PixelType): boolean {
  const codecs = meta.codecs as Json[] | undefined;
  const keys = meta.chunk_key_encoding as { name?: string; configuration?: { separator?: string } } | undefined;
  const bytes = codecs?.[0]?.configuration as { endian?: string } | undefined;
  return meta.data_type === dtype
    && codecs?.length === 2 && codecs[0]?.name === "bytes" && codecs[1]?.name === "zstd"
    && (bytes?.endian === "little" || (bytes?.endian === undefined && dtype.endsWith("8")))
    && keys?.name === "default" && (keys.configuration?.separator ?? "/") === "/";
}
