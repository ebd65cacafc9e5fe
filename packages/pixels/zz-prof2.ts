import { renderRgb } from "./src/common/render-math.ts";
import { syntheticStack } from "../../bench/fixtures.ts";
const st = syntheticStack(512, 1, 3);
const planes = await Promise.all([0,1,2].map(async c => (await st.readPlane(0, c, 0)).data));
const chans = ["00FF00","FF00FF","00FFFF"].map((color) => ({ active: true, color, start: 100, end: 3200 }));
const out = new Uint8Array(512*512*3);
const n = 512*512;
for (let r = 0; r < 5; r++) {
  let a = 0, f = 0, b = 0; const t0 = performance.now();
  for (let i = 0; i < 20; i++) { const s = performance.now(); renderRgb(planes, chans, n, out); const T = (globalThis as any).T; b += T[0] - s; a += T[1]; f += T[2]; }
  console.log(((performance.now() - t0) / 20).toFixed(2), "ms; before loop", (b/20).toFixed(2), "add", (a/20).toFixed(2), "finish", (f/20).toFixed(2));
}
