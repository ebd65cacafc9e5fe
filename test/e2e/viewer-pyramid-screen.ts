/**
 * What the pyramid browser test reads off the screen: when the viewer has settled (view still,
 * no tile in flight, every tile drawn), which image area the map shows, and the colour of the
 * screen pixel over an image point, taken from a real screenshot of the map.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { TileLog } from "./viewer-pyramid-tiles.ts";

interface ViewerHandle {
  imageToScreen(x: number, y: number): [number, number];
  screenToImage(x: number, y: number): [number, number];
  center(): [number, number];
  resolution(): number;
}
type WithViewer = { __foveaViewer?: ViewerHandle };

/** The few browser APIs the pixel reader uses (the test's tsconfig has no DOM library). */
interface BrowserApis {
  atob(data: string): string;
  createImageBitmap(blob: unknown): Promise<unknown>;
  Blob: new (parts: unknown[], options: { type: string }) => unknown;
  OffscreenCanvas: new (w: number, h: number) => {
    getContext(kind: "2d"): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  };
  document: { elementFromPoint(x: number, y: number): { closest(selector: string): unknown } | null };
}

export interface ViewState {
  resolution: number;
  center: [number, number];
}

export function viewState(page: Page): Promise<ViewState> {
  return page.evaluate(() => {
    const viewer = (globalThis as WithViewer).__foveaViewer!;
    return { resolution: viewer.resolution(), center: viewer.center() };
  });
}

/**
 * Waits until the view has stopped moving, no tile request is in flight and the map says it has
 * loaded, all three holding for 300 ms (an animation or a debounced settings change in between
 * starts the count again).
 */
export async function waitSettled(page: Page, tiles: TileLog, what: string): Promise<ViewState> {
  const map = page.getByTestId("viewer-map");
  const deadline = Date.now() + 15_000;
  let stableSince = Date.now();
  let last = "";
  for (;;) {
    const state = await viewState(page);
    const now = `${state.resolution}|${state.center.join(",")}|${await map.getAttribute("data-loading")}|${tiles.pending()}`;
    const quiet = tiles.pending() === 0 && (await map.getAttribute("data-loading")) !== "true";
    if (now !== last || !quiet) stableSince = Date.now();
    last = now;
    if (quiet && Date.now() - stableSince >= 300) return state;
    if (Date.now() > deadline) assert.fail(`the viewer never settled (${what}): ${now}`);
    await page.waitForTimeout(50);
  }
}

/** The image area (full-resolution pixels) under the map element, `inset` CSS pixels in from its sides. */
export async function visibleArea(page: Page, inset = 0): Promise<{ x0: number; y0: number; x1: number; y1: number }> {
  const box = (await page.getByTestId("viewer-map").boundingBox())!;
  return page.evaluate(({ x, y, width, height, inset: d }) => {
    const viewer = (globalThis as WithViewer).__foveaViewer!;
    const [x0, y0] = viewer.screenToImage(x + d, y + d);
    const [x1, y1] = viewer.screenToImage(x + width - d, y + height - d);
    return { x0, y0, x1, y1 };
  }, { ...box, inset });
}

export interface ScreenSample {
  /** The image point (full-resolution pixels). */
  point: [number, number];
  /** Where it is on screen (CSS pixels of the viewport). */
  client: [number, number];
  rgb: [number, number, number];
}

/**
 * The on-screen colour of each image point that lies on the bare map: points under the zoom
 * toolbar, the scale bar or any other overlay, or off the map, are left out.
 */
export async function readScreen(page: Page, points: readonly (readonly [number, number])[]): Promise<ScreenSample[]> {
  const raw = (await page.getByTestId("viewer-map").boundingBox())!;
  // Whole CSS pixels, so that screenshot pixel (i, j) is viewport pixel (box.x + i, box.y + j).
  const box = { x: Math.ceil(raw.x), y: Math.ceil(raw.y), width: Math.floor(raw.width) - 1, height: Math.floor(raw.height) - 1 };
  const placed = await page.evaluate((pts) => {
    const g = globalThis as unknown as WithViewer & BrowserApis;
    return pts.map(([x, y]) => {
      const [cx, cy] = g.__foveaViewer!.imageToScreen(x, y);
      const hit = g.document.elementFromPoint(cx, cy);
      const bare = hit !== null && hit.closest("[data-testid=viewer-map]") !== null && hit.closest(".map-tools, .map-footer, .viewer-tile-error") === null;
      return { point: [x, y] as [number, number], client: [cx, cy] as [number, number], bare };
    });
  }, points.map(([x, y]) => [x, y] as [number, number]));
  const onMap = placed.filter((p) => p.bare && p.client[0] >= box.x && p.client[1] >= box.y && p.client[0] < box.x + box.width && p.client[1] < box.y + box.height);
  const png = (await page.screenshot({ clip: box })).toString("base64");
  const offsets = onMap.map((p) => [Math.floor(p.client[0] - box.x), Math.floor(p.client[1] - box.y)] as [number, number]);
  const colours = await page.evaluate(async ({ data, at, width, height }) => {
    const g = globalThis as unknown as BrowserApis;
    const bytes = Uint8Array.from(g.atob(data), (ch) => ch.charCodeAt(0));
    const bitmap = await g.createImageBitmap(new g.Blob([bytes], { type: "image/png" }));
    const ctx = new g.OffscreenCanvas(width, height).getContext("2d");
    ctx.drawImage(bitmap, 0, 0);
    return at.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)] as [number, number, number]);
  }, { data: png, at: offsets, width: box.width, height: box.height });
  return onMap.map((p, i) => ({ point: p.point, client: p.client, rgb: colours[i]! }));
}
