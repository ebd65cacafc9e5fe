import { renderRgb as newRender } from "./src/common/render-math.ts";
// @ts-ignore
import { renderRgb as oldRender } from "/tmp/fovea-before/packages/pixels/src/common/render-math.ts";
import { syntheticStack } from "../../bench/fixtures.ts";
// @ts-ignore
import { bench } from "/tmp/zb/harness.mjs";
const st = syntheticStack(512, 1, 3);
const planes = await Promise.all([0,1,2].map(async c => (await st.readPlane(0, c, 0)).data));
const chans = ["00FF00","FF00FF","00FFFF"].map((color, c) => ({ active: true, color, start: 100 + c * 50, end: 3115 + c * 50 }));
const out = new Uint8Array(512*512*3);
const n = 512*512;
const f = planes.map(p => Float32Array.from(p));
const u8 = planes.map(p => Uint8Array.from(p, v => v >> 4));
const c8 = chans.map(c => ({ ...c, start: 6, end: 200 }));
const grey = [{ active: true, color: "FFFFFF", start: 100, end: 3115 }];
await bench({
  old_u16x3: () => oldRender(planes, chans, n, out), new_u16x3: () => newRender(planes, chans, n, out),
  old_u16x1: () => oldRender(planes, grey, n, out), new_u16x1: () => newRender(planes, grey, n, out),
  old_u8x3: () => oldRender(u8, c8, n, out), new_u8x3: () => newRender(u8, c8, n, out),
  old_f32x3: () => oldRender(f, chans, n, out), new_f32x3: () => newRender(f, chans, n, out),
}, { rounds: 15, iters: 4 });
