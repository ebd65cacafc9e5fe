/**
 * Acceptance test 2 of the Web UI issue, Batch ROI Export from the UI. Demo has Line ROIs between
 * real CY5 sister-centromere pairs of the siRNA-HeLa stacks (from the demo's ground truth, made
 * through the API) and draws one more in the viewer. On the Data page they select the dataset,
 * open Batch ROI Export from the Scripts menu (Data_Type and IDs filled in from the selection),
 * look at the highlighted source, run it, follow the job in Activities to Succeeded, download the
 * CSV (one row per line and channel, lengths in µm), compare it with the card's preview, and find
 * the CSV attached to the dataset in the details panel.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { FoveaClient } from "@fovea/client";
import type { DatasetDto, ImageDto, JobDto } from "@fovea/model";
import { siRnaHelaImages, type CentromerePairTruth } from "../../packages/pixels/src/demo/index.ts";
import { parseCsv } from "../official/roi-export-expected.ts";
import { asLine, checkLineExport, EXPORT_HEADER, type ExpectedLine } from "./batch-roi-export-csv.ts";
import { DEMO, logIn, openPage, webE2eSkipReason, webSuite, type TestPage } from "./harness.ts";
import { recordJobCards, seenJobCards } from "./app-page.ts";
import { clickImage, currentZ, imageToScreen, pickTool, showOnlyChannel, waitForStatus, waitForViewer } from "./viewer-rois-page.ts";

const skip = webE2eSkipReason();
const CHANNELS = ["DAPI", "FITC", "TRITC", "CY5"] as const;
/** Pairs measured through the API, per image of the dataset (the fourth gets one drawn in the viewer). */
const PAIRS_PER_IMAGE = [3, 2, 2] as const;

/** The line a → b of a pair, on the plane of a and the CY5 channel (0-based c = 3), as ROI input. */
function pairLine(pair: CentromerePairTruth, k: number) {
  const [x1, y1, z] = pair.a;
  const [x2, y2] = pair.b;
  return { name: `CY5 pair ${k + 1}`, shapes: [{ kind: "Line" as const, x1, y1, x2, y2, z: Math.round(z), t: 0, c: 3, text: `pair ${k + 1}, nucleus ${pair.nucleus}` }] };
}

const resolution = (page: Page): Promise<number> => page.evaluate<number>("globalThis.__foveaViewer.resolution()");

/** Zooms in with the mouse wheel about an image point until the view is at least 3× closer and still. */
async function zoomAt(page: Page, point: readonly [number, number]): Promise<void> {
  const fitted = await resolution(page);
  const [x, y] = await imageToScreen(page, point);
  await page.mouse.move(x, y);
  for (let i = 0; i < 10 && (await resolution(page)) > fitted / 3; i++) {
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
  }
  // The wheel animates: wait until two reads agree.
  for (let last = Number.NaN; ; await page.waitForTimeout(100)) {
    const now = await resolution(page);
    if (now === last) break;
    last = now;
  }
  assert.ok((await resolution(page)) <= fitted / 3, "zoomed in at least 3×");
}

describe("Batch ROI Export from the UI (acceptance 2)", { skip }, () => {
  const suite = webSuite();
  let demo: FoveaClient;
  let dataset: DatasetDto;
  let images: ImageDto[];
  const lines: ExpectedLine[] = [];
  const truth = siRnaHelaImages().truth;

  before(async () => {
    demo = new FoveaClient({ baseUrl: suite.web.url });
    await demo.login(DEMO);
    const found = (await demo.datasets.list({ limit: 100 })).items.find((d) => d.name === "siRNA-HeLa");
    assert.ok(found, "the demo dataset siRNA-HeLa exists");
    dataset = found;
    // The demo names its stacks siRNA-HeLa_01_R3D…, in the order of the ground truth.
    images = (await demo.datasets.images(dataset.id)).items.sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(images.map((i) => i.name), ["siRNA-HeLa_01_R3D", "siRNA-HeLa_02_R3D", "siRNA-HeLa_03_R3D", "siRNA-HeLa_04_R3D"]);
    for (const [i, count] of PAIRS_PER_IMAGE.entries()) {
      const image = images[i]!;
      for (const [k, pair] of truth[i]!.centromerePairs.slice(0, count).entries()) {
        const roi = await demo.rois.create(image.id, pairLine(pair, k));
        lines.push({ image, shape: asLine(roi.shapes[0]!) });
      }
    }
  });

  it("exports the dataset's lines from the Scripts menu, follows the job and finds the CSV attached", async () => {
    const t = await openPage(suite.browser, suite.web.url, "batch-roi-export");
    // The login page asks GET /session before anyone has logged in.
    t.expectFailure(/\/session → 401/);
    t.expectFailure(/401 \(Unauthorized\)/);
    try {
      const { page } = t;
      await logIn(page, DEMO.username, DEMO.password);
      const tree = page.getByRole("tree", { name: "Projects and datasets" });
      const panel = page.getByRole("complementary", { name: "Details" });

      await drawOneMoreLine(t, tree);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data" }).click();
      await tree.getByRole("treeitem", { name: "siRNA-HeLa" }).click();
      await page.waitForURL(new RegExp(`#/data/dataset/${dataset.id}$`));
      await panel.getByRole("heading", { name: "siRNA-HeLa" }).waitFor();
      await panel.getByText("No files attached.").waitFor();
      await t.shot("dataset-selected");

      const dialog = await openBatchRoiExport(t);
      const job = await runAndFollow(t, dialog);
      const file = job.outputs.File_Annotation as { type?: unknown; id?: unknown } | undefined;
      assert.equal(file?.type, "FileAnnotation", `the job returned its CSV: ${JSON.stringify(job.outputs)}`);
      const fileId = Number(file.id);
      await checkCsv(t, job.id);

      // The CSV is attached to the dataset: the details panel lists it after Refresh.
      await page.getByRole("complementary", { name: "Activities" }).getByRole("button", { name: "Close Activities" }).click();
      await panel.getByRole("button", { name: "Refresh details" }).click();
      const attachment = panel.getByRole("link", { name: "Batch_ROI_Export.csv" });
      await attachment.waitFor();
      assert.match((await attachment.getAttribute("href")) ?? "", new RegExp(`/annotations/${fileId}/file$`));
      const onDataset = (await demo.annotations.listOn({ type: "Dataset", id: dataset.id })).items.map((a) => a.id);
      assert.deepEqual(onDataset, [fileId], "attached to the dataset named in IDs");
      await t.shot("attached-to-dataset");
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });

  /** In the viewer of the fourth stack: CY5 alone, a line between a pair on the plane shown, saved. */
  async function drawOneMoreLine(t: TestPage, tree: Locator): Promise<void> {
    const { page } = t;
    const image = images[3]!;
    await tree.getByRole("treeitem", { name: "siRNA-HeLa" }).click();
    await page.getByRole("listbox", { name: "Images in siRNA-HeLa" }).getByRole("option", { name: image.name, exact: true }).dblclick();
    await waitForViewer(page, image.id);
    await showOnlyChannel(page, "CY5", ["DAPI", "FITC", "TRITC"]);
    const z = await currentZ(page);
    // The pair on this plane whose ends lie farthest apart on screen.
    const spread = (p: CentromerePairTruth): number => Math.hypot(p.b[0] - p.a[0], p.b[1] - p.a[1]);
    const pair = truth[3]!.centromerePairs.filter((p) => Math.round(p.a[2]) === z).sort((p, q) => spread(q) - spread(p))[0];
    assert.ok(pair, `a centromere pair on plane ${z}`);
    await zoomAt(page, [(pair.a[0] + pair.b[0]) / 2, (pair.a[1] + pair.b[1]) / 2]);
    await pickTool(page, "Line");
    await clickImage(page, [pair.a[0], pair.a[1]]);
    await clickImage(page, [pair.b[0], pair.b[1]]);
    await waitForStatus(page, "Unsaved: 1 new");
    await t.shot("line-drawn-in-viewer");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await waitForStatus(page, "Saved");
    const [roi, ...more] = (await demo.rois.list(image.id)).items;
    assert.ok(roi && more.length === 0 && roi.shapes.length === 1, "one ROI with one shape saved");
    const shape = asLine(roi.shapes[0]!);
    assert.deepEqual([shape.z, shape.c], [z, 3], "drawn on the plane shown, on CY5");
    for (const [got, want] of [[shape.x1, pair.a[0]], [shape.y1, pair.a[1]], [shape.x2, pair.b[0]], [shape.y2, pair.b[1]]] as const) {
      assert.ok(Math.abs(got - want) < 0.5, `drawn end ${got} within half a pixel of ${want}`);
    }
    lines.push({ image, shape });
    await t.shot("line-saved");
  }

  /** Scripts menu → export_scripts → Batch ROI Export; checks the pre-filled pair and View script. */
  async function openBatchRoiExport(t: TestPage): Promise<Locator> {
    const { page } = t;
    await page.getByRole("banner").getByRole("button", { name: "Scripts", exact: true }).click();
    const group = page.getByRole("menu", { name: "Scripts" }).getByRole("group", { name: /export_scripts/ });
    const item = group.getByRole("menuitem", { name: "Batch ROI Export", exact: true });
    await item.waitFor();
    await t.shot("scripts-menu");
    await item.click();
    const dialog = page.getByRole("dialog", { name: "Batch ROI Export", exact: true });
    await dialog.getByRole("form", { name: "Parameters of Batch ROI Export" }).waitFor();
    assert.equal(await dialog.getByLabel("Data_Type").locator("option:checked").innerText(), "Dataset");
    assert.equal(await dialog.getByLabel("IDs").inputValue(), String(dataset.id));
    await dialog.getByText("Data_Type and IDs are filled in from your selection (1 Dataset).").waitFor();
    await t.shot("form-prefilled");

    await dialog.getByRole("button", { name: "View script" }).click();
    const source = dialog.getByRole("region", { name: "Script source" });
    await source.locator(".hljs-keyword").first().waitFor();
    assert.match(await source.innerText(), /defineScript\(\{/);
    assert.ok((await source.locator(".hljs-string").count()) > 5, "strings are highlighted");
    await t.shot("view-script");
    await dialog.getByRole("button", { name: "Hide script" }).click();
    await source.waitFor({ state: "detached" });
    assert.equal(await dialog.getByLabel("IDs").inputValue(), String(dataset.id), "the form is as it was");
    return dialog;
  }

  /** Run: the Activities panel opens on the job's card, live, until Succeeded. */
  async function runAndFollow(t: TestPage, dialog: Locator): Promise<JobDto> {
    const { page } = t;
    await recordJobCards(page);
    const [launched] = await Promise.all([
      page.waitForResponse((res) => /\/scripts\/\d+\/launch$/.test(res.url()) && res.request().method() === "POST"),
      dialog.getByRole("button", { name: "Run", exact: true }).click(),
    ]);
    const launchedJob = (await launched.json()) as JobDto;
    assert.equal(launchedJob.scriptName, "Batch_ROI_Export");
    assert.deepEqual([launchedJob.inputs.Data_Type, launchedJob.inputs.IDs], ["Dataset", [dataset.id]]);
    await dialog.waitFor({ state: "detached" });
    const card = page.getByRole("complementary", { name: "Activities" }).locator(`article[data-job-id="${launchedJob.id}"]`);
    await card.getByRole("progressbar").waitFor();
    await card.locator(".job-status", { hasText: /^Succeeded$/ }).waitFor({ timeout: 60_000 });
    const seen = await seenJobCards(page);
    const live = seen.filter((l) => new RegExp(`^${launchedJob.id} (Queued|Running) \\d+$`).test(l));
    assert.ok(live.length > 0, `the card showed the job with its progress bar before it ended: ${seen.join(" | ")}`);
    const percents = seen.filter((l) => l.startsWith(`${launchedJob.id} `)).map((l) => Number(l.split(" ").at(-1)));
    assert.deepEqual(percents, [...percents].sort((a, b) => a - b), `the bar never went back: ${seen.join(" | ")}`);
    assert.equal(await card.getByRole("progressbar").getAttribute("aria-valuenow"), "100");
    await card.getByText(`Exported ${lines.length * CHANNELS.length} shapes`).waitFor();
    await t.shot("job-succeeded");
    const job = await demo.jobs.get(launchedJob.id);
    assert.equal(job.status, "succeeded");
    return job;
  }

  /** Downloads the card's CSV, checks it row by row, and compares it with the card's preview. */
  async function checkCsv(t: TestPage, jobId: number): Promise<void> {
    const { page } = t;
    const card = page.getByRole("complementary", { name: "Activities" }).locator(`article[data-job-id="${jobId}"]`);
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: /Batch_ROI_Export\.csv/ }).click()]);
    assert.equal(download.suggestedFilename(), "Batch_ROI_Export.csv");
    const rows = parseCsv(await readFile(await download.path(), "utf8"));
    checkLineExport(rows, lines, CHANNELS);

    const preview = card.getByRole("region", { name: "Preview of Batch_ROI_Export.csv" });
    assert.deepEqual(await preview.locator("thead th").allTextContents(), [...EXPORT_HEADER]);
    const body = rows.slice(1);
    assert.equal(await preview.locator("tbody tr").count(), body.length, "the preview shows every row");
    await card.getByText(`${body.length} rows`, { exact: true }).waitFor();
    const cells = await preview.locator("tbody td").allTextContents();
    assert.deepEqual(cells, body.flat(), "the preview shows the file's cells");
    await preview.scrollIntoViewIfNeeded();
    await t.shot("csv-preview");
  }
});
