/**
 * The assertions of the pyramid browser test (viewer-pyramid.e2e.test.ts): which tiles a view
 * needed and got, and whether the screen shows the pattern where it should.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { expectedGrey, patternValue, probePoints } from "./viewer-pyramid-pattern.ts";
import { readScreen, visibleArea, waitSettled, type ViewState } from "./viewer-pyramid-screen.ts";
import { levelsOf, tileIssues, tilesAt, tilesCovering, type Layout, type TileHit, type TileLog } from "./viewer-pyramid-tiles.ts";

/** JPEG tiles over flat 8×8 blocks of one grey decode within a level or two of the value. */
const GREY_TOLERANCE = 4;

export type Area = Awaited<ReturnType<typeof visibleArea>>;

/** The window [start, end] of the single channel in a tile's `c` parameter (`1|start:end$FFFFFF`). */
export function windowOf(tile: TileHit): [number, number] {
  const m = /^1\|(-?[\d.]+):(-?[\d.]+)\$FFFFFF$/.exec(tile.c);
  assert.ok(m, `tile channel parameter ${tile.c}`);
  return [Number(m[1]), Number(m[2])];
}

/** Every tile is on the grid, inside its level and clipped exactly at the level's edges. */
export function assertWellFormed(tiles: readonly TileHit[], layout: Layout): void {
  assert.deepEqual(tileIssues(tiles, layout), []);
}

/** Every tile of `level` that `area` needs is among `requested`. */
export function assertCovered(requested: readonly TileHit[], area: Area, level: number, layout: Layout, what: string): void {
  const got = tilesAt(requested, level);
  const missing = tilesCovering(area, level, layout).filter((key) => !got.has(key));
  assert.deepEqual(missing, [], `${what}: level-${level} tiles on screen were never requested`);
}

/**
 * The view at `resolution` was drawn from a level that suits it: one of the two whose 2^L
 * brackets the resolution (OpenLayers takes the nearer), every tile of it that `area` needs
 * requested. Returns that level.
 */
export function assertSuitableLevel(requested: readonly TileHit[], area: Area, resolution: number, layout: Layout, what: string): number {
  const top = layout.levels.length - 1;
  const candidates = [Math.floor(Math.log2(resolution)), Math.ceil(Math.log2(resolution))].map((l) => Math.min(Math.max(l, 0), top));
  const level = candidates.find((l) => {
    const got = tilesAt(requested, l);
    return tilesCovering(area, l, layout).every((key) => got.has(key));
  });
  assert.ok(level !== undefined, `${what}: no level of ${candidates} covers the view at resolution ${resolution}; requested levels ${levelsOf(requested)}`);
  return level;
}

/**
 * At 1:1 the view reads level 0; level 1 may come too, as the backdrop the layer preloads one
 * level coarser (`preload: 1`) and while the zoom animates through it. Nothing coarser.
 */
export function assertFullResolution(tiles: readonly TileHit[]): void {
  assert.ok(tiles.some((tile) => tile.level === 0) && tiles.every((tile) => tile.level <= 1), `levels at 1:1: ${levelsOf(tiles)}`);
}

/** At 1:1: square centres and each square's outermost pixels (see probePoints). */
export function fullResolutionProbes(area: Area): [number, number][] {
  return probePoints(area, { edgeInset: 0 });
}

/** Zoomed out: square centres and points near their edges, 1.5 screen pixels in (see probePoints). */
export function coarseProbes(area: Area, resolution: number): [number, number][] {
  const margin = 1.5 * resolution;
  return probePoints(area, { edgeInset: Math.ceil(margin), margin });
}

/**
 * Compares the screen with the pattern at `points`, under the window of the latest tiles: each
 * must show its square's grey. Retries for a second, since the last tile can arrive a frame
 * before it is drawn; returns how many points were on the bare map and checked.
 */
export async function assertScreenShowsPattern(page: Page, tiles: TileLog, points: [number, number][], what: string): Promise<number> {
  const [start, end] = windowOf(tiles.all.at(-1)!);
  const grey = ([x, y]: readonly [number, number]) => expectedGrey(patternValue(x, y), start, end);
  const deadline = Date.now() + 1000;
  for (;;) {
    const samples = await readScreen(page, points);
    assert.ok(samples.length >= 10, `${what}: only ${samples.length} of ${points.length} points are on the bare map`);
    const wrong = samples.filter(({ point, rgb }) => rgb.some((v) => Math.abs(v - grey(point)) > GREY_TOLERANCE))
      .map(({ point, client, rgb }) => `image (${point}) at screen (${client.map(Math.round)}): ${rgb}, expected ${grey(point)}`);
    if (wrong.length === 0) return samples.length;
    if (Date.now() > deadline) assert.fail(`${what}: ${wrong.length} of ${samples.length} screen pixels are wrong:\n${wrong.slice(0, 12).join("\n")}`);
    await page.waitForTimeout(100);
  }
}

/** Zooms with one key press on the focused map and waits for the view to settle at `resolution`. */
export async function pressZoom(page: Page, tiles: TileLog, key: string, resolution: number): Promise<ViewState> {
  await page.keyboard.press(key);
  const state = await waitSettled(page, tiles, `after ${key}`);
  assert.ok(Math.abs(state.resolution - resolution) < 1e-6, `${key} gives resolution ${state.resolution}, not ${resolution}`);
  return state;
}
