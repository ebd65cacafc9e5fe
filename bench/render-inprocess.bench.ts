/**
 * The render and read paths in process, without HTTP, so that their own cost shows: the channel
 * mixing of 512² tiles (uint16 with the table path, float32 with the direct path), 512² chunk-aligned
 * tile reads and whole-plane reads from the store, and renderRegion to JPEG next to sharp encoding an
 * already-prepared RGB buffer. Medians of several rounds; nothing is asserted.
 *
 * Store reads are measured twice when the store has a chunk cache: "cold" rounds read tiles that are
 * not cached (each round asks for a tile the previous rounds did not touch, with the cache cleared by
 * a fresh store), "warm" rounds repeat the same tiles, as a viewer panning back and forth does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import type { PixelStore } from "@fovea/core";
import { createZarrPixelStore, renderRegion, type ChannelRender } from "@fovea/pixels";
import { renderRgb } from "../packages/pixels/src/common/render-math.ts";
import { syntheticStack } from "./fixtures.ts";
import { fmt, timeRuns } from "./stats.ts";

const SIZE = 2048;
const TILE = 512;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)]!;

/** The 16 tile origins of the 2048² plane, row by row. */
const tiles = Array.from({ length: (SIZE / TILE) ** 2 }, (_, i) => ({ x: (i % (SIZE / TILE)) * TILE, y: Math.floor(i / (SIZE / TILE)) * TILE }));

export async function benchRenderInProcess(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "fovea-bench-render-"));
  const lines: string[] = [`render-inprocess: ${SIZE}² × 3 channels uint16 in 512² chunks, medians of ${ROUNDS} rounds`];
  try {
    const stack = syntheticStack(SIZE, 1, 3);
    const setup = createZarrPixelStore(dir);
    const w = await setup.create("img", stack.metadata);
    for (let c = 0; c < 3; c++) await w.writePlane(0, c, 0, await stack.readPlane(0, c, 0));
    await w.commit();
    const stats = await setup.channelStats("img");
    const colors = ["00FF00", "FF00FF", "00FFFF"];
    const channels: ChannelRender[] = stats.map((s, c) => ({ active: true, color: colors[c]!, start: s.min, end: s.max }));

    // Channel mixing alone, on planes already in memory.
    const u16 = await Promise.all([0, 1, 2].map(async (c) => (await setup.readRegion("img", 0, 0, c, 0, { x: 0, y: 0, width: TILE, height: TILE })).data));
    const f32 = u16.map((p) => Float32Array.from(p));
    const n = TILE * TILE;
    const out = new Uint8Array(n * 3);
    const mixU16 = await timeRuns(ROUNDS * 4, 3, async () => renderRgb(u16, channels, n, out));
    const mixF32 = await timeRuns(ROUNDS * 4, 3, async () => renderRgb(f32, channels, n, out));
    lines.push(`  renderRgb 512² × 3 uint16: ${fmt(median(mixU16))} ms/tile | float32: ${fmt(median(mixF32))} ms/tile`);

    // Tile reads: cold (fresh store, so no cached chunks and no opened arrays beyond a warm-up read).
    const cold: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const store = createZarrPixelStore(dir);
      await store.readRegion("img", 0, 0, 0, 0, { x: 0, y: 0, width: 1, height: 1 }); // opens manifest and array
      const t = tiles[1 + (r % (tiles.length - 1))]!;
      const t0 = performance.now();
      for (let c = 0; c < 3; c++) await store.readRegion("img", 0, 0, c, 0, { ...t, width: TILE, height: TILE });
      cold.push((performance.now() - t0) / 3);
    }
    const store = createZarrPixelStore(dir);
    const warm = await timeRuns(ROUNDS * 4, 2, async () => { await store.readRegion("img", 0, 0, 1, 0, { x: TILE, y: TILE, width: TILE, height: TILE }); });
    const off = await timeRuns(ROUNDS * 4, 2, async () => { await store.readRegion("img", 0, 0, 1, 0, { x: 100, y: 100, width: TILE, height: TILE }); });
    lines.push(`  readRegion 512² aligned tile: cold ${fmt(median(cold.sort((a, b) => a - b)))} ms | repeated ${fmt(median(warm))} ms | ` +
      `unaligned (4 chunks) repeated ${fmt(median(off))} ms`);

    const plane = await timeRuns(ROUNDS, 1, async () => { await createZarrPixelStore(dir).readRegion("img", 0, 0, 2, 0, { x: 0, y: 0, width: SIZE, height: SIZE }); });
    const planeMB = (SIZE * SIZE * 2) / 1e6;
    lines.push(`  readRegion whole ${SIZE}² plane (fresh store): ${fmt(median(plane))} ms = ${fmt(planeMB / (median(plane) / 1000))} MB/s`);

    // renderRegion to JPEG (reads + mixing + encode) next to the encode alone.
    const renderCold: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const s = createZarrPixelStore(dir);
      await s.readRegion("img", 0, 0, 0, 0, { x: 0, y: 0, width: 1, height: 1 });
      const t = tiles[1 + (r % (tiles.length - 1))]!;
      const t0 = performance.now();
      await renderTile(s, channels, t);
      renderCold.push(performance.now() - t0);
    }
    const renderWarm = await timeRuns(ROUNDS * 4, 2, async () => renderTile(store, channels, tiles[5]!));
    const rgb = Buffer.alloc(n * 3);
    for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 31) & 255;
    const encode = await timeRuns(ROUNDS * 4, 2, () => sharp(rgb, { raw: { width: TILE, height: TILE, channels: 3 } }).jpeg().toBuffer());
    const coldMs = median(renderCold.sort((a, b) => a - b));
    lines.push(`  renderRegion 512² JPEG: cold ${fmt(coldMs)} ms | repeated ${fmt(median(renderWarm))} ms | sharp encode alone ${fmt(median(encode))} ms | ` +
      `beyond the encode: cold ${fmt(coldMs - median(encode))} ms, repeated ${fmt(median(renderWarm) - median(encode))} ms`);
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function renderTile(store: PixelStore, channels: ChannelRender[], at: { x: number; y: number }): Promise<Uint8Array> {
  return renderRegion(store, "img", { level: 0, z: 0, t: 0, channels, format: "jpeg", region: { ...at, width: TILE, height: TILE } });
}
