/**
 * What the viewer tells the page about its state, for browser tests (and for debugging from the
 * console). While a viewer is mounted:
 *
 *   window.__foveaViewer.imageToScreen(x, y) → [clientX, clientY]
 *
 * converts a full-resolution image point (SPEC §2: origin at the top-left pixel's corner, x right,
 * y down) to CSS pixels of the browser viewport — what Playwright's `page.mouse` takes — and
 * `screenToImage` is its inverse. The map element (data-testid="viewer-map") carries, kept up to
 * date: `data-resolution` (image pixels per screen pixel), `data-center` ("x,y" in image pixels),
 * `data-loading` ("true" while tiles load) and `data-rendered-key` (the render settings of the
 * last complete render, e.g. `z=4&t=0&c=-1,-2,-3,4|150:2000$FF00FF`).
 */
import type OlMap from "ol/Map";
import { toImage, toMap } from "./coords.ts";
import type { ViewerMap } from "./viewer-map.ts";

export interface FoveaViewerHandle {
  readonly imageId: number;
  imageToScreen(x: number, y: number): [number, number];
  screenToImage(clientX: number, clientY: number): [number, number];
  /** The image point at the map's centre. */
  center(): [number, number];
  /** Image pixels per screen pixel. */
  resolution(): number;
}

declare global {
  interface Window {
    __foveaViewer?: FoveaViewerHandle | undefined;
  }
}

/** Publishes the handle and the data attributes; returns the function that withdraws them. */
export function exposeViewer(viewer: ViewerMap, element: HTMLElement, imageId: number): () => void {
  const { map, source } = viewer;
  const view = map.getView();
  const handle: FoveaViewerHandle = {
    imageId,
    imageToScreen: (x, y) => mapToClient(map, toMap([x, y])),
    screenToImage: (cx, cy) => toImage(clientToMap(map, cx, cy)),
    center: () => toImage(view.getCenter() ?? [0, 0]),
    resolution: () => view.getResolution() ?? Number.NaN,
  };
  window.__foveaViewer = handle;

  const writeView = () => {
    const center = view.getCenter();
    element.dataset.resolution = String(view.getResolution() ?? "");
    element.dataset.center = center ? toImage(center).join(",") : "";
  };
  const loading = () => { element.dataset.loading = "true"; };
  const loaded = () => { element.dataset.loading = "false"; };
  const rendered = () => { element.dataset.renderedKey = source.getKey(); };
  writeView();
  view.on(["change:center", "change:resolution"], writeView);
  map.on("loadstart", loading);
  map.on("loadend", loaded);
  map.on("rendercomplete", rendered);
  return () => {
    view.un(["change:center", "change:resolution"], writeView);
    map.un("loadstart", loading);
    map.un("loadend", loaded);
    map.un("rendercomplete", rendered);
    if (window.__foveaViewer === handle) window.__foveaViewer = undefined;
  };
}

/**
 * Computed from the view itself rather than the last rendered frame, so the answer is right even
 * between a view change and the next animation frame. The view never rotates.
 */
function mapToClient(map: OlMap, [mx, my]: readonly [number, number]): [number, number] {
  const { resolution, center, width, height, left, top } = frame(map);
  return [left + (mx - center[0]) / resolution + width / 2, top + (center[1] - my) / resolution + height / 2];
}

function clientToMap(map: OlMap, cx: number, cy: number): [number, number] {
  const { resolution, center, width, height, left, top } = frame(map);
  return [center[0] + (cx - left - width / 2) * resolution, center[1] - (cy - top - height / 2) * resolution];
}

function frame(map: OlMap) {
  const view = map.getView();
  const rect = (map.getViewport() ?? map.getTargetElement())?.getBoundingClientRect() ?? new DOMRect();
  const center = view.getCenter() ?? [0, 0];
  return { resolution: view.getResolution() ?? 1, center: [center[0] ?? 0, center[1] ?? 0] as const, width: rect.width, height: rect.height, left: rect.left, top: rect.top };
}
