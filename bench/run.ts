/**
 * Benchmark runner: `npm run bench [name…]`. Each benchmark prints figures and ratios against a
 * reference measured on the same machine; nothing is asserted. Copy the output, with the date,
 * into bench/RESULTS.md.
 */
import { availableParallelism, cpus, totalmem } from "node:os";
import { benchApiList } from "./api-list.bench.ts";
import { benchJobs } from "./jobs.bench.ts";
import { benchPixels } from "./pixels.bench.ts";
import { benchRenderInProcess } from "./render-inprocess.bench.ts";
import { benchScripts } from "./scripts.bench.ts";

const BENCHES: Record<string, () => Promise<string[]>> = {
  "api-list": benchApiList,
  pixels: benchPixels,
  jobs: benchJobs,
  "render-inprocess": benchRenderInProcess,
  scripts: benchScripts,
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
console.log(`# Fovea benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
  `${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(", ")}`);
    process.exit(2);
  }
  for (const line of await bench()) console.log(line);
}
