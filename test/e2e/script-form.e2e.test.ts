/**
 * Acceptance test 5, the generated script form: root uploads an official script declaring a
 * parameter of every type; demo opens it from the Scripts menu (keyboard first), enters bad
 * values one by one and sees each error next to its field; Run then sends nothing (no request
 * to /launch, no job). The server's own refusal (an image demo cannot see) shows next to IDs.
 * With the values fixed, Run creates one job whose inputs are exactly what was entered. View
 * script shows the highlighted source.
 */
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { FoveaClient } from "@fovea/client";
import { DEMO, logIn, openPage, webE2eSkipReason, webSuite, type TestPage } from "./harness.ts";
import { openScript } from "./app-page.ts";

const skip = webE2eSkipReason();

const EVERY_TYPE_TS = `import { defineScript, p } from "@fovea/sdk";

export default defineScript({
  name: "Every Type",
  folder: "test_scripts",
  description: "Declares a parameter of every type, to check the generated form.",
  authors: ["Fovea e2e"],
  institutions: ["Fovea"],
  version: "0.3.0",
  params: {
    Data_Type: p.string({ values: ["Dataset", "Image"] as const, default: "Image", grouping: "1", description: "The type of the objects in IDs." }),
    IDs: p.list(p.long(), { grouping: "2", description: "Image or Dataset IDs." }),
    Label: p.string({ grouping: "3", description: "Any text for the output." }),
    Big_Number: p.long({ default: 5, grouping: "4" }),
    Count: p.int({ default: 3, min: 1, max: 10, grouping: "5" }),
    Ratio: p.float({ default: 0.5, min: 0, max: 1, grouping: "6" }),
    Smooth: p.bool({ default: false, grouping: "7", description: "Smooth before measuring." }),
    Sigma: p.float({ default: 1.5, min: 0.1, grouping: "7.1", description: "Only used when Smooth is ticked." }),
    Channels: p.list(p.int(), { min: 1, max: 4, optional: true, grouping: "8" }),
    Settings: p.map({ optional: true, grouping: "9" }),
    Line_Colour: p.color({ default: "#FF0000", grouping: "10" }),
    Reference: p.object(["Image", "Dataset"], { optional: true, grouping: "11" }),
    Input_File: p.file({ optional: true, grouping: "12" }),
  },
  async run(ctx, inputs) {
    ctx.log(JSON.stringify(inputs));
    return { Message: "Got " + Object.keys(inputs).length + " inputs" };
  },
});
`;

/** The container of one parameter: label, widget, help and its errors. */
const field = (dialog: Locator, name: string) => dialog.locator(`[data-param="${name}"]`);

async function expectError(dialog: Locator, name: string, message: string): Promise<void> {
  await field(dialog, name).locator(".param-errors li", { hasText: message }).waitFor();
  const control = dialog.getByLabel(name, { exact: true });
  assert.equal(await control.getAttribute("aria-invalid"), "true", `${name} is marked invalid`);
}

/** The page asks GET /session before the login page shows: a 401 there is expected. */
function expectLoginPage(t: TestPage): void {
  t.expectFailure(/\/session → 401/);
  t.expectFailure(/401 \(Unauthorized\)/);
}

async function expectNoError(dialog: Locator, name: string): Promise<void> {
  await field(dialog, name).locator(".param-errors").waitFor({ state: "detached" });
}

describe("script form (acceptance 5)", { skip }, () => {
  const suite = webSuite();
  let demo: FoveaClient;
  let imageId: number;
  before(async () => {
    await suite.web.root.scripts.upload({ blob: new Blob([EVERY_TYPE_TS]), name: "Every_Type.ts" }, { official: true });
    demo = new FoveaClient({ baseUrl: suite.web.url });
    await demo.login(DEMO);
    const image = (await demo.images.list({ limit: 100 })).items.find((im) => im.name === "GFP-cargo_timelapse");
    assert.ok(image, "the demo time-lapse is there");
    imageId = image.id;
  });

  it("refuses bad values inline without asking the server, then launches exactly what was entered", async () => {
    const t = await openPage(suite.browser, suite.web.url, "script-form");
    const launches: string[] = [];
    t.page.on("request", (req) => { if (/\/scripts\/\d+\/launch$/.test(req.url())) launches.push(req.url()); });
    expectLoginPage(t);
    // The server's own refusal is provoked on purpose (an image demo cannot see).
    t.expectFailure(/\/launch → 400/);
    t.expectFailure(/400 \(Bad Request\)/);
    try {
      const { page } = t;
      await logIn(page, DEMO.username, DEMO.password);
      const dialog = await openFromMenu(t.page, t.shot);

      // Metadata at the top.
      const about = dialog.getByRole("region", { name: "About this script" });
      await about.getByText("Declares a parameter of every type").waitFor();
      for (const text of ["test_scripts", "0.3.0", "Fovea e2e"]) await about.getByText(text, { exact: false }).first().waitFor();
      assert.equal(await dialog.getByLabel("Data_Type").inputValue(), "1", "Data_Type defaults to Image (its 2nd value)");
      assert.equal(await dialog.getByLabel("Count", { exact: true }).inputValue(), "3");
      assert.equal(await dialog.getByLabel("Sigma").isDisabled(), true, "Sigma waits for Smooth");
      await t.shot("form-defaults");

      // View script: the source, highlighted.
      await dialog.getByRole("button", { name: "View script" }).click();
      const source = dialog.getByRole("region", { name: "Script source" });
      await source.locator(".hljs-keyword", { hasText: "export" }).first().waitFor();
      assert.match(await source.innerText(), /defineScript\(\{/);
      assert.ok(await source.locator(".hljs-string").count() > 5, "strings are highlighted");
      await t.shot("view-script");
      await dialog.getByRole("button", { name: "Hide script" }).click();
      await source.waitFor({ state: "detached" });

      // Bad values, one by one, each refused next to its own field.
      const count = dialog.getByLabel("Count", { exact: true });
      await count.click();
      await count.press("Control+A");
      await page.keyboard.type("2e");
      await expectError(dialog, "Count", "Count must be a number");
      await count.fill("1.5");
      await expectError(dialog, "Count", 'Count must be a whole number, not "1.5"');
      await count.fill("0");
      await expectError(dialog, "Count", "Count must be ≥ 1, not 0");
      await dialog.getByLabel("Ratio").fill("1.5");
      await expectError(dialog, "Ratio", "Ratio must be ≤ 1, not 1.5");
      await dialog.getByLabel("Channels").fill("1, 9");
      await expectError(dialog, "Channels", "Channels[1] must be ≤ 4, not 9");
      await dialog.getByLabel("Label").fill("draft");
      await dialog.getByLabel("Label").fill("");
      await expectError(dialog, "Label", "Label is required");
      await dialog.getByLabel("Reference").fill("Roi:3");
      await expectError(dialog, "Reference", "Reference must be Image:ID or Dataset:ID, not Roi:3");
      await dialog.getByLabel("Line_Colour").fill("red");
      await expectError(dialog, "Line_Colour", 'Line_Colour must be a colour #RRGGBB, not string "red"');
      await t.shot("inline-errors");

      // Run refuses: every issue in the summary (IDs is missing too), nothing sent, no job.
      await dialog.getByRole("button", { name: "Run" }).click();
      const summary = dialog.getByRole("alert", { name: "Problems to fix" });
      await summary.getByText("7 problems to fix").waitFor();
      await expectError(dialog, "IDs", "IDs is required");
      await t.shot("run-refused");
      assert.deepEqual(launches, [], "no request to /launch");
      assert.equal((await demo.jobs.list()).total, 0, "no job was created");

      // Fix everything (a good value in every widget), with one id demo cannot see.
      await count.fill("7");
      await dialog.getByLabel("Ratio").fill("0.25");
      await dialog.getByLabel("Channels").fill("1, 3");
      await dialog.getByLabel("Label").fill("e2e run");
      await dialog.getByLabel("Reference").fill(`Image:${imageId}`);
      await dialog.getByLabel("Line_Colour").fill("#00ff7f");
      await dialog.getByLabel("Smooth").check();
      await dialog.getByLabel("Sigma").fill("2.5");
      const settings = dialog.getByRole("group", { name: "Settings" });
      await settings.getByRole("button", { name: "+ Add entry" }).click();
      await settings.getByLabel("Key 1").fill("method");
      await settings.getByLabel("Value 1").fill("otsu");
      await field(dialog, "Input_File").getByLabel("Upload a new file").setInputFiles({ name: "thresholds.csv", mimeType: "text/csv", buffer: Buffer.from("channel,threshold\n1,120\n") });
      const fileSelect = dialog.getByLabel("Input_File");
      await fileSelect.locator("option", { hasText: "thresholds.csv" }).waitFor({ state: "attached" });
      const fileRef = await fileSelect.inputValue();
      assert.match(fileRef, /^FileAnnotation:\d+$/);
      await field(dialog, "Input_File").scrollIntoViewIfNeeded();
      await t.shot("last-fields");
      await dialog.getByLabel("IDs").fill(`${imageId}, 999999`);
      for (const name of ["Count", "Ratio", "Channels", "Label", "Reference", "Line_Colour", "IDs"]) await expectNoError(dialog, name);
      await summary.waitFor({ state: "detached" });

      // The server refuses the invisible id (NOT_VISIBLE): shown next to IDs, still no job.
      await dialog.getByRole("button", { name: "Run" }).click();
      await expectError(dialog, "IDs", "IDs[1]: Image:999999 does not exist or is not visible to you");
      assert.equal(launches.length, 1);
      assert.equal((await demo.jobs.list()).total, 0);
      await t.shot("server-refusal");

      await dialog.getByLabel("IDs").fill(String(imageId));
      await expectNoError(dialog, "IDs");
      await t.shot("form-fixed");
      await dialog.getByRole("button", { name: "Run" }).click();
      await dialog.waitFor({ state: "detached" });
      assert.equal(launches.length, 2);
      const jobs = (await demo.jobs.list()).items;
      assert.equal(jobs.length, 1, "one job");
      assert.deepEqual(jobs[0]!.inputs, {
        Data_Type: "Image", IDs: [imageId], Label: "e2e run", Big_Number: 5, Count: 7, Ratio: 0.25, Smooth: true, Sigma: 2.5,
        Channels: [1, 3], Settings: { method: "otsu" }, Line_Colour: "#00FF7F", Reference: { type: "Image", id: imageId },
        Input_File: { type: "FileAnnotation", id: Number(fileRef.split(":")[1]) },
      });
      await t.shot("launched");
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });

  it("pre-fills Data_Type and IDs from the Data page's selection and offers its attached files", async () => {
    const attached = await demo.annotations.upload(new Blob(["t,speed\n1,0.4\n"]), { fileName: "kymo-notes.csv", links: [`Image:${imageId}`] });
    const t = await openPage(suite.browser, suite.web.url, "script-form-prefill");
    expectLoginPage(t);
    try {
      const { page } = t;
      await logIn(page, DEMO.username, DEMO.password);
      const tree = page.getByRole("tree", { name: "Projects and datasets" });
      await tree.getByRole("treeitem", { name: "Kymograph" }).click();
      await page.getByRole("listbox", { name: "Images in Kymograph" }).getByRole("option", { name: "GFP-cargo_timelapse" }).click();

      let dialog = await openScript(page, "test_scripts", "Every Type");
      const ids = dialog.getByLabel("IDs");
      assert.equal(await ids.inputValue(), String(imageId));
      assert.equal(await dialog.getByLabel("Data_Type").locator("option:checked").innerText(), "Image");
      await dialog.getByText("Data_Type and IDs are filled in from your selection (1 Image).").waitFor();
      const fileSelect = dialog.getByLabel("Input_File");
      await fileSelect.selectOption({ label: `kymo-notes.csv (FileAnnotation:${attached.id})` });
      await dialog.getByLabel("Label").fill("from the selection");
      await t.shot("prefilled");
      await dialog.getByRole("button", { name: "Run" }).click();
      await dialog.waitFor({ state: "detached" });
      const job = (await demo.jobs.list()).items[0]!;
      assert.deepEqual([job.scriptName, job.inputs.IDs, job.inputs.Input_File], ["Every_Type", [imageId], { type: "FileAnnotation", id: attached.id }]);

      // A dataset selected, and a script that takes only images: the defaults stay, with a hint.
      await tree.getByRole("treeitem", { name: "siRNA-HeLa" }).click();
      await page.getByRole("listbox", { name: "Images in siRNA-HeLa" }).waitFor();
      dialog = await openScript(page, "analysis_scripts", "Kymograph");
      await dialog.getByText("Your selection (1 Dataset) was not filled in: this script takes Image.").waitFor();
      assert.equal(await dialog.getByLabel("IDs").inputValue(), "");
      await t.shot("selection-not-usable");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      assert.equal(await page.evaluate<string | undefined>("document.activeElement?.getAttribute('aria-haspopup')"), "menu", "focus is back on the Scripts button");
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });
});


/**
 * Opens Every Type from the Scripts menu: by keyboard first (filter, arrows, Escape gives focus
 * back to the button), then by a click on the item in its folder's group.
 */
async function openFromMenu(page: Page, shot: (step: string) => Promise<void>): Promise<Locator> {
  const button = page.getByRole("banner").getByRole("button", { name: "Scripts", exact: true });
  await button.click();
  const menu = page.getByRole("menu", { name: "Scripts" });
  const group = menu.getByRole("group", { name: /test_scripts/ });
  await group.getByText("Test scripts").waitFor();
  for (const folder of ["analysis_scripts", "export_scripts", "util_scripts"]) await menu.getByRole("group", { name: new RegExp(folder) }).waitFor();
  assert.equal(await group.getByRole("menuitem", { name: "Every Type" }).getAttribute("title"), "Declares a parameter of every type, to check the generated form.");
  await shot("scripts-menu");

  await page.keyboard.type("every type");
  await menu.getByRole("menuitem").filter({ hasText: "Kymograph" }).waitFor({ state: "detached" });
  await page.keyboard.press("ArrowDown");
  // Sent as text: this file is type-checked without the DOM library.
  assert.equal(await page.evaluate<string | undefined>("document.activeElement?.textContent"), "Every Type");
  await shot("menu-filtered");
  await page.keyboard.press("Escape");
  await menu.waitFor({ state: "detached" });
  assert.equal(await page.evaluate<string | undefined>("document.activeElement?.getAttribute('aria-haspopup')"), "menu", "focus is back on the Scripts button");

  await page.keyboard.press("Enter");
  await group.getByRole("menuitem", { name: "Every Type" }).click();
  const dialog = page.getByRole("dialog", { name: "Every Type" });
  await dialog.getByRole("form", { name: "Parameters of Every Type" }).waitFor();
  return dialog;
}
