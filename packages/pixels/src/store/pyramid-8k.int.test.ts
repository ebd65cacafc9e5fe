/**
 * An 8192 × 8192 uint16 plane (128 MiB): the pyramid goes down to 512, levels are 2×2 means,
 * regions read at every level, and memory stays bounded. Peak RSS is logged, not asserted hard.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ImageMetadata } from "@fovea/core";
import { createZarrPixelStore } from "./zarr-pixel-store.ts";

const N = 8192;
/** Cheap and position-dependent, so a misplaced tile or a wrong mean shows. */
const value = (x: number, y: number) => (x * 3 + y * 5 + ((x * y) >> 7)) & 0xffff;

test("8192² uint16: levels 8192…512, 2×2 means, regions at every level, bounded memory", async (t) => {
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const root = await mkdtemp(join(tmpdir(), "fovea-8k-"));
  try {
    const store = createZarrPixelStore(root);
    const meta: ImageMetadata = { name: "big", sizeX: N, sizeY: N, sizeZ: 1, sizeC: 1, sizeT: 1, pixelType: "uint16", channels: [{ name: "c0" }], format: "test" };
    const writer = await store.create("big", meta);
    {
      const data = new Uint16Array(N * N);
      for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) data[y * N + x] = value(x, y);
      await writer.writePlane(0, 0, 0, { width: N, height: N, data });
    } // the plane goes out of scope here; only the store's bands remain
    const layout = await writer.commit();
    assert.deepEqual(layout.levels.map((l) => [l.sizeX, l.sizeY]), [[8192, 8192], [4096, 4096], [2048, 2048], [1024, 1024], [512, 512]]);

    // Level 1 = rounded 2×2 means of level 0, probed at corners, edges and the middle.
    for (const [x, y] of [[0, 0], [4095, 4095], [255, 256], [2048, 17], [4000, 3999]] as const) {
      const got = await store.readRegion("big", 1, 0, 0, 0, { x, y, width: 1, height: 1 });
      const sum = value(2 * x, 2 * y) + value(2 * x + 1, 2 * y) + value(2 * x, 2 * y + 1) + value(2 * x + 1, 2 * y + 1);
      assert.equal(got.data[0], Math.round(sum / 4), `level 1 at (${x}, ${y})`);
    }
    // A region at every level, straddling chunk edges where the level has them.
    for (const [level, l] of layout.levels.entries()) {
      const w = Math.min(300, l.sizeX);
      const x = l.sizeX - w;
      const region = await store.readRegion("big", level, 0, 0, 0, { x, y: 100, width: w, height: 200 });
      assert.equal(region.data.length, w * 200);
      if (level === 0) assert.equal(region.data[0], value(x, 100));
    }
    // Every chunk of every level is on disk.
    for (const [level, l] of layout.levels.entries()) {
      const files = (await readdir(join(store.location("big"), String(level), "c"), { recursive: true })).map(String);
      assert.equal(files.filter((f) => f.split("/").length === 5).length, Math.ceil(l.sizeX / 512) * Math.ceil(l.sizeY / 512), `level ${level}`);
    }
  } finally {
    clearInterval(sample);
    await rm(root, { recursive: true, force: true });
  }
  const mib = Math.round(peak / 2 ** 20);
  t.diagnostic(`peak RSS ${mib} MiB (the plane itself is 128 MiB)`);
  // Generous bound: holding the image more than a few times over would blow through it.
  assert.ok(mib < 1024, `peak RSS ${mib} MiB`);
});
