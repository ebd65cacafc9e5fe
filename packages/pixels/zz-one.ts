import { renderRgb as newRender } from "./src/common/render-math.ts";
import { syntheticStack } from "../../bench/fixtures.ts";
// @ts-ignore
import { bench } from "/tmp/zb/harness.mjs";
const st = syntheticStack(512, 1, 3);
const planes = await Promise.all([0,1,2].map(async c => (await st.readPlane(0, c, 0)).data));
const chans = ["00FF00","FF00FF","00FFFF"].map((color, c) => ({ active: true, color, start: 100 + c * 50, end: 3115 + c * 50 }));
const out = new Uint8Array(512*512*3);
const n = 512*512;
await bench({ new_u16x3: () => newRender(planes, chans, n, out) }, { rounds: 40, iters: 5 });
