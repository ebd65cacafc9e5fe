import { renderRgb, intensity, parseColor, type ChannelRender } from "./src/common/render-math.ts";
const n = 65536;
const perm = (k: number) => Uint16Array.from({ length: n }, (_, i) => (i * k + 12345) & 0xffff);
const u16 = [perm(1), perm(40503), perm(9)];
function reference(planes: Uint16Array[], chans: ChannelRender[], n: number) {
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const sum = [0, 0, 0];
    chans.forEach((c, k) => { if (!c.active) return; const q = intensity(planes[k]![i]!, c); parseColor(c.color).forEach((w, j) => { sum[j]! += q * w; }); });
    for (let j = 0; j < 3; j++) out[3 * i + j] = Math.min(255, Math.round(sum[j]!));
  }
  return out;
}
let seed = 11;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const nice = [0, 1, 7, 10, 20, 50, 100, 128, 255, 256, 1000, 1023, 4095, 65535];
const colors = ["FFFFFF", "FF00FF", "00FFFF", "FFFF00", "808080", "3366CC", "010101", "7F7F7F", "FF8000"];
let found = 0;
for (let trial = 0; trial < 1500 && found < 8; trial++) {
  const chans: ChannelRender[] = [0, 1, 2].map(() => {
    let a = nice[Math.floor(rnd() * nice.length)]!, b = nice[Math.floor(rnd() * nice.length)]!;
    if (rnd() < 0.3) b = a + 1 + Math.floor(rnd() * 300);
    return { active: true, color: colors[Math.floor(rnd() * colors.length)]!, start: Math.min(a, b), end: Math.max(a, b) === Math.min(a, b) ? a + 3 : Math.max(a, b), inverted: rnd() < 0.2 };
  });
  (globalThis as any).NOFB = true;
  const got = renderRgb(u16, chans, n);
  (globalThis as any).NOFB = false;
  const want = reference(u16, chans, n);
  let bad = 0; for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) bad++;
  if (bad) { found++; console.log(bad, JSON.stringify(chans)); }
}
console.log("found", found);
