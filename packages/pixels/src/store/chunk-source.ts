/**
 * Decoded chunks of one pyramid level, one plane-tile at a time, through zarrita's own getChunk
 * (so every layout zarrita reads still reads). The decoded array is used as it comes: no copy.
 */
import type { PixelType, TypedArray } from "../common/pixel-types.ts";
import type { LevelArray } from "./zarr-arrays.ts";

/** Chunk coordinates within a level: (t, c, z) pick the plane, (cy, cx) the tile. */
export interface ChunkCoords {
  readonly t: number;
  readonly c: number;
  readonly z: number;
  readonly cy: number;
  readonly cx: number;
}

/** Where a level's decoded chunks come from. */
export interface ChunkSource {
  readonly dtype: PixelType;
  /** Chunk height and width: the shape of every decoded chunk, edge chunks included. */
  readonly chunkY: number;
  readonly chunkX: number;
  /** A freshly decoded chunk, row-major, chunkY × chunkX. */
  read(at: ChunkCoords, signal?: AbortSignal): Promise<TypedArray>;
}

/**
 * The chunk source of `arr`, or undefined when its chunks span more than one plane (not a layout
 * the store writes; such arrays are read with zarr.get instead).
 */
export function chunkSource(arr: LevelArray): ChunkSource | undefined {
  if (arr.chunks.length !== 5 || arr.chunks.slice(0, 3).some((n) => n !== 1)) return undefined;
  return {
    dtype: arr.dtype as PixelType,
    chunkY: arr.chunks[3]!,
    chunkX: arr.chunks[4]!,
    async read(at, signal) {
      const chunk = await arr.getChunk([at.t, at.c, at.z, at.cy, at.cx], signal ? { signal } : undefined);
      return chunk.data as TypedArray;
    },
  };
}
