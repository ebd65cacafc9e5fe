import { renderRgb } from "./src/common/render-math.ts";
import { syntheticStack } from "../../bench/fixtures.ts";
const st = syntheticStack(2048, 1, 3);
const full = await Promise.all([0,1,2].map(async c => (await st.readPlane(0, c, 0)).data));
// 16 tiles × 3 channels of 512², as separate arrays (like cached chunks)
const tiles = Array.from({ length: 16 }, (_, t) => full.map((p) => { const a = new Uint16Array(512 * 512); const x0 = (t % 4) * 512, y0 = Math.floor(t / 4) * 512; for (let y = 0; y < 512; y++) a.set(p.subarray((y0 + y) * 2048 + x0, (y0 + y) * 2048 + x0 + 512), y * 512); return a; }));
const chans = ["00FF00","FF00FF","00FFFF"].map((color, c) => ({ active: true, color, start: 100 + c * 50, end: 3115 + c * 50 }));
const n = 512 * 512;
const mode = process.argv[2];
let best = Infinity, sum = 0, cnt = 0;
for (let r = 0; r < 30; r++) {
  const t0 = performance.now();
  for (let i = 0; i < 16; i++) renderRgb(mode === "same" ? tiles[0]! : tiles[i]!, chans, n, mode === "newout" ? undefined : new Uint8Array(n * 3));
  const dt = (performance.now() - t0) / 16; best = Math.min(best, dt); if (r >= 5) { sum += dt; cnt++; }
}
console.log(mode, "min", best.toFixed(2), "mean", (sum / cnt).toFixed(2));
