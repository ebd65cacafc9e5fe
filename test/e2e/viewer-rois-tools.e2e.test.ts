/**
 * The other ROI tools in the viewer, against a real server and Chromium: a rectangle and an
 * ellipse dragged, a polygon and a polyline clicked, a point, a line cancelled with Escape; their
 * areas and lengths in the table; Save, then the Select tool moving and resizing the rectangle; and
 * a save the server refuses (the shape was deleted meanwhile), shown with its code and nothing lost
 * until the user discards the changes; then another user's ROIs, which can be seen but not changed.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ImageDto } from "@fovea/model";
import { DEMO, logIn, openPage, webE2eSkipReason, webSuite } from "./harness.ts";
import {
  assertNear, assertRowCount, clickImage, currentZ, dragImage, imageToScreen, openFromDataset, pickTool, rowMeasure, shapeRows,
  storedShapes, waitForStatus,
} from "./viewer-rois-page.ts";

const skip = webE2eSkipReason();
const UM2 = 0.1075 ** 2;

describe("ROI tools in the viewer", { skip }, () => {
  const suite = webSuite();
  let datasetId: number;
  let image: ImageDto;
  let images: ImageDto[];
  before(async () => {
    const dataset = (await suite.web.root.datasets.list({ limit: 100 })).items.find((d) => d.name === "siRNA-HeLa");
    assert.ok(dataset);
    datasetId = dataset.id;
    images = (await suite.web.root.datasets.images(dataset.id)).items;
    image = images[2]!;
  });

  it("draws every kind, moves and resizes a rectangle, and keeps a refused change", async () => {
    const t = await openPage(suite.browser, suite.web.url, "viewer-rois-tools");
    const { page } = t;
    try {
      await logIn(page, DEMO.username, DEMO.password);
      assert.ok(t.problems.every((p) => /\/session → 401|401 \(Unauthorized\)/.test(p)), t.problems.join("\n"));
      t.problems.splice(0);
      await openFromDataset(t, datasetId, image);
      const z = await currentZ(page);

      await pickTool(page, "Rectangle");
      await dragImage(page, [50, 50], [150, 100]);
      await pickTool(page, "Ellipse");
      await dragImage(page, [200, 50], [300, 110]);
      await pickTool(page, "Polygon");
      for (const p of [[50, 200], [150, 200], [100, 300], [50, 200]] as const) await clickImage(page, p);
      await pickTool(page, "Polyline");
      await clickImage(page, [300, 200]);
      await clickImage(page, [350, 250]);
      const [ex, ey] = await imageToScreen(page, [400, 200]);
      await page.mouse.dblclick(ex, ey);
      await pickTool(page, "Point");
      await clickImage(page, [450, 450]);
      // A line begun and cancelled with Escape leaves nothing behind.
      await page.keyboard.press("l");
      await clickImage(page, [10, 500]);
      await page.keyboard.press("Escape");
      await page.keyboard.press("s");
      assert.equal(await page.getByRole("button", { name: "Select", exact: true }).getAttribute("aria-pressed"), "true");
      await assertRowCount(page, 5);
      await t.shot("every-kind-drawn");

      const kinds = await Promise.all([0, 1, 2, 3, 4].map(async (i) => (await shapeRows(page).nth(i).locator("td").nth(1).textContent())?.trim()));
      assert.deepEqual(kinds, ["Rectangle", "Ellipse", "Polygon", "Polyline", "Point"]);
      for (const [i, area] of [[0, 5000 * UM2], [1, Math.PI * 50 * 30 * UM2], [2, 5000 * UM2]] as const) {
        const m = await rowMeasure(page, i);
        assert.equal(m.unit, "µm²");
        assertNear(m.value, area, 0.2, `row ${i + 1}'s area`);
      }
      assertNear((await rowMeasure(page, 3)).value, 2 * Math.hypot(50, 50) * 0.1075, 0.05, "the polyline's length");
      assert.equal((await shapeRows(page).nth(0).locator("td").nth(4).textContent())?.trim(), "all", "four channels on: no c");

      await page.getByRole("button", { name: "Save", exact: true }).click();
      await waitForStatus(page, "Saved");
      const stored = await storedShapes(suite.web, image.id);
      assert.deepEqual(stored.map((s) => s.kind), ["Rectangle", "Ellipse", "Polygon", "Polyline", "Point"]);
      assert.ok(stored.every((s) => s.c === null && s.z === z && s.t === 0));
      const [rect, ellipse] = stored;
      for (const [f, v] of [["x", 50], ["y", 50], ["width", 100], ["height", 50]] as const) assertNear(rect![f], v, 1, `rectangle ${f}`);
      for (const [f, v] of [["x", 250], ["y", 80], ["radiusX", 50], ["radiusY", 30]] as const) assertNear(ellipse![f], v, 1, `ellipse ${f}`);

      // Select the rectangle on the map, move it by (20, 10), then drag its bottom-right corner.
      await clickImage(page, [100, 75]);
      assert.equal(await shapeRows(page).nth(0).getAttribute("aria-selected"), "true");
      await dragImage(page, [100, 75], [120, 85]);
      await waitForStatus(page, "Unsaved: 1 changed");
      await dragImage(page, [170, 110], [200, 130]);
      assertNear((await rowMeasure(page, 0)).value, 130 * 70 * UM2, 0.3, "the resized rectangle's area");
      await t.shot("rectangle-moved-and-resized");
      await page.keyboard.press("Control+s");
      await waitForStatus(page, "Saved");
      const moved = (await storedShapes(suite.web, image.id))[0]!;
      for (const [f, v] of [["x", 70], ["y", 60], ["width", 130], ["height", 70]] as const) assertNear(moved[f], v, 1.5, `moved rectangle ${f}`);

      // Someone deletes the ellipse's ROI meanwhile: moving it then cannot be saved, and says why.
      t.expectFailure(/PUT \S+\/shapes\/\d+ → 404/);
      t.expectFailure(/status of 404/);
      await suite.web.root.rois.delete(ellipse!.roiId);
      await clickImage(page, [250, 80]);
      await dragImage(page, [250, 80], [260, 95]);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      const alert = page.getByRole("alert").filter({ hasText: "Not saved" });
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? "", /NOT_FOUND/);
      assert.match((await shapeRows(page).nth(1).textContent()) ?? "", /Ellipse not saved/);
      await waitForStatus(page, "Unsaved: 1 changed");
      await t.shot("refused-save-kept");
      // Discarding loads the ROIs as stored: the ellipse is gone, nothing is left to save.
      await page.getByRole("button", { name: "Discard changes" }).click();
      await assertRowCount(page, 4);
      await waitForStatus(page, "No unsaved changes");
      assert.equal(await page.getByRole("alert").count(), 0);
      await t.shot("changes-discarded");

      // Another user's ROIs: a label on every plane and a point on another Z, which only the table lists.
      const other = images[3]!;
      const otherZ = 0;
      await suite.web.root.rois.create(other.id, { shapes: [{ kind: "Label", x: 300, y: 100, text: "mitotic cell", strokeColor: "#00ffff" }] });
      await suite.web.root.rois.create(other.id, { shapes: [{ kind: "Point", x: 40, y: 40, z: otherZ }] });
      await openFromDataset(t, datasetId, other);
      await assertRowCount(page, 2);
      assert.match((await shapeRows(page).nth(0).textContent()) ?? "", /Label.*read-only.*allall/);
      assert.equal((await shapeRows(page).nth(1).locator("td").nth(2).textContent())?.trim(), String(otherZ + 1));
      await shapeRows(page).nth(0).click();
      assert.equal(await page.getByRole("button", { name: "Delete", exact: true }).isDisabled(), true, "another user's ROI cannot be deleted");
      await page.keyboard.press("Delete");
      await assertRowCount(page, 2);
      await t.shot("read-only-label");
      assert.deepEqual(t.problems, []);

      // Leaving with an unsaved shape asks first.
      await page.keyboard.press("o");
      await clickImage(page, [100, 400]);
      await waitForStatus(page, "Unsaved: 1 new");
      const dialog = new Promise<string>((resolve) => page.once("dialog", (d) => { resolve(d.type()); void d.accept(); }));
      await page.close({ runBeforeUnload: true });
      assert.equal(await dialog, "beforeunload");
    } finally {
      await t.close();
    }
  });
});
