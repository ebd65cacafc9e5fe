/**
 * Builds levels 1… from level 0, band by band: 1024 source rows (two chunk rows) become one
 * 512-row chunk row of the next level. Memory stays at one source band plus one output band,
 * whatever the plane size, and every write is chunk-aligned (no read-modify-write).
 */
import type * as zarr from "zarrita";
import type FileSystemStore from "@zarrita/storage/fs";
import { allocate, type PixelType } from "../common/pixel-types.ts";
import { downsample2x2 } from "./downsample.ts";
import { createLevelArray, readRows, writeRows, type LevelArray } from "./zarr-arrays.ts";
import { TILE_SIZE } from "./zarr-codec.ts";

export interface PyramidSpec {
  readonly pixelType: PixelType;
  readonly sizeZ: number;
  readonly sizeC: number;
  readonly sizeT: number;
  readonly levels: readonly { readonly sizeX: number; readonly sizeY: number }[];
}

/** Writes levels 1… of `spec` (level 0 is `level0`); returns every level's array. */
export async function buildPyramid(
  root: zarr.Location<FileSystemStore>, level0: LevelArray, spec: PyramidSpec, signal?: AbortSignal,
): Promise<LevelArray[]> {
  const arrays = [level0];
  for (let level = 1; level < spec.levels.length; level++) {
    signal?.throwIfAborted();
    const src = spec.levels[level - 1]!;
    const dst = spec.levels[level]!;
    const shape = { sizeT: spec.sizeT, sizeC: spec.sizeC, sizeZ: spec.sizeZ, sizeY: dst.sizeY, sizeX: dst.sizeX };
    const arr = await createLevelArray(root, level, shape, spec.pixelType);
    for (let t = 0; t < spec.sizeT; t++) for (let c = 0; c < spec.sizeC; c++) for (let z = 0; z < spec.sizeZ; z++) {
      await halvePlane(arrays[level - 1]!, arr, { t, c, z }, src, dst, spec.pixelType, signal);
    }
    arrays.push(arr);
  }
  return arrays;
}

async function halvePlane(
  from: LevelArray, to: LevelArray, at: { t: number; c: number; z: number },
  src: { sizeX: number; sizeY: number }, dst: { sizeX: number; sizeY: number }, pixelType: PixelType, signal?: AbortSignal,
): Promise<void> {
  const { t, c, z } = at;
  for (let oy = 0; oy < dst.sizeY; oy += TILE_SIZE) {
    signal?.throwIfAborted();
    const rows = Math.min(TILE_SIZE, dst.sizeY - oy);
    const srcRows = Math.min(2 * rows, src.sizeY - 2 * oy);
    const band = await readRows(from, t, c, z, { x: 0, y: 2 * oy, width: src.sizeX, height: srcRows }, signal);
    const out = allocate(pixelType, dst.sizeX * rows);
    downsample2x2(band.data, src.sizeX, srcRows, out);
    await writeRows(to, t, c, z, oy, out, dst.sizeX, rows, signal);
  }
}
