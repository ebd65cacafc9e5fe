/**
 * Acceptance test 3 of the Web UI issue, the kymograph workflow through the UI only: as demo, open
 * the "GFP-cargo_timelapse" time-lapse from the Data page, draw a polyline along one track of the
 * demo movie's ground truth, save it; run Kymograph from the Scripts menu on the viewed image;
 * follow the job in Activities and open the new kymograph from its result link; draw a line over
 * the particle's stripe, save; run Kymograph Analysis on the kymograph and read the particle's
 * speed from the CSV preview (and the downloaded CSV): it must be the truth's within 10 %.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import type { Locator } from "playwright-core";
import type { ImageDto } from "@fovea/model";
import { kymographMovie, type TrackTruth } from "../../packages/pixels/src/demo/index.ts";
import { DEMO, logIn, openPage, webE2eSkipReason, webSuite, type TestPage } from "./harness.ts";
import { openScript } from "./app-page.ts";
import { assertRowCount, clickImage, imageToScreen, pickTool, rowMeasure, storedShapes, waitForStatus, waitForViewer } from "./viewer-rois-page.ts";
import { arcLengthOf, everyNthVertex, pathLength, pointAt, type Point } from "./kymograph-flow-geometry.ts";

const skip = webE2eSkipReason();
const LINE_WIDTH = 4;
/** SCRIPTS.md §3, Kymograph_Analysis. */
const CSV_HEADER = [
  "image_id", "image_name", "roi_id", "shape_id", "type", "segment", "x_start", "y_start", "x_end", "y_end",
  "dx (pixels)", "dy (rows)", "distance (µm)", "time (s)", "velocity (µm/s)", "speed (µm/s)",
];


/** Checks the form pre-filled Data_Type = Image and IDs = the viewed image, then runs it; returns the job's card. */
async function runOnViewedImage(t: TestPage, dialog: Locator, imageId: number, step: string): Promise<Locator> {
  assert.equal(await dialog.getByLabel("Data_Type").locator("option:checked").innerText(), "Image");
  assert.equal(await dialog.getByLabel("IDs").inputValue(), String(imageId));
  await t.shot(`${step}-form`);
  await dialog.getByRole("button", { name: "Run", exact: true }).click();
  await dialog.waitFor({ state: "detached" });
  // The form hands the new job to Activities, which opens with it on top (newest first).
  const newest = t.page.getByRole("complementary", { name: "Activities" }).locator("article[data-job-id]").first();
  await newest.waitFor();
  const card = t.page.locator(`article[data-job-id="${await newest.getAttribute("data-job-id")}"]`);
  await card.locator(".job-status", { hasText: /^Succeeded$/ }).waitFor({ timeout: 60_000 });
  return card;
}

/** The stripe's particle, at arc length s along the stored polyline, for each time point. */
function particleOnPolyline(track: TrackTruth, polyline: readonly Point[], pixelSize: number, timeIncrement: number) {
  return (t: number) => arcLengthOf(polyline, pointAt(track.path, track.startArcLengthPx + (track.speedUmPerS * t * timeIncrement) / pixelSize));
}

describe("the kymograph workflow from the UI (acceptance 3)", { skip }, () => {
  const suite = webSuite();
  let source: ImageDto;
  const { truth } = kymographMovie(); // the demo server uses the same default seed
  // The fastest particle: its stripe is the longest, so a click's error weighs least.
  const track = [...truth.tracks].sort((a, b) => Math.abs(b.speedUmPerS) - Math.abs(a.speedUmPerS))[0]!;
  before(async () => {
    const found = (await suite.web.root.images.list({ limit: 100 })).items.find((im) => im.name === "GFP-cargo_timelapse");
    assert.ok(found, "the demo time-lapse exists");
    source = found;
  });

  it("draws a track, makes its kymograph, draws the stripe and measures the particle's speed", async () => {
    const t = await openPage(suite.browser, suite.web.url, "kymograph-flow");
    // The page asks GET /session before the login page shows: that 401 is expected.
    t.expectFailure(/\/session → 401/);
    t.expectFailure(/401 \(Unauthorized\)/);
    const { page } = t;
    try {
      // 1. The time-lapse, from the Data page, opened with Enter on its thumbnail.
      await logIn(page, DEMO.username, DEMO.password);
      await page.getByRole("tree", { name: "Projects and datasets" }).getByRole("treeitem", { name: "Kymograph" }).click();
      const thumbnail = page.getByRole("listbox", { name: "Images in Kymograph" }).getByRole("option", { name: "GFP-cargo_timelapse" });
      await thumbnail.click();
      await t.shot("dataset-open");
      await thumbnail.press("Enter");
      await page.waitForURL(new RegExp(`#/viewer/${source.id}$`));
      await waitForViewer(page, source.id);
      await page.getByText("256 × 256 px · 1 Z · 1 C · 60 T").waitFor();
      assert.equal(await page.getByRole("slider", { name: "T", exact: true }).inputValue(), "1", "the first time point is on show");
      await t.shot("time-lapse-open");

      // 2. A polyline along the track: every 4th vertex clicked, a double-click on the last one.
      const clicks = everyNthVertex(track.path, 4);
      await pickTool(page, "Polyline");
      for (const point of clicks.slice(0, -1)) await clickImage(page, point);
      const [ex, ey] = await imageToScreen(page, clicks[clicks.length - 1]!);
      await page.mouse.dblclick(ex, ey);
      await assertRowCount(page, 1);
      const drawnLength = pathLength(clicks);
      const shownLength = await rowMeasure(page, 0);
      assert.equal(shownLength.unit, "µm");
      assert.ok(Math.abs(shownLength.value - drawnLength * truth.pixelSize) < 0.05, `the table shows ${shownLength.value} µm`);
      await t.shot("polyline-drawn");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await waitForStatus(page, "Saved");
      const [polyline, ...others] = await storedShapes(suite.web, source.id);
      assert.ok(polyline && others.length === 0, "one shape stored");
      assert.equal(polyline.kind, "Polyline");
      assert.equal(polyline.t, 0);
      const stored = polyline.points as Point[];
      assert.equal(stored.length, clicks.length, "one vertex per click");
      stored.forEach((p, i) => assert.ok(Math.hypot(p[0] - clicks[i]![0], p[1] - clicks[i]![1]) < 0.5, `vertex ${i} at ${p.join(",")}`));
      await t.shot("polyline-saved");

      // 3–4. Kymograph on the viewed image, with the defaults; its result link opens the new image.
      const kymographForm = await openScript(page, "analysis_scripts", "Kymograph");
      assert.equal(await kymographForm.getByLabel("Line_Width").inputValue(), String(LINE_WIDTH), "the default Line_Width");
      const kymographCard = await runOnViewedImage(t, kymographForm, source.id, "kymograph");
      await kymographCard.getByText("New kymograph created: GFP-cargo_timelapse_kymograph.").waitFor();
      const link = kymographCard.getByRole("list", { name: "Results" }).getByRole("link", { name: "GFP-cargo_timelapse_kymograph" });
      await t.shot("kymograph-succeeded");
      const href = (await link.getAttribute("href")) ?? "";
      const kymographId = Number(/^#\/viewer\/(\d+)$/.exec(href)?.[1]);
      assert.ok(kymographId > source.id, `the link opens a new image: ${href}`);
      await link.click();
      await page.waitForURL(new RegExp(`#/viewer/${kymographId}$`));
      await waitForViewer(page, kymographId);
      const L = pathLength(stored);
      const [sizeX, sizeY] = [Math.floor(L) + 1, source.sizeT * LINE_WIDTH];
      await page.getByRole("heading", { name: "GFP-cargo_timelapse_kymograph" }).waitFor();
      await page.getByText(`${sizeX} × ${sizeY} px · 1 Z · 1 C · 1 T`).waitFor();
      const kymograph = await suite.web.root.images.get(kymographId);
      assert.deepEqual([kymograph.name, kymograph.sizeX, kymograph.sizeY], ["GFP-cargo_timelapse_kymograph", sizeX, sizeY]);
      await t.shot("kymograph-open");

      // 5. A line over the particle's stripe, between two time points where it is on the path.
      const s = particleOnPolyline(track, stored, truth.pixelSize, truth.timeIncrement);
      const onPath = Array.from({ length: source.sizeT }, (_, i) => i).filter((i) => s(i) >= 2 && s(i) <= L - 2);
      const [t0, t1] = [Math.max(5, onPath[0]!), Math.min(50, onPath[onPath.length - 1]!)];
      assert.ok(t1 - t0 >= 30, `the particle is on the path from t = ${t0} to ${t1}`);
      // Column s holds arc length s, centred at x = s + 0.5; time point t is rows 4t … 4t+3.
      const at = (i: number): Point => [s(i) + 0.5, i * LINE_WIDTH + LINE_WIDTH / 2];
      await pickTool(page, "Line");
      await clickImage(page, at(t0));
      await clickImage(page, at(t1));
      await assertRowCount(page, 1);
      await t.shot("stripe-line-drawn");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await waitForStatus(page, "Saved");
      assert.deepEqual((await storedShapes(suite.web, kymographId)).map((shape) => shape.kind), ["Line"]);
      await t.shot("stripe-line-saved");

      // 6. Kymograph Analysis on the kymograph: the CSV in Activities, previewed and downloaded.
      const analysisCard = await runOnViewedImage(t, await openScript(page, "analysis_scripts", "Kymograph Analysis"), kymographId, "analysis");
      const fileName = `kymograph_velocities_${kymographId}.csv`;
      const preview = analysisCard.getByRole("region", { name: `Preview of ${fileName}` });
      await preview.waitFor();
      await t.shot("analysis-csv-preview");
      assert.deepEqual(await preview.locator("th").allTextContents(), CSV_HEADER);
      const shownRows = await preview.locator("tbody tr").all();
      assert.equal(shownRows.length, 1, "one segment measured");
      const shownRow = await shownRows[0]!.locator("td").allTextContents();
      checkSpeed(shownRow, track, "the preview");
      // The panel is narrow: the speed is at the far right of the scrolled table.
      await preview.hover();
      await page.mouse.wheel(2000, 0);
      await preview.getByRole("columnheader", { name: "speed (µm/s)" }).waitFor();
      await t.shot("analysis-csv-preview-scrolled");
      await analysisCard.getByRole("button", { name: "Larger view" }).click();
      const larger = page.getByRole("dialog", { name: fileName });
      assert.deepEqual(await larger.getByRole("region", { name: `Table of ${fileName}` }).locator("tbody tr td").allTextContents(), shownRow);
      await t.shot("analysis-csv-larger-view");
      await page.keyboard.press("Escape");
      await larger.waitFor({ state: "detached" });

      const [download] = await Promise.all([page.waitForEvent("download"), analysisCard.getByRole("link", { name: fileName }).click()]);
      assert.equal(download.suggestedFilename(), fileName);
      const csv = Papa.parse<string[]>((await readFile(await download.path(), "utf8")).trim(), { skipEmptyLines: true }).data;
      assert.deepEqual(csv[0], CSV_HEADER);
      assert.equal(csv.length, 2);
      checkSpeed(csv[1]!, track, "the downloaded CSV");
      assert.deepEqual(csv[1], shownRow, "the preview shows the file's row");
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });
});

/** The row's speed is |the track's speed| within 10 %, and its velocity has the track's sign. */
function checkSpeed(row: readonly string[], track: TrackTruth, where: string): void {
  const speed = Number(row[CSV_HEADER.indexOf("speed (µm/s)")]);
  const velocity = Number(row[CSV_HEADER.indexOf("velocity (µm/s)")]);
  const want = Math.abs(track.speedUmPerS);
  assert.ok(Math.abs(speed - want) / want < 0.1, `${where}: speed ${speed} µm/s, truth ${want.toFixed(4)} µm/s`);
  assert.equal(Math.sign(velocity), Math.sign(track.speedUmPerS), `${where}: velocity ${velocity} has the truth's sign`);
  console.log(`${where}: speed ${speed} µm/s, truth ${want.toFixed(4)} µm/s (${((100 * Math.abs(speed - want)) / want).toFixed(2)} %)`);
}
