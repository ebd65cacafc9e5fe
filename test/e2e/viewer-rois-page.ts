/**
 * Page helpers for the ROI browser tests: waiting for the viewer, turning image pixels into mouse
 * positions through the handle the viewer publishes (apps/web/src/features/viewer/viewer-test-handle.ts),
 * drawing with the mouse, and reading the ROI table.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { ImageDto, ShapeDto } from "@fovea/model";
import type { TestPage, WebServer } from "./harness.ts";

interface ViewerHandle {
  imageId: number;
  imageToScreen(x: number, y: number): [number, number];
  resolution(): number;
}
type WithViewer = { __foveaViewer?: ViewerHandle };
export type ImagePoint = readonly [x: number, y: number];
/** A shape as the API lists it, geometry fields included. */
export type StoredShape = ShapeDto & Record<string, unknown>;

/** Waits until the viewer of `imageId` is on screen with its map sized and fitted, and its ROIs loaded. */
export async function waitForViewer(page: Page, imageId: number): Promise<void> {
  await page.waitForFunction((id) => {
    const viewer = (globalThis as WithViewer).__foveaViewer;
    return viewer?.imageId === id && Number.isFinite(viewer.resolution());
  }, imageId);
  await page.getByRole("grid", { name: "ROI shapes" }).or(page.getByText("No ROIs on this image yet")).waitFor();
}

export async function openFromDataset(t: TestPage, datasetId: number, image: ImageDto): Promise<void> {
  await t.page.goto(`/#/data/dataset/${datasetId}`);
  await t.page.getByRole("option", { name: image.name, exact: true }).dblclick();
  await waitForViewer(t.page, image.id);
}

export async function imageToScreen(page: Page, [x, y]: ImagePoint): Promise<[number, number]> {
  return page.evaluate(([px, py]) => (globalThis as WithViewer).__foveaViewer!.imageToScreen(px, py), [x, y] as const);
}

/** Clicks at an image point, then waits long enough that the next click is not a double-click. */
export async function clickImage(page: Page, point: ImagePoint): Promise<void> {
  const [x, y] = await imageToScreen(page, point);
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
  await page.waitForTimeout(350);
}

/** Presses at `from`, drags to `to` in small steps, releases. */
export async function dragImage(page: Page, from: ImagePoint, to: ImagePoint): Promise<void> {
  const [ax, ay] = await imageToScreen(page, from);
  const [bx, by] = await imageToScreen(page, to);
  await page.mouse.move(ax, ay);
  await page.mouse.down();
  await page.mouse.move(bx, by, { steps: 12 });
  await page.mouse.up();
  await page.waitForTimeout(350);
}

export async function pickTool(page: Page, tool: string): Promise<void> {
  await page.getByRole("button", { name: tool, exact: true }).click();
  assert.equal(await page.getByRole("button", { name: tool, exact: true }).getAttribute("aria-pressed"), "true");
}

export function shapeRows(page: Page) {
  return page.getByRole("grid", { name: "ROI shapes" }).locator("tbody tr");
}

/** Waits (up to 5 s) for the ROI table to show `n` rows. */
export async function assertRowCount(page: Page, n: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await shapeRows(page).count()) !== n) {
    if (Date.now() > deadline) assert.fail(`the ROI table shows ${await shapeRows(page).count()} rows, not ${n}`);
    await page.waitForTimeout(50);
  }
}

/** Row `i`'s length or area as shown, e.g. { value: 38.76, unit: "µm" }. */
export async function rowMeasure(page: Page, i: number): Promise<{ value: number; unit: string }> {
  const text = ((await shapeRows(page).nth(i).locator("td").nth(5).textContent()) ?? "").trim();
  const match = /^([\d.,]+) (µm²?|px²?)$/.exec(text);
  assert.ok(match, `row ${i + 1} shows a length or area, not "${text}"`);
  return { value: Number(match[1]!.replace(/,/g, "")), unit: match[2]! };
}

/** The 0-based Z on show, from the Z slider (1-based). */
export async function currentZ(page: Page): Promise<number> {
  return Number(await page.getByRole("slider", { name: "Z", exact: true }).inputValue()) - 1;
}

export async function showOnlyChannel(page: Page, keep: string, others: readonly string[]): Promise<void> {
  for (const name of others) await page.getByRole("checkbox", { name, exact: true }).uncheck();
  assert.equal(await page.getByRole("checkbox", { name: keep, exact: true }).isChecked(), true);
}

export async function waitForStatus(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole("status").filter({ hasText: text }).waitFor();
}

/** Every shape stored on the image, in ROI order, as root sees them. */
export async function storedShapes(web: WebServer, imageId: number): Promise<StoredShape[]> {
  const page = await web.root.rois.list(imageId, { limit: 100 });
  return page.items.flatMap((r) => r.shapes) as StoredShape[];
}

export function assertNear(actual: unknown, expected: number, tolerance: number, what: string): void {
  assert.ok(typeof actual === "number" && Math.abs(actual - expected) <= tolerance, `${what} = ${String(actual)}, expected ${expected} ± ${tolerance}`);
}
