/**
 * Builds the viewer's OpenLayers map: a pixel projection over the image's extent (coords.ts), one
 * tile layer over the render API, pan/zoom by mouse, touch and keyboard, no rotation. The map's
 * units are full-resolution pixels, so view resolution 1 shows the image at 1:1 (100 %).
 * Not React: `use-viewer-map.ts` creates one per mounted viewer and disposes it.
 */
import OlMap from "ol/Map";
import View from "ol/View";
import TileLayer from "ol/layer/Tile";
import Projection from "ol/proj/Projection";
import KeyboardPan from "ol/interaction/KeyboardPan";
import KeyboardZoom from "ol/interaction/KeyboardZoom";
import { defaults as defaultInteractions } from "ol/interaction/defaults";
import type { ImageDto } from "@fovea/model";
import { imageExtent } from "./coords.ts";
import { createPyramidTileGrid, type PyramidLayout } from "./pyramid-grid.ts";
import { RenderTileSource } from "./render-tile-source.ts";
import type { RenderSettings } from "./render-settings.ts";

/** Deepest zoom: one image pixel as 32 × 32 screen pixels (3200 %). */
export const MIN_RESOLUTION = 1 / 32;
/** Top, right, bottom, left: room for the zoom toolbar above and the scale bar below the image. */
const FIT_PADDING = [60, 24, 44, 24];

export interface ViewerMap {
  readonly map: OlMap;
  readonly source: RenderTileSource;
  /** The whole image, centred, as large as the map allows. */
  fit(): void;
  /** One image pixel per screen pixel, keeping the centre. */
  actualSize(): void;
  /** Zooms by whole steps of 2× (negative: out), animated. */
  zoomBy(steps: number): void;
  dispose(): void;
}

export interface ViewerMapOptions {
  target: HTMLElement;
  image: ImageDto;
  layout: PyramidLayout;
  settings: RenderSettings;
  onTileError?: ((err: unknown) => void) | undefined;
}

export function createViewerMap({ target, image, layout, settings, onTileError }: ViewerMapOptions): ViewerMap {
  const extent = imageExtent(image.sizeX, image.sizeY);
  const projection = new Projection({ code: `fovea-image-${image.id}`, units: "pixels", extent });
  const tileGrid = createPyramidTileGrid(layout, image.sizeX, image.sizeY);
  const source = new RenderTileSource({ imageId: image.id, layout, tileGrid, projection, settings, onTileError });
  const view = new View({
    projection, extent, constrainOnlyCenter: true, showFullExtent: true, enableRotation: false,
    // Zoomed out, the whole image stays at least ~64 screen pixels across.
    maxResolution: Math.max(2 ** (layout.levels.length - 1), Math.max(image.sizeX, image.sizeY) / 64),
    minResolution: MIN_RESOLUTION,
  });
  const map = new OlMap({
    target, view, controls: [],
    // `extent` clips coarse levels, whose halved-and-rounded-up sizes reach a few pixels past the image.
    layers: [new TileLayer({ source, preload: 1, extent })],
    // Keyboard pan/zoom listen on the map's (focusable) target element, added explicitly below.
    interactions: defaultInteractions({ altShiftDragRotate: false, pinchRotate: false, keyboard: false })
      .extend([new KeyboardPan(), new KeyboardZoom()]),
  });
  // A click or drag on the image gives it the keyboard, so the arrow keys pan right away.
  const focusMap = () => target.focus({ preventScroll: true });
  target.addEventListener("pointerdown", focusMap);

  const fit = () => view.fit(extent, { padding: FIT_PADDING });
  fitWhenSized(map, fit);
  return {
    map, source, fit,
    actualSize: () => view.animate({ resolution: 1, duration: 200 }),
    zoomBy: (steps) => {
      const resolution = view.getResolution();
      if (resolution !== undefined) view.animate({ resolution: view.getConstrainedResolution(resolution / 2 ** steps), duration: 200 });
    },
    dispose: () => {
      target.removeEventListener("pointerdown", focusMap);
      map.setTarget(undefined);
      // The tile renderer's `preload` queues lower-resolution tiles from a setTimeout(0) of the
      // last frame, and that callback reads the layer: disposing the layers now made it throw
      // "reading 'getRenderSource'" when the viewer was left right after a render. A timer set
      // now runs after it (timers of equal delay run in order), so dispose from there.
      window.setTimeout(() => {
        map.getLayers().forEach((layer) => layer.dispose());
        map.dispose();
      }, 0);
    },
  };
}

/** Fits as soon as the map has a size (it has none until its element has been laid out). */
function fitWhenSized(map: OlMap, fit: () => void): void {
  const hasSize = () => {
    const size = map.getSize();
    return size !== undefined && size[0]! > 0 && size[1]! > 0;
  };
  map.updateSize();
  if (hasSize()) {
    fit();
    return;
  }
  const onSize = () => {
    if (!hasSize()) return;
    map.un("change:size", onSize);
    fit();
  };
  map.on("change:size", onSize);
}
