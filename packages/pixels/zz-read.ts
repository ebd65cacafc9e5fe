import { createZarrPixelStore } from "./src/store/zarr-pixel-store.ts";
import { syntheticStack } from "../../bench/fixtures.ts";
import { mkdtempSync } from "node:fs";
// @ts-ignore
import { bench } from "/tmp/zb/harness.mjs";
import * as zarr from "zarrita";
import { openLevelArray, zarrRoot } from "./src/store/zarr-arrays.ts";
import { chunkSource } from "./src/store/chunk-source.ts";
const dir = mkdtempSync("/tmp/zb/st-");
const st = syntheticStack(2048, 1, 1);
const s0 = createZarrPixelStore(dir);
const w = await s0.create("img", st.metadata); await w.writePlane(0, 0, 0, await st.readPlane(0, 0, 0)); await w.commit();
const root = zarrRoot(dir + "/img.ome.zarr", true);
const arr = await openLevelArray(root, 0);
const meta = JSON.parse(new TextDecoder().decode(await root.store.get("/0/zarr.json")));
const src = chunkSource(arr, meta)!;
const at = { t: 0, c: 0, z: 0, cy: 1, cx: 1 };
const a = await src.read(at); const b = (await arr.getChunk([0, 0, 0, 1, 1])).data;
console.log("equal", Buffer.from(a.buffer).equals(Buffer.from((b as Uint16Array).buffer)));
const nocache = createZarrPixelStore(dir, { chunkCacheBytes: 0 });
const big = { x: 0, y: 0, width: 2048, height: 2048 };
await bench({
  fast: async () => { await src.read(at); },
  zarrita: async () => { await arr.getChunk([0, 0, 0, 1, 1]); },
  fileOnly: async () => { await root.store.get("/0/c/0/0/0/1/1"); },
}, { rounds: 10, iters: 10 });
await bench({
  planeNew: async () => { await nocache.readRegion("img", 0, 0, 0, 0, big); },
  planeZarr: async () => { await zarr.get(arr, [0, 0, 0, null, null]); },
}, { rounds: 8, iters: 2 });
