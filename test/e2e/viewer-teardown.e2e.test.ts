/**
 * Leaving the viewer right after opening it, over and over, throws nothing: OpenLayers' tile
 * preload runs from a timer after the last frame, and once read a layer the viewer had disposed
 * (see viewer-map.ts). Timing-dependent, so it repeats the round trip with varied delays.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEMO, logIn, openPage, webE2eSkipReason, webSuite } from "./harness.ts";

describe("viewer teardown", { skip: webE2eSkipReason() }, () => {
  const suite = webSuite();

  it("opening an image and leaving at once, 16 times, raises no page error", async () => {
    const t = await openPage(suite.browser, suite.web.url, "viewer-teardown");
    try {
      t.expectFailure(/\/session → 401/);
      t.expectFailure(/401 \(Unauthorized\)/);
      await logIn(t.page, DEMO.username, DEMO.password);
      const images = (await suite.web.root.images.list({ limit: 10 })).items.map((i) => i.id);
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
