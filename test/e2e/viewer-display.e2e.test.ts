/**
 * The viewer's display: tiles from the render API for the plane and channels on show, channel
 * on/off, colour and window, the Z and T sliders, zoom and pan from the keyboard, the screen ↔
 * image conversion the ROI tests rely on, and the keyboard help.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { DEMO, logIn, openPage, webE2eSkipReason, webSuite, type TestPage, type WebServer } from "./harness.ts";

const skip = webE2eSkipReason();

/** The login page's first `GET /session` answers 401 before the user has logged in: expected. */
function expectLoginPage(t: TestPage): void {
  t.expectFailure(/\/session → 401/);
  t.expectFailure(/401 \(Unauthorized\)/);
}

/** Every successful tile (render) request of the page, in order. */
function recordRenders(page: Page): URL[] {
  const renders: URL[] = [];
  page.on("response", (res) => {
    if (/\/api\/v1\/images\/\d+\/render\?/.test(res.url()) && res.status() === 200) renders.push(new URL(res.url()));
  });
  return renders;
}

/** Polls the map element's data attributes (see the viewer's viewer-test-handle.ts) until `ok` holds. */
async function waitForMap(page: Page, what: string, ok: (attrs: Record<string, string | null>) => boolean): Promise<void> {
  const map = page.getByTestId("viewer-map");
  const deadline = Date.now() + 15_000;
  let attrs: Record<string, string | null> = {};
  for (;;) {
    attrs = Object.fromEntries(await Promise.all(["data-loading", "data-rendered-key", "data-resolution", "data-center"]
      .map(async (name) => [name, await map.getAttribute(name)] as const)));
    if (ok(attrs)) return;
    if (Date.now() > deadline) assert.fail(`map never showed ${what}: ${JSON.stringify(attrs)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the map has loaded and drawn every tile for settings matching `key`. */
async function waitRendered(page: Page, key: RegExp): Promise<void> {
  await waitForMap(page, `a complete render of ${key}`, (a) => a["data-loading"] === "false" && key.test(a["data-rendered-key"] ?? ""));
}

async function waitResolution(page: Page, what: string, ok: (resolution: number) => boolean): Promise<void> {
  await waitForMap(page, what, (a) => ok(Number(a["data-resolution"])));
}

/** The viewer's test handle on `window` (apps/web/src/features/viewer/viewer-test-handle.ts). */
interface ViewerWindow {
  __foveaViewer: {
    imageToScreen(x: number, y: number): [number, number];
    screenToImage(x: number, y: number): [number, number];
    center(): [number, number];
  };
}

async function resolutionOf(map: Locator): Promise<number> {
  return Number(await map.getAttribute("data-resolution"));
}

async function imageIdNamed(web: WebServer, name: string): Promise<number> {
  const image = (await web.root.images.list({ limit: 100 })).items.find((im) => im.name === name);
  assert.ok(image, `demo image ${name} exists`);
  return image.id;
}

describe("viewer display", { skip }, () => {
  const suite = webSuite();

  it("renders a Z-stack's tiles for the channels and Z on show, and zooms and pans from the keyboard", async () => {
    const t = await openPage(suite.browser, suite.web.url, "viewer-display-zstack");
    expectLoginPage(t);
    try {
      const renders = recordRenders(t.page);
      const id = await imageIdNamed(suite.web, "siRNA-HeLa_01_R3D");
      await logIn(t.page, DEMO.username, DEMO.password);
      await t.page.goto(`/#/viewer/${id}`);
      const map = t.page.getByTestId("viewer-map");
      await waitRendered(t.page, /^z=4&t=0&c=1\|150:2600\$0000FF,2\|/);
      await t.page.getByRole("heading", { name: "siRNA-HeLa_01_R3D" }).waitFor();
      await t.page.getByText(/512 × 512 px · 9 Z · 4 C · 1 T · uint16 · 0\.1075 µm\/px/).waitFor();
      assert.ok(renders.length >= 1, "tiles were requested");
      const first = renders[0]!.searchParams;
      assert.equal(first.get("z"), "4");
      assert.equal(first.get("level"), "0");
      assert.equal(first.get("format"), "jpeg");
      assert.deepEqual([first.get("x"), first.get("y"), first.get("width"), first.get("height")], ["0", "0", "512", "512"]);
      assert.equal(first.get("c"), "1|150:2600$0000FF,2|150:700$00FF00,3|150:900$FF0000,4|150:2000$FF00FF");
      await t.page.getByRole("img", { name: /Scale bar: \d+ µm/ }).waitFor();
      await t.shot("opened");
      const allChannels = await map.screenshot();

      for (const name of ["DAPI", "FITC", "TRITC"]) await t.page.getByRole("checkbox", { name, exact: true }).uncheck();
      await waitRendered(t.page, /^z=4&t=0&c=-1,-2,-3,4\|/);
      const cy5Only = await map.screenshot();
      assert.ok(!allChannels.equals(cy5Only), "switching channels off changes the pixels");

      // Z with the keyboard on its slider: 5 → 7 (1-based on screen; z=6 in the API).
      const zSlider = t.page.getByRole("slider", { name: "Z", exact: true });
      await zSlider.focus();
      await t.page.keyboard.press("ArrowRight");
      await t.page.keyboard.press("ArrowRight");
      await t.page.getByText("Z 7 / 9").waitFor();
      await waitRendered(t.page, /^z=6&t=0&c=-1,-2,-3,4\|150:2000\$FF00FF$/);
      const last = renders.at(-1)!.searchParams;
      assert.equal(last.get("z"), "6");
      assert.equal(last.get("c"), "-1,-2,-3,4|150:2000$FF00FF");
      assert.ok(!cy5Only.equals(await map.screenshot()), "another Z section shows other pixels");
      await t.shot("cy5-only-z7");

      // Colour and window of CY5, then "only FITC".
      await t.page.getByLabel("CY5 colour").fill("#00ffff");
      await t.page.getByRole("spinbutton", { name: "CY5 window end value" }).fill("900");
      await waitRendered(t.page, /^z=6&t=0&c=-1,-2,-3,4\|150:900\$00FFFF$/);
      await t.page.getByRole("button", { name: "Show only FITC" }).click();
      await waitRendered(t.page, /^z=6&t=0&c=-1,2\|150:700\$00FF00,-3,-4$/);
      assert.equal(await t.page.getByRole("checkbox", { name: "CY5", exact: true }).isChecked(), false);
      await t.shot("fitc-only");

      // Keyboard zoom and pan on the focused map.
      const fitted = await resolutionOf(map);
      await map.focus();
      await t.page.keyboard.press("+");
      await waitResolution(t.page, "a 2× zoom", (r) => r <= fitted / 1.99);
      await t.page.keyboard.press("+");
      await waitResolution(t.page, "a 4× zoom", (r) => r <= fitted / 3.99);
      const zoomText = await t.page.getByLabel("Zoom level").textContent();
      assert.equal(zoomText, `${Math.round(100 / (await resolutionOf(map)))} %`);
      const centerBefore = await map.getAttribute("data-center");
      await t.page.keyboard.press("ArrowRight");
      await waitForMap(t.page, "a pan", (a) => a["data-center"] !== centerBefore);
      const [x0, y0] = centerBefore!.split(",").map(Number);
      const [cx, cy] = (await map.getAttribute("data-center"))!.split(",").map(Number);
      assert.ok(cx! > x0! && Math.abs(cy! - y0!) < 1e-6, `panned right: centre ${centerBefore} → ${cx},${cy}`);
      await waitRendered(t.page, /c=-1,2\|/);
      await t.shot("zoomed-in");

      // The image → screen conversion puts the view's centre in the middle of the map element.
      const box = (await map.boundingBox())!;
      const probe = await t.page.evaluate(() => {
        const viewer = (globalThis as unknown as ViewerWindow).__foveaViewer;
        const center = viewer.center();
        const screen = viewer.imageToScreen(center[0], center[1]);
        return { center, screen, back: viewer.screenToImage(screen[0], screen[1]) };
      });
      assert.ok(Math.abs(probe.screen[0] - (box.x + box.width / 2)) < 1 && Math.abs(probe.screen[1] - (box.y + box.height / 2)) < 1,
        `centre ${probe.center} drawn at ${probe.screen}, box ${JSON.stringify(box)}`);
      assert.ok(Math.abs(probe.back[0] - probe.center[0]) < 1e-6 && Math.abs(probe.back[1] - probe.center[1]) < 1e-6);

      // F fits the whole image again; "?" opens the shortcuts, Escape closes them.
      await t.page.keyboard.press("f");
      await waitResolution(t.page, "the fitted zoom", (r) => Math.abs(r - fitted) < 1e-6);
      // The mouse wheel zooms too, about the pointer.
      await t.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await t.page.mouse.wheel(0, -300);
      await waitResolution(t.page, "a wheel zoom", (r) => r < fitted * 0.9);
      await t.page.getByRole("button", { name: "Fit the image" }).click();
      await waitResolution(t.page, "the fitted zoom again", (r) => Math.abs(r - fitted) < 1e-6);
      await t.page.getByRole("button", { name: "Keyboard shortcuts" }).click();
      await t.page.getByRole("dialog", { name: "Keyboard shortcuts" }).getByText("Next / previous Z section").waitFor();
      await t.shot("shortcuts");
      await t.page.keyboard.press("Escape");
      await t.page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor({ state: "detached" });
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });

  it("links back to the dataset it was opened from and steps through its images", async () => {
    const t = await openPage(suite.browser, suite.web.url, "viewer-display-neighbours");
    expectLoginPage(t);
    try {
      const dataset = (await suite.web.root.datasets.list()).items.find((d) => d.name === "siRNA-HeLa");
      assert.ok(dataset, "the demo dataset siRNA-HeLa exists");
      const images = (await suite.web.root.datasets.images(dataset.id)).items;
      await logIn(t.page, DEMO.username, DEMO.password);
      await t.page.goto(`/#/data/dataset/${dataset.id}`);
      // Leave the dataset for the viewer the way the Data page does: a hash change.
      await t.page.evaluate((hash) => { (globalThis as unknown as { location: { hash: string } }).location.hash = hash; }, `#/viewer/${images[0]!.id}`);
      const nav = t.page.getByRole("navigation", { name: "Images in the dataset" });
      await nav.getByText(`1 / ${images.length}`).waitFor();
      const back = t.page.getByRole("link", { name: "← siRNA-HeLa" });
      assert.equal(await back.getAttribute("href"), `#/data/dataset/${dataset.id}`);
      assert.equal(await nav.getByRole("link", { name: "← Previous" }).count(), 0, "no image before the first");
      await waitRendered(t.page, /^z=4&/);
      await t.shot("first-of-dataset");
      await nav.getByRole("link", { name: "Next →" }).click();
      await t.page.getByRole("heading", { name: images[1]!.name }).waitFor();
      await nav.getByText(`2 / ${images.length}`).waitFor();
      await waitRendered(t.page, /^z=4&/);
      assert.equal(await t.page.getByRole("link", { name: "← siRNA-HeLa" }).count(), 1, "Next keeps the dataset");
      await t.page.getByRole("link", { name: "← Previous" }).click();
      await t.page.getByRole("heading", { name: images[0]!.name }).waitFor();
      await t.shot("back-to-first");
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });

  it("moves through the time points of the time-lapse, by slider, keyboard and playback", async () => {
    const t = await openPage(suite.browser, suite.web.url, "viewer-display-timelapse");
    expectLoginPage(t);
    try {
      const renders = recordRenders(t.page);
      const id = await imageIdNamed(suite.web, "GFP-cargo_timelapse");
      await logIn(t.page, DEMO.username, DEMO.password);
      await t.page.goto(`/#/viewer/${id}`);
      await waitRendered(t.page, /^z=0&t=0&c=1\|150:1100\$00FF00$/);
      assert.equal(await t.page.getByRole("slider", { name: "Z", exact: true }).count(), 0, "no Z slider for a single section");
      const tSlider = t.page.getByRole("slider", { name: "T", exact: true });
      await t.page.getByText("T 1 / 60").waitFor();
      await t.shot("opened");
      const first = await t.page.getByTestId("viewer-map").screenshot();
      await tSlider.fill("31");
      await t.page.getByText("T 31 / 60").waitFor();
      await waitRendered(t.page, /^z=0&t=30&/);
      assert.equal(renders.at(-1)!.searchParams.get("t"), "30");
      // Edge of a small image: the tile is the whole 256 × 256 plane, never beyond it.
      assert.equal(renders.at(-1)!.searchParams.get("width"), "256");
      assert.ok(!first.equals(await t.page.getByTestId("viewer-map").screenshot()), "another time point shows other pixels");
      await t.page.getByTestId("viewer-map").focus();
      await t.page.keyboard.press("Shift+ArrowRight");
      await t.page.getByText("T 32 / 60").waitFor();
      await waitRendered(t.page, /^z=0&t=31&/);
      await t.shot("t32");
      await t.page.getByRole("button", { name: "Play time points" }).click();
      await t.page.getByText(/^T (3[4-9]|[45]\d|60) \/ 60$/).waitFor();
      await t.page.getByRole("button", { name: "Pause" }).click();
      await t.shot("played");
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });
});
