import { tableFor } from "./src/common/render-table.ts";
import { activeChannels } from "./src/common/render-channel.ts";
const ch = activeChannels([new Uint16Array(1)], [{ active: true, color: "FF00FF", start: 0, end: 65535 }], 1)[0]!;
let best = Infinity;
for (let r = 0; r < 20; r++) { const t0 = performance.now(); tableFor({ ...ch, start: r, end: 65535 - r }, 16, false, 20); best = Math.min(best, performance.now() - t0); }
console.log("full-range 16-bit table build (2 comps)", best.toFixed(3), "ms");
best = Infinity;
for (let r = 0; r < 20; r++) { const t0 = performance.now(); tableFor({ ...ch, start: 100 + r, end: 3115 + r }, 16, false, 20); best = Math.min(best, performance.now() - t0); }
console.log("3k-entry table build", best.toFixed(3), "ms");
