/**
 * What the runner costs per process, for a trivial script: `prepare`, `describe` and `run`
 * against a bare `node -e 0` (medians of 20). Prints figures only; run with
 * `node --import tsx packages/runner/src/overhead.bench.ts`.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createNodeRunner } from "./node-runner.ts";

const N = 20;
const TRIVIAL = `import { defineScript, p } from "@fovea/sdk";
export default defineScript({ name: "Trivial", params: { N: p.int({ default: 1 }) }, run: (ctx, { N }) => ({ Message: \`n=\${N}\` }) });`;

async function median(n: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up (esbuild's service, page cache)
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function node(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "ignore", env });
    child.on("error", reject);
    child.on("close", () => resolve());
  });
}

const workRoot = await mkdtemp(join(tmpdir(), "fovea-bench-"));
try {
  const runner = createNodeRunner({ workRoot });
  const runnable = await runner.prepare("typescript", TRIVIAL, "Trivial.ts");
  const baseline = await median(N, () => node(["-e", "0"]));
  // Scripts get a scrubbed environment; this machine's NODE_EXTRA_CA_CERTS alone costs ~35 ms.
  const scrubbed = await median(N, () => node(["-e", "0"], { PATH: process.env.PATH }));
  await writeFile(join(workRoot, "empty.mjs"), "");
  const empty = await median(N, () => node([join(workRoot, "empty.mjs")]));
  const prepare = await median(5, () => runner.prepare("typescript", TRIVIAL, "Trivial.ts"));
  const describe = await median(N, () => runner.describe("typescript", runnable));
  const run = await median(N, () => runner.run({
    language: "typescript", runnable, inputs: {}, jobId: 1, serverUrl: "http://127.0.0.1:9", token: "t", timeoutMs: 10_000,
    memoryMb: 256, signal: new AbortController().signal,
  }, { progress() {}, log() {} }));
  const row = (name: string, ms: number) => console.log(`${name.padEnd(22)} ${ms.toFixed(1).padStart(7)} ms   ${(ms / baseline).toFixed(2)}× node -e 0`);
  console.log(`bundle: ${runnable.length} bytes; medians (prepare of 5, others of ${N})`);
  row("node -e 0", baseline);
  row("node -e 0, bare env", scrubbed);
  row("node empty.mjs", empty);
  row("prepare (esbuild)", prepare);
  row("describe", describe);
  row("run", run);
} finally {
  await rm(workRoot, { recursive: true, force: true });
}
