/**
 * Activities: the panel follows the demo user's jobs live, whatever launched them (here the API,
 * as the CLI would). Hello_World runs to success with its Message and an Image link into the
 * viewer; Batch_ROI_Export's CSV downloads and previews one row per shape × channel; a script that
 * throws shows its error and stderr; a long loop shows its progress and live log and is cancelled
 * from its card; "Run again" opens the script's form with the job's inputs.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { FoveaClient } from "@fovea/client";
import type { JobDto } from "@fovea/model";
import { DEMO, logIn, openPage, webE2eSkipReason, webSuite, type TestPage } from "./harness.ts";
import { recordJobCards, seenJobCards } from "./app-page.ts";

const skip = webE2eSkipReason();

const FAILS_TS = `import { defineScript, p } from "@fovea/sdk";
export default defineScript({
  name: "Fails", folder: "util_scripts", description: "Writes to stderr, then throws.", version: "1.0.0",
  params: { Channel: p.int({ default: 7, grouping: "1" }) },
  async run(ctx, inputs) {
    console.error("looking for channel " + inputs.Channel + ": the image has 4");
    throw new Error("Channel " + inputs.Channel + " does not exist");
  },
});
`;

const SLOW_LOOP_TS = `import { defineScript, p } from "@fovea/sdk";
export default defineScript({
  name: "Slow Loop", folder: "util_scripts", description: "Counts to Steps, one step a second.", version: "1.0.0",
  params: { Steps: p.int({ default: 60, min: 1, grouping: "1" }) },
  async run(ctx, inputs) {
    for (let i = 1; i <= inputs.Steps; i++) {
      ctx.signal.throwIfAborted();
      ctx.log("step " + i + " of " + inputs.Steps);
      ctx.progress(i / inputs.Steps, "step " + i + " of " + inputs.Steps);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return { Message: "counted to " + inputs.Steps };
  },
});
`;

/** The card of one job in the Activities panel. */
function card(page: Page, jobId: number): Locator {
  return page.getByRole("complementary", { name: "Activities" }).locator(`article[data-job-id="${jobId}"]`);
}

async function waitForStatus(c: Locator, label: string): Promise<void> {
  await c.locator(".job-status", { hasText: new RegExp(`^${label}$`) }).waitFor({ timeout: 30_000 });
}

async function waitForJob(client: FoveaClient, id: number, until: (j: JobDto) => boolean): Promise<JobDto> {
  for (let i = 0; i < 300; i++) {
    const job = await client.jobs.get(id);
    if (until(job)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not reach the expected state`);
}

describe("Activities panel", { skip }, () => {
  const suite = webSuite({ workers: 2 });
  let demo: FoveaClient;
  let t: TestPage;
  const scriptIds = new Map<string, number>();
  let datasetId = 0;
  let imageIds: number[] = [];
  let helloJob: JobDto | undefined;

  before(async () => {
    demo = new FoveaClient({ baseUrl: suite.web.url });
    await demo.login({ username: DEMO.username, password: DEMO.password });
    await suite.web.root.scripts.upload({ blob: new Blob([FAILS_TS]), name: "Fails.ts" }, { official: true });
    await suite.web.root.scripts.upload({ blob: new Blob([SLOW_LOOP_TS]), name: "Slow_Loop.ts" }, { official: true });
    for (const s of (await demo.scripts.list({ limit: 100 })).items) scriptIds.set(s.name, s.id);
    const dataset = (await demo.datasets.list({ limit: 100 })).items.find((d) => d.name === "siRNA-HeLa");
    assert.ok(dataset, "the demo dataset siRNA-HeLa exists");
    datasetId = dataset.id;
    imageIds = (await demo.datasets.images(datasetId)).items.map((i) => i.id).sort((a, b) => a - b);
    t = await openPage(suite.browser, suite.web.url, "activities");
    // The login page asks for a session before there is one.
    t.expectFailure(/\/session → 401/);
    t.expectFailure(/401 \(Unauthorized\)/);
    await logIn(t.page, DEMO.username, DEMO.password);
  });
  after(async () => {
    await t?.close();
  });

  function scriptId(name: string): number {
    const id = scriptIds.get(name);
    assert.ok(id, `script ${name} is registered`);
    return id;
  }

  it("opens empty, then shows a job launched elsewhere live: progress, success, Message and the Image link", async () => {
    const { page } = t;
    const button = page.getByRole("button", { name: /^Activities/ });
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    await button.click();
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    const panel = page.getByRole("complementary", { name: "Activities" });
    await panel.getByText("No jobs yet").waitFor();
    await t.shot("empty");

    await recordJobCards(page);
    helloJob = await demo.scripts.launch(scriptId("Hello_World"), { Data_Type: "Dataset", IDs: [datasetId] });
    const c = card(page, helloJob.id);
    await waitForStatus(c, "Succeeded");
    const seen = await seenJobCards(page);
    assert.ok(seen.some((l) => /^\d+ (Queued|Running) /.test(l)), `the card was shown before the job ended: ${seen.join(" | ")}`);
    assert.equal(await c.getByRole("progressbar").getAttribute("aria-valuenow"), "100");
    await c.getByText("Returned 4 images").waitFor();
    // The Image output: a viewer link named after the image.
    const imageLink = c.getByRole("list", { name: "Results" }).getByRole("link");
    const href = await imageLink.getAttribute("href");
    const imageId = Number(/^#\/viewer\/(\d+)$/.exec(href ?? "")?.[1]);
    assert.ok(imageIds.includes(imageId), `the link opens an image of the dataset: ${href}`);
    assert.deepEqual((await demo.jobs.get(helloJob.id)).outputs.Image, { type: "Image", id: imageId });
    await imageLink.filter({ hasText: (await demo.images.get(imageId)).name }).waitFor();
    // The whole log of a finished job, read from the server.
    await c.getByRole("button", { name: /Log/ }).click();
    await c.getByRole("log").getByText(`---- Processing image ${imageId}`).waitFor();
    await t.shot("hello-world-succeeded");

    await imageLink.click();
    await page.waitForURL(new RegExp(`#/viewer/${imageId}$`));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Viewer" }).waitFor();
    // A fresh page load (the viewer's own tests are about leaving it): the panel then lists the
    // job from GET /jobs rather than from the live events.
    await page.goto("/");
    await page.getByRole("button", { name: /^Activities/ }).click();
    await waitForStatus(card(page, helloJob.id), "Succeeded");
    assert.deepEqual(t.problems, []);
  });

  it("downloads Batch_ROI_Export's CSV and previews one row per shape × channel", async () => {
    const { page } = t;
    const [first, second] = imageIds;
    assert.ok(first && second);
    await demo.rois.create(first, { name: "lines", shapes: [
      { kind: "Line", x1: 10, y1: 20, x2: 200, y2: 40, z: 0, t: 0 },
      { kind: "Line", x1: 300, y1: 300, x2: 400, y2: 450, z: 0, t: 0 },
    ] });
    await demo.rois.create(second, { shapes: [{ kind: "Line", x1: 50.5, y1: 60, x2: 120, y2: 64.25, z: 2, t: 0 }] });
    const job = await demo.scripts.launch(scriptId("Batch_ROI_Export"), { Data_Type: "Image", IDs: [first, second] });
    const c = card(page, job.id);
    await waitForStatus(c, "Succeeded");
    await c.getByText("Exported 12 shapes").waitFor();
    const preview = c.getByRole("region", { name: "Preview of Batch_ROI_Export.csv" });
    await preview.waitFor();
    const headers = await preview.locator("th").allTextContents();
    assert.deepEqual(headers.slice(0, 3), ["image_id", "image_name", "roi_id"]);
    assert.equal(await preview.locator("tbody tr").count(), 12, "3 lines × 4 channels");
    await c.getByText("12 rows").waitFor();
    await t.shot("batch-roi-export-csv");

    const [download] = await Promise.all([page.waitForEvent("download"), c.getByRole("link", { name: /Batch_ROI_Export\.csv/ }).click()]);
    assert.equal(download.suggestedFilename(), "Batch_ROI_Export.csv");
    const text = await readFile(await download.path(), "utf8");
    const lines = text.trim().split("\n");
    assert.match(lines[0] ?? "", /^image_id,image_name,/);
    assert.equal(lines.length, 13);

    await c.getByRole("button", { name: "Larger view" }).click();
    const dialog = page.getByRole("dialog", { name: "Batch_ROI_Export.csv" });
    await dialog.getByRole("region", { name: "Table of Batch_ROI_Export.csv" }).waitFor();
    await t.shot("csv-larger-view");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.deepEqual(t.problems, []);
  });

  it("shows a failed job's error and its stderr", async () => {
    const { page } = t;
    const job = await demo.scripts.launch(scriptId("Fails"), {});
    const c = card(page, job.id);
    await waitForStatus(c, "Failed");
    await c.locator(".job-problem-text", { hasText: "Channel 7 does not exist" }).waitFor();
    await c.getByLabel(`stderr of job ${job.id}`).getByText("looking for channel 7: the image has 4").waitFor();
    await t.shot("failed");
    assert.deepEqual(t.problems, []);
  });

  it("follows a long job's progress and live log, and cancels it from its card", async () => {
    const { page } = t;
    const job = await demo.scripts.launch(scriptId("Slow_Loop"), {});
    const c = card(page, job.id);
    await waitForStatus(c, "Running");
    await c.getByText("step 2 of 60").first().waitFor({ timeout: 15_000 });
    const bar = c.getByRole("progressbar");
    assert.ok(Number(await bar.getAttribute("aria-valuenow")) >= 3, "the bar moved");
    assert.match(await page.getByRole("button", { name: /^Activities/ }).innerText(), /1/);
    await c.getByRole("button", { name: /Log/ }).click();
    const log = c.getByRole("log");
    await log.getByText(/step 3 of 60/).waitFor({ timeout: 15_000 });
    const before = await log.innerText();
    const durationBefore = await c.getByTestId(`job-${job.id}-duration`).innerText();
    await log.getByText(/step 4 of 60/).waitFor({ timeout: 15_000 });
    assert.ok((await log.innerText()).length > before.length, "the log grew while open");
    assert.notEqual(await c.getByTestId(`job-${job.id}-duration`).innerText(), durationBefore, "the duration ticks while running");
    await t.shot("running-live-log");

    await c.getByRole("button", { name: `Cancel job ${job.id}` }).click();
    await waitForStatus(c, "Cancelled");
    await c.getByText("cancelled by the user").waitFor();
    assert.equal(await page.evaluate<string | undefined>("document.activeElement?.textContent"), "Run again", "focus moved on from the vanished Cancel");
    assert.equal((await demo.jobs.get(job.id)).status, "cancelled");
    await waitForJob(demo, job.id, (j) => j.finishedAt !== null);
    await t.shot("cancelled");
    assert.deepEqual(t.problems, []);
  });

  it("Run again opens the script's form with the job's inputs, and its Run shows the new job", async () => {
    const { page } = t;
    assert.ok(helloJob);
    await card(page, helloJob.id).getByRole("button", { name: `Run Hello_World again (job ${helloJob.id})` }).click();
    const dialog = page.getByRole("dialog", { name: /Hello World/ });
    await dialog.waitFor();
    await t.shot("run-again-form");
    const ids = dialog.getByLabel(/^IDs/);
    assert.match(await ids.first().inputValue(), new RegExp(`\\b${datasetId}\\b`));
    // Run: the new job shows at once (the form hands it over) and follows to its end.
    await dialog.getByRole("button", { name: "Run", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    const jobs = (await demo.jobs.list({ limit: 1 })).items;
    const rerun = jobs[0];
    assert.ok(rerun && rerun.id > helloJob.id && rerun.scriptName === "Hello_World", "a new Hello_World job");
    assert.deepEqual(rerun.inputs, helloJob.inputs);
    await waitForStatus(card(page, rerun.id), "Succeeded");
    assert.deepEqual(t.problems, []);
  });

  it("closes with Escape, giving focus back to its button", async () => {
    const { page } = t;
    const panel = page.getByRole("complementary", { name: "Activities" });
    await panel.getByRole("button", { name: "Clear finished" }).click();
    await panel.getByText("No jobs to show").waitFor();
    await panel.getByRole("button", { name: "Close Activities" }).focus();
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    const focused = await page.evaluate<string | undefined>("document.activeElement?.id");
    assert.equal(focused, "activities-button");
    assert.deepEqual(t.problems, []);
  });
});
