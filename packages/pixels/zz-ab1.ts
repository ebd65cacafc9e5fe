// usage: node --import tsx zz-ab1.ts old|new case
const which = process.argv[2]!, kase = process.argv[3]!;
const mod = which === "old" ? await import("/tmp/fovea-before/packages/pixels/src/common/render-math.ts" as string) : await import("./src/common/render-math.ts");
const renderRgb = mod.renderRgb as typeof import("./src/common/render-math.ts").renderRgb;
import { syntheticStack } from "../../bench/fixtures.ts";
const st = syntheticStack(512, 1, 3);
const planes = await Promise.all([0,1,2].map(async c => (await st.readPlane(0, c, 0)).data));
const chans = ["00FF00","FF00FF","00FFFF"].map((color, c) => ({ active: true, color, start: 100 + c * 50, end: 3115 + c * 50 }));
const out = new Uint8Array(512*512*3);
const n = 512*512;
const cases: Record<string, () => unknown> = {
  u16x3: () => renderRgb(planes, chans, n, out),
  u16x1: () => renderRgb([planes[0]!], [{ active: true, color: "FFFFFF", start: 100, end: 3115 }], n, out),
  u8x3: (() => { const u8 = planes.map(p => Uint8Array.from(p, v => v >> 4)); const c8 = chans.map(c => ({ ...c, start: 6, end: 200 })); return () => renderRgb(u8, c8, n, out); })(),
  f32x3: (() => { const f = planes.map(p => Float32Array.from(p)); return () => renderRgb(f, chans, n, out); })(),
  poly: () => 0,
};
// "poly": first exercise other types as a server does (thumbnails of other images), then u16x3.
if (kase === "poly") { for (let i = 0; i < 30; i++) { cases.u8x3!(); cases.f32x3!(); cases.u16x1!(); renderRgb([new Int16Array(planes[0]!.buffer)], [{ active: true, color: "FFFFFF", start: -100, end: 3000 }], n, out); } }
const fn = kase === "poly" ? cases.u16x3! : cases[kase]!;
let best = Infinity;
for (let r = 0; r < 30; r++) { const t0 = performance.now(); for (let i = 0; i < 3; i++) fn(); best = Math.min(best, (performance.now() - t0) / 3); }
console.log(best.toFixed(3));
