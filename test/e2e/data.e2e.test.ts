/**
 * The Data page in a real browser: the tree, the thumbnail grid with its multi-selection, the
 * details panel (metadata, attachments that download the same bytes, tags, ROI count, refresh),
 * the keyboard path into the viewer, a project's dataset cards and the empty states.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { FoveaClient } from "@fovea/client";
import type { ImageDto } from "@fovea/model";
import { DEMO, logIn, openPage, webE2eSkipReason, webSuite, type TestPage } from "./harness.ts";

const skip = webE2eSkipReason();

/** The login page's first `GET /session` answers 401 before the user has logged in: expected. */
function expectLoginPage(t: TestPage): void {
  t.expectFailure(/\/session → 401/);
  t.expectFailure(/401 \(Unauthorized\)/);
}

/** Waits until every thumbnail in `grid` has decoded real pixels. */
async function thumbnailsLoaded(page: Page, grid: Locator, count: number): Promise<void> {
  await grid.getByRole("option").nth(count - 1).waitFor();
  assert.equal(await grid.getByRole("option").count(), count);
  // Typed by hand: this file compiles without the DOM library, and only these two fields matter.
  type Img = { complete: boolean; naturalWidth: number };
  const handle = await grid.elementHandle();
  await page.waitForFunction(
    ([el, n]) => {
      const imgs = [...(el as unknown as { querySelectorAll(s: string): Iterable<Img> }).querySelectorAll("img")];
      // A thumbnail that failed is replaced by an icon, so the count catches failures too.
      return imgs.length === n && imgs.every((img) => img.complete && img.naturalWidth > 0);
    },
    [handle, count] as const, { timeout: 15_000 },
  );
}

/** The value next to a term in the details panel (`<dt>term</dt><dd>value</dd>`). */
function detail(panel: Locator, term: string): Locator {
  return panel.locator(".meta-row").filter({ has: panel.page().locator("dt", { hasText: new RegExp(`^${term}$`) }) }).locator("dd");
}

describe("web data page", { skip }, () => {
  const suite = webSuite();
  let demo: FoveaClient;
  let hela: { id: number; images: ImageDto[] };
  before(async () => {
    demo = new FoveaClient({ baseUrl: suite.web.url });
    await demo.login({ username: DEMO.username, password: DEMO.password });
    const datasets = await demo.datasets.list({ orphaned: true });
    const found = datasets.items.find((d) => d.name === "siRNA-HeLa");
    assert.ok(found, "the demo dataset siRNA-HeLa exists");
    hela = { id: found.id, images: (await demo.datasets.images(found.id)).items };
    assert.equal(hela.images.length, 4);
  });

  it("browses, selects, shows metadata, attachments, tags and ROIs, and opens the viewer from the keyboard", async () => {
    const t = await openPage(suite.browser, suite.web.url, "data-browse");
    const { page } = t;
    try {
      expectLoginPage(t);
      await logIn(page, DEMO.username, DEMO.password);
      const tree = page.getByRole("tree", { name: "Projects and datasets" });
      await tree.getByRole("treeitem", { name: "siRNA-HeLa" }).waitFor();
      await tree.getByRole("treeitem", { name: "Kymograph" }).waitFor();
      await tree.getByRole("treeitem", { name: "Orphaned images" }).waitFor();
      await page.getByText("Choose a project or dataset").waitFor();
      await t.shot("tree");

      await tree.getByRole("treeitem", { name: "siRNA-HeLa" }).click();
      await page.waitForURL(new RegExp(`#/data/dataset/${hela.id}$`));
      const grid = page.getByRole("listbox", { name: "Images in siRNA-HeLa" });
      await thumbnailsLoaded(page, grid, 4);
      const panel = page.getByRole("complementary", { name: "Details" });
      await panel.getByRole("heading", { name: "siRNA-HeLa" }).waitFor();
      await detail(panel, "Images").filter({ hasText: "4 images" }).waitFor();
      await t.shot("dataset-open");

      // One image: its metadata, channels and calibration.
      const first = hela.images[0]!;
      await grid.getByRole("option", { name: first.name }).click();
      await panel.getByRole("heading", { name: first.name }).waitFor();
      await detail(panel, "Dimensions").filter({ hasText: "512 × 512 × 9 × 4 × 1" }).waitFor();
      assert.match(await detail(panel, "Dimensions").innerText(), /X × Y × Z × C × T/);
      assert.equal(await detail(panel, "Pixel size X").innerText(), "0.1075 µm");
      assert.equal(await detail(panel, "Pixel size Y").innerText(), "0.1075 µm");
      const channelNames = await panel.getByRole("table", { name: "Channels" }).locator("tbody .channel-name").allInnerTexts();
      assert.deepEqual(channelNames, ["DAPI", "FITC", "TRITC", "CY5"]);
      assert.equal(await detail(panel, "Owner").innerText(), DEMO.username);
      await detail(panel, "ROIs").filter({ hasText: "none" }).waitFor();
      await panel.getByText("No files attached.").waitFor();
      await t.shot("one-image");

      // Shift-click selects a range of three; the panel summarises them.
      const third = hela.images[2]!;
      await grid.getByRole("option", { name: third.name }).click({ modifiers: ["Shift"] });
      await panel.getByRole("heading", { name: "3 images selected" }).waitFor();
      assert.equal(await grid.locator('[role="option"][aria-selected="true"]').count(), 3);
      assert.deepEqual(await panel.locator(".selected-name").allInnerTexts(), hela.images.slice(0, 3).map((i) => i.name));
      await page.getByText("3 selected", { exact: true }).waitFor();
      await t.shot("range-of-three");

      // Ctrl-click takes one out; a click on the background gives the selection back to the dataset.
      await grid.getByRole("option", { name: hela.images[1]!.name }).click({ modifiers: ["Control"] });
      await panel.getByRole("heading", { name: "2 images selected" }).waitFor();
      await page.locator(".image-grid-area").click({ position: { x: 8, y: 300 } });
      await panel.getByRole("heading", { name: "siRNA-HeLa" }).waitFor();
      assert.equal(await grid.locator('[role="option"][aria-selected="true"]').count(), 0);

      // A file attached meanwhile (as a script would) shows after Refresh and downloads the same bytes.
      await grid.getByRole("option", { name: first.name }).click();
      await panel.getByRole("heading", { name: first.name }).waitFor();
      const bytes = new TextEncoder().encode("cell,area_um2\n1,12.5\n2,9.75\n");
      await demo.annotations.upload(new Blob([bytes], { type: "text/csv" }), { fileName: "areas.csv", links: [`Image:${first.id}`] });
      await panel.getByRole("button", { name: "Refresh details" }).click();
      const link = panel.getByRole("link", { name: "areas.csv" });
      await link.waitFor();
      assert.match(await panel.locator(".attachment").innerText(), new RegExp(`${bytes.length} B`));
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      assert.equal(download.suggestedFilename(), "areas.csv");
      assert.deepEqual(new Uint8Array(await readFile(await download.path())), bytes);
      await t.shot("attachment");

      // ROIs and a tag added through the API: the count after Refresh, the tag when the window regains focus.
      await demo.rois.create(first.id, { name: "nucleus", shapes: [{ kind: "Rectangle", x: 10, y: 10, width: 40, height: 30 }] });
      await demo.rois.create(first.id, { shapes: [{ kind: "Point", x: 100, y: 120 }] });
      await panel.getByRole("button", { name: "Refresh details" }).click();
      await detail(panel, "ROIs").filter({ hasText: "2 ROIs" }).waitFor();
      await demo.annotations.create({ kind: "tag", value: "mitosis", links: [{ type: "Image", id: first.id }] });
      await page.evaluate("window.dispatchEvent(new Event('focus'))");
      await panel.getByRole("list", { name: "Tags" }).getByText("mitosis").waitFor();
      await t.shot("rois-and-tag");

      // Keyboard: the focused thumbnail moves right, Enter opens it in the viewer.
      await grid.getByRole("option", { name: first.name }).focus();
      await page.keyboard.press("ArrowRight");
      await t.shot("keyboard-focus-on-thumbnail");
      await page.keyboard.press("Enter");
      await page.waitForURL(new RegExp(`#/viewer/${hela.images[1]!.id}$`));
      await t.shot("viewer-opened");

      // Back on the Data page, the tree is reachable from the keyboard too.
      await page.goBack();
      await thumbnailsLoaded(page, grid, 4);
      await tree.getByRole("treeitem", { name: "siRNA-HeLa" }).focus();
      await page.keyboard.press("ArrowDown");
      await t.shot("keyboard-focus-in-tree");
      await page.keyboard.press("Enter");
      const kymo = page.getByRole("listbox", { name: "Images in Kymograph" });
      await thumbnailsLoaded(page, kymo, 1);
      await kymo.getByRole("option").first().click();
      await detail(panel, "Dimensions").filter({ hasText: "256 × 256 × 1 × 1 × 60" }).waitFor();
      assert.equal(await detail(panel, "Pixel size X").innerText(), "0.16 µm");
      assert.equal(await detail(panel, "Time increment").innerText(), "500 ms");
      await t.shot("kymograph");
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });

  it("shows a project's datasets as cards, and says how to fill an empty dataset", async () => {
    const project = await demo.projects.create({ name: "Screening 2024", description: "siRNA knock-down screen" });
    const empty = await demo.datasets.create({ name: "Plate 2 (to import)" });
    await demo.projects.linkDataset(project.id, hela.id);
    await demo.projects.linkDataset(project.id, empty.id);
    const t = await openPage(suite.browser, suite.web.url, "data-project");
    const { page } = t;
    try {
      expectLoginPage(t);
      await logIn(page, DEMO.username, DEMO.password);
      const tree = page.getByRole("tree", { name: "Projects and datasets" });
      const projectRow = tree.getByRole("treeitem", { name: "Screening 2024" });
      await projectRow.click();
      await page.waitForURL(new RegExp(`#/data/project/${project.id}$`));
      assert.equal(await projectRow.getAttribute("aria-expanded"), "true");
      await projectRow.getByRole("treeitem", { name: "siRNA-HeLa" }).waitFor();
      const cards = page.getByRole("list", { name: "Datasets in this project" });
      await cards.getByRole("link", { name: /siRNA-HeLa.*4 images/ }).waitFor();
      await cards.getByRole("link", { name: /Plate 2 \(to import\).*0 images/ }).waitFor();
      const panel = page.getByRole("complementary", { name: "Details" });
      await panel.getByRole("heading", { name: "Screening 2024" }).waitFor();
      await panel.getByText("siRNA knock-down screen").waitFor();
      await detail(panel, "Datasets").filter({ hasText: "2 datasets" }).waitFor();
      await t.shot("project-cards");

      await cards.getByRole("link", { name: /Plate 2/ }).click();
      await page.waitForURL(new RegExp(`#/data/dataset/${empty.id}$`));
      await page.getByText(`npx fovea import FILE -d Dataset:${empty.id}`).waitFor();
      await t.shot("empty-dataset");

      // Left on the open project closes it; the tree keeps one tab stop.
      await projectRow.focus();
      await page.keyboard.press("ArrowLeft");
      assert.equal(await projectRow.getAttribute("aria-expanded"), "false");
      await tree.getByRole("treeitem", { name: "Orphaned images" }).click();
      await page.waitForURL(/#\/data\/orphans$/);
      await page.getByText("No orphaned images").waitFor();
      await t.shot("orphans-empty");

      // A dataset that is not there (a stale link): an error with Retry, not a blank page. Last,
      // because the 404s it provokes are expected from here on.
      t.expectFailure(/\/datasets\/999999(\/\w+)?(\?.*)? → 404/);
      t.expectFailure(/404 \(Not Found\)/);
      await page.goto("/#/data/dataset/999999");
      const content = page.getByRole("region", { name: "Content" });
      await content.getByRole("alert").filter({ hasText: /Could not open this container/ }).waitFor();
      await content.getByRole("button", { name: "Retry" }).click();
      await content.getByRole("alert").filter({ hasText: /NOT_FOUND/ }).waitFor();
      await t.shot("missing-dataset");
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });
});
