/**
 * Leaving the viewer right after opening it, over and over, throws nothing: OpenLayers' tile
 * preload runs from a timer after the last frame, and once read a layer the viewer had disposed
 * (see viewer-map.ts). Timing-dependent, so it repeats the round trip with varied delays.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { DEMO, launchBrowser, logIn, openPage, startWebServer, webE2eSkipReason, type WebServer } from "./harness.ts";

describe("viewer teardown", { skip: webE2eSkipReason() }, () => {
  let web: WebServer;
  let browser: Browser;
  before(async () => {
    web = await startWebServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  it("opening an image and leaving at once, 16 times, raises no page error", async () => {
    const t = await openPage(browser, web.url, "viewer-teardown");
    try {
      t.expectFailure(/\/session → 401/);
      t.expectFailure(/401 \(Unauthorized\)/);
      await logIn(t.page, DEMO.username, DEMO.password);
      const images = (await web.root.images.list({ limit: 10 })).items.map((i) => i.id);
      for (let i = 0; i < 16; i++) {
        await t.page.evaluate(`location.hash = "#/viewer/${images[i % images.length]!}"`);
        await t.page.waitForTimeout(40 + (i % 4) * 90);
        await t.page.evaluate(`location.hash = "#/data"`);
        await t.page.waitForTimeout(60);
      }
      await t.page.waitForTimeout(400);
      await t.shot("back-on-data");
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });
});
