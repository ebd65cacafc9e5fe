/**
 * The tile source of the viewer: the render API over the pyramid grid, keyed by the render
 * settings. Changing channels, Z or T swaps the loader and the key; OpenLayers keeps drawing the
 * tiles of the previous key until the new key's tiles have loaded, so the image never blanks
 * (no flicker), and going back to earlier settings reuses their cached tiles.
 */
import ImageTile from "ol/source/ImageTile";
import type Projection from "ol/proj/Projection";
import type TileGrid from "ol/tilegrid/TileGrid";
import type { PyramidLayout } from "./pyramid-grid.ts";
import { settingsKey, type RenderSettings } from "./render-settings.ts";
import { makeTileLoader } from "./tile-loader.ts";

export interface RenderTileSourceOptions {
  imageId: number;
  layout: PyramidLayout;
  tileGrid: TileGrid;
  projection: Projection;
  settings: RenderSettings;
  onTileError?: ((err: unknown) => void) | undefined;
}

export class RenderTileSource extends ImageTile {
  readonly #imageId: number;
  readonly #layout: PyramidLayout;
  readonly #onTileError: ((err: unknown) => void) | undefined;

  constructor(options: RenderTileSourceOptions) {
    const { imageId, layout, settings, onTileError } = options;
    super({
      loader: makeTileLoader({ imageId, layout, settings, onTileError }),
      projection: options.projection,
      tileGrid: options.tileGrid,
      wrapX: false,
      // No fade-in: a new Z or channel setting replaces the old tiles at once, never through black.
      transition: 0,
      // Zoomed in beyond 1:1, pixels show as crisp squares, as a microscopist expects.
      interpolate: false,
    });
    this.#imageId = imageId;
    this.#layout = layout;
    this.#onTileError = onTileError;
    this.setKey(settingsKey(settings));
  }

  /** Shows other settings; a no-op when they render the same tiles. */
  show(settings: RenderSettings): void {
    const key = settingsKey(settings);
    if (key === this.getKey()) return;
    this.setLoader(makeTileLoader({ imageId: this.#imageId, layout: this.#layout, settings, onTileError: this.#onTileError }));
    this.setKey(key);
  }
}
