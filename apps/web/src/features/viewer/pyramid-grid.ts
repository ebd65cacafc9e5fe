/**
 * The stored pyramid as an OpenLayers tile grid. Level 0 of the layout is full resolution and
 * each next level is halved, so level L has resolution 2^L map units (full-resolution pixels) per
 * level pixel. OpenLayers wants its zoom levels coarsest first: grid z = levels − 1 − L.
 *
 * Tile coordinates: the grid's origin is the image's top-left corner, map point [0, 0] (see
 * coords.ts), and OpenLayers counts tile rows downward from it, so tile (x, y) of level L covers
 * that level's pixels [x·ts, (x+1)·ts) × [y·ts, (y+1)·ts), exactly the render API's region.
 */
import TileGrid from "ol/tilegrid/TileGrid";
import { imageExtent } from "./coords.ts";

export interface PyramidLayout {
  tileSize: number;
  /** Level 0 = full resolution; each next one halved. */
  levels: readonly { sizeX: number; sizeY: number }[];
}

export interface TileRequest {
  level: number;
  /** In the level's pixels, clipped to the level's size. */
  region: { x: number; y: number; width: number; height: number };
}

/** Resolutions of the grid's zoom levels, coarsest first: [2^(n−1), …, 2, 1]. */
export function pyramidResolutions(layout: PyramidLayout): number[] {
  return layout.levels.map((_, i) => 2 ** (layout.levels.length - 1 - i));
}

/** The pyramid level a grid zoom level reads. */
export function levelOfGridZ(layout: PyramidLayout, gridZ: number): number {
  return layout.levels.length - 1 - gridZ;
}

/**
 * The render API request for grid tile (gridZ, x, y), or null when the tile lies outside the
 * level. Edge tiles are clipped: the server refuses regions beyond the plane.
 */
export function tileRequest(layout: PyramidLayout, gridZ: number, x: number, y: number): TileRequest | null {
  const level = levelOfGridZ(layout, gridZ);
  const size = layout.levels[level];
  if (!size || x < 0 || y < 0) return null;
  const ts = layout.tileSize;
  const left = x * ts;
  const top = y * ts;
  const width = Math.min(ts, size.sizeX - left);
  const height = Math.min(ts, size.sizeY - top);
  if (width <= 0 || height <= 0) return null;
  return { level, region: { x: left, y: top, width, height } };
}

/** The grid over the image's extent [0, −sizeY, sizeX, 0], origin at its top-left corner. */
export function createPyramidTileGrid(layout: PyramidLayout, sizeX: number, sizeY: number): TileGrid {
  return new TileGrid({
    extent: imageExtent(sizeX, sizeY),
    origin: [0, 0],
    resolutions: pyramidResolutions(layout),
    tileSize: layout.tileSize,
  });
}
