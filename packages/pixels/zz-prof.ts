import { renderRgb } from "./src/common/render-math.ts";
import { syntheticStack } from "../../bench/fixtures.ts";
// @ts-ignore
import { bench } from "/tmp/zb/harness.mjs";
const st = syntheticStack(512, 1, 3);
const planes = await Promise.all([0,1,2].map(async c => (await st.readPlane(0, c, 0)).data));
const chans = ["00FF00","FF00FF","00FFFF"].map((color) => ({ active: true, color, start: 100, end: 3200 }));
const out = new Uint8Array(512*512*3);
const n = 512*512;
const f = planes.map(p => Float32Array.from(p));
const one = [chans[0]!];
bench({ u16x3: () => renderRgb(planes, chans, n, out), u16x1: () => renderRgb([planes[0]!], one, n, out), f32x3: () => renderRgb(f, chans, n, out), u8x3: () => renderRgb(planes.map(p => Uint8Array.from(p)), chans.map(c => ({...c, start: 10, end: 200})), n, out) });
