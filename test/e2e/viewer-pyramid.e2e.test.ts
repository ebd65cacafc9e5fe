/**
 * The viewer on a real multi-resolution pyramid. The demo images are too small for more than one
 * level, so the demo user uploads a 4100 × 3100 uint16 image (five levels, see
 * viewer-pyramid-pattern.ts) and opens it. Fitted, the tiles come from a coarse level; at 1:1
 * they are level-0 tiles, clipped at the image's right and bottom edges; every request stays on
 * the grid and inside its level; and the screen shows the pattern's squares where they belong,
 * down to their outermost pixels at 1:1, fitted, zoomed out and in, and after a window change.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { FoveaClient } from "@fovea/client";
import type { ImageDto } from "@fovea/model";
import { DEMO, logIn, openPage, webE2eSkipReason, webSuite, type TestPage, type WebServer } from "./harness.ts";
import {
  assertCovered, assertFullResolution, assertScreenShowsPattern, assertSuitableLevel, assertWellFormed, coarseProbes,
  fullResolutionProbes, pressZoom, windowOf,
} from "./viewer-pyramid-checks.ts";
import { patternPlane, PATTERN } from "./viewer-pyramid-pattern.ts";
import { readScreen, visibleArea, waitSettled } from "./viewer-pyramid-screen.ts";
import { levelsOf, recordTiles, type Layout, type TileLog } from "./viewer-pyramid-tiles.ts";

const skip = webE2eSkipReason();
/** The viewer's stage, where no image is (viewer.css). */
const STAGE = [16, 21, 27];

interface Ctx {
  t: TestPage;
  tiles: TileLog;
  layout: Layout;
}

/** The demo user's new image of the pattern, in a dataset of its own. */
async function uploadPattern(web: WebServer): Promise<ImageDto> {
  const demo = new FoveaClient({ baseUrl: web.url });
  await demo.login({ username: DEMO.username, password: DEMO.password });
  const dataset = await demo.datasets.create({ name: "Large images" });
  const up = await demo.imageUploads.create({
    name: "Pyramid_pattern", datasetId: dataset.id, sizeX: PATTERN.sizeX, sizeY: PATTERN.sizeY, sizeZ: 1, sizeC: 1, sizeT: 1,
    pixelType: "uint16", physicalSizeX: 0.1, physicalSizeY: 0.1, physicalSizeUnit: "µm", channels: [{ name: "Pattern", color: "FFFFFF" }],
  });
  await demo.imageUploads.putPlane(up.uploadId, 0, 0, 0, patternPlane());
  return demo.imageUploads.commit(up.uploadId);
}

/** Fitted: a few tiles of a coarse level that suits the zoom, none of level 0. */
async function checkFitted({ t, tiles, layout }: Ctx): Promise<void> {
  const fitted = await waitSettled(t.page, tiles, "fitted");
  assert.ok(fitted.resolution > 2, `the fitted view shrinks the image (resolution ${fitted.resolution})`);
  assert.ok(tiles.all.length > 0 && tiles.all.length <= 16, `a few tiles when fitted: ${tiles.all.length}`);
  assert.ok(levelsOf(tiles.all)[0]! >= 1, `coarse levels only when fitted: ${levelsOf(tiles.all)}`);
  assertSuitableLevel(tiles.all, await visibleArea(t.page), fitted.resolution, layout, "fitted");
  assertWellFormed(tiles.all, layout);
  await assertScreenShowsPattern(t.page, tiles, coarseProbes(await visibleArea(t.page), fitted.resolution), "fitted");
  await t.shot("fitted");

  // "0" on the focused map: 1:1 about the same centre, from level-0 tiles.
  await t.page.getByTestId("viewer-map").focus();
  const mark = tiles.all.length;
  const actual = await pressZoom(t.page, tiles, "0", 1);
  assert.deepEqual(actual.center.map(Math.round), fitted.center.map(Math.round), "1:1 keeps the centre");
  assertFullResolution(tiles.since(mark));
  assertCovered(tiles.since(mark), await visibleArea(t.page), 0, layout, "1:1 in the middle");
  assertWellFormed(tiles.since(mark), layout);
  await assertScreenShowsPattern(t.page, tiles, fullResolutionProbes(await visibleArea(t.page, 4)), "1:1 in the middle");
  await t.shot("actual-size-middle");
}

/** Dragged far up and left, the view stops on the bottom-right corner: the clipped edge tiles. */
async function checkCorner({ t, tiles, layout }: Ctx): Promise<void> {
  const { sizeX, sizeY } = layout.levels[0]!;
  const box = (await t.page.getByTestId("viewer-map").boundingBox())!;
  const mark = tiles.all.length;
  for (let i = 0; i < 3; i++) {
    await t.page.mouse.move(box.x + box.width - 60, box.y + box.height - 80);
    await t.page.mouse.down();
    await t.page.mouse.move(box.x + 60, box.y + 80, { steps: 20 });
    await t.page.waitForTimeout(100);
    await t.page.mouse.up();
  }
  const corner = await waitSettled(t.page, tiles, "panned to the corner");
  assert.deepEqual(corner.center.map(Math.round), [sizeX, sizeY], "the view is centred on the bottom-right corner");
  assertFullResolution(tiles.since(mark));
  assertCovered(tiles.all, await visibleArea(t.page), 0, layout, "1:1 at the corner");
  assertWellFormed(tiles.since(mark), layout);
  const ts = layout.tileSize;
  const [lastX, lastY] = [Math.floor((sizeX - 1) / ts) * ts, Math.floor((sizeY - 1) / ts) * ts];
  const edge = tiles.since(mark).find((tile) => tile.level === 0 && tile.x === lastX && tile.y === lastY);
  assert.deepEqual(edge && [edge.width, edge.height], [sizeX - lastX, sizeY - lastY], "the corner tile is clipped to the image");
  const checked = await assertScreenShowsPattern(t.page, tiles, fullResolutionProbes(await visibleArea(t.page, 4)), "1:1 at the corner");
  assert.ok(checked >= 20, `enough of the corner checked: ${checked}`);
  // Beyond the image's last column and row the stage shows, not a stretched edge tile.
  const outside = await readScreen(t.page, [[sizeX + 0.5, sizeY - 100.5], [sizeX - 100.5, sizeY + 0.5], [sizeX + 40.5, sizeY + 40.5]]);
  assert.equal(outside.length, 3);
  for (const { point, rgb } of outside) assert.deepEqual(rgb, STAGE, `nothing drawn at image point ${point}`);
  await t.shot("actual-size-corner");
}

/** Out to 25 % and back in from the keyboard, in with the wheel, then the 1:1 button. */
async function checkZooms({ t, tiles, layout }: Ctx): Promise<void> {
  const mark = tiles.all.length;
  await pressZoom(t.page, tiles, "-", 2);
  await pressZoom(t.page, tiles, "-", 4);
  assertCovered(tiles.all, await visibleArea(t.page), 2, layout, "zoomed out to 25 %");
  assert.ok(tiles.since(mark).every((tile) => tile.level <= 3), `zoomed out to 25 %, levels ${levelsOf(tiles.since(mark))}`);
  await assertScreenShowsPattern(t.page, tiles, coarseProbes(await visibleArea(t.page, 4), 4), "zoomed out to 25 %");
  await t.shot("zoomed-out");
  await pressZoom(t.page, tiles, "+", 2);

  const box = (await t.page.getByTestId("viewer-map").boundingBox())!;
  await t.page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
  await t.page.mouse.wheel(0, -200);
  const wheeled = await waitSettled(t.page, tiles, "after the wheel");
  assert.ok(wheeled.resolution < 2 - 1e-6, `the wheel zooms in: resolution ${wheeled.resolution}`);
  assertSuitableLevel(tiles.all, await visibleArea(t.page), wheeled.resolution, layout, "after the wheel");
  await t.page.getByRole("button", { name: "Actual size" }).click();
  const actual = await waitSettled(t.page, tiles, "after the 1:1 button");
  assert.equal(actual.resolution, 1);
  assertCovered(tiles.all, await visibleArea(t.page), 0, layout, "1:1 again");
  assertWellFormed(tiles.all, layout);
}

/** A window typed into the channel panel: new tiles with the new `c`, and the screen follows. */
async function checkWindowChange({ t, tiles, layout }: Ctx): Promise<void> {
  const [, end] = windowOf(tiles.all.at(-1)!);
  const mark = tiles.all.length;
  const startField = t.page.getByRole("spinbutton", { name: "Pattern window start value" });
  await startField.fill("25000");
  await startField.press("Enter");
  await waitSettled(t.page, tiles, "after the window change");
  const fresh = tiles.since(mark);
  assertCovered(fresh, await visibleArea(t.page), 0, layout, "after the window change");
  assert.ok(fresh.every((tile) => tile.c === `1|25000:${end}$FFFFFF`), `new c= on every new tile: ${fresh.map((tile) => tile.c)}`);
  assertWellFormed(fresh, layout);
  assert.equal(await t.page.getByTestId("viewer-map").getAttribute("data-rendered-key"), `z=0&t=0&c=1|25000:${end}$FFFFFF`);
  await assertScreenShowsPattern(t.page, tiles, fullResolutionProbes(await visibleArea(t.page, 4)), "after the window change");
  await t.shot("window-changed");
}

describe("viewer on a multi-resolution pyramid", { skip }, () => {
  const suite = webSuite();

  it("draws a large image from the right level, every tile inside its level, every pixel where the pattern puts it", async () => {
    const image = await uploadPattern(suite.web);
    const layout = await suite.web.root.pixels.layout(image.id);
    assert.ok(layout.levels.length >= 3, `a pyramid: ${JSON.stringify(layout.levels)}`);
    assert.deepEqual(layout.levels[0], { sizeX: PATTERN.sizeX, sizeY: PATTERN.sizeY });

    const t = await openPage(suite.browser, suite.web.url, "viewer-pyramid");
    // The login page's first GET /session answers 401 before anyone has logged in.
    t.expectFailure(/\/session → 401/);
    t.expectFailure(/401 \(Unauthorized\)/);
    try {
      await logIn(t.page, DEMO.username, DEMO.password);
      const ctx: Ctx = { t, tiles: recordTiles(t.page), layout };
      await t.page.goto(`/#/viewer/${image.id}`);
      await t.page.getByRole("heading", { name: "Pyramid_pattern" }).waitFor();
      await checkFitted(ctx);
      await checkCorner(ctx);
      await checkZooms(ctx);
      await checkWindowChange(ctx);
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });
});
