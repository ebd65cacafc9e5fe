/**
 * A runner that dies (the server crashed) leaves its script processes behind: they are in their own
 * process group on purpose. They must still end by themselves: a script that waits notices that
 * its parent is gone (SDK), one that spins hits the CPU-time limit (prlimit, when present).
 */
import { afterEach, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { groupGone } from "./testing.ts";

const INDEX = fileURLToPath(new URL("./index.ts", import.meta.url));
const HAS_PRLIMIT = ["/usr/bin/prlimit", "/bin/prlimit", "/usr/local/bin/prlimit"].some((p) => existsSync(p));

/** Starts a runner in another process, runs `body` there, and kills that process once the script runs. */
async function orphan(body: string, timeoutMs: number, workRoot: string): Promise<number> {
  const source = `import { defineScript } from "@fovea/sdk";\nexport default defineScript({ name: "Orphan", params: {}, async run(ctx) { ctx.log("started"); ${body} } });`;
  const program = `
    const { createNodeRunner } = await import(${JSON.stringify(INDEX)});
    const runner = createNodeRunner({ workRoot: ${JSON.stringify(workRoot)}, onSpawn: (pid) => console.log("pid", pid) });
    const runnable = await runner.prepare("typescript", ${JSON.stringify(source)}, "o.ts");
    await runner.run({ language: "typescript", runnable, inputs: {}, jobId: 1, serverUrl: "http://127.0.0.1:9", token: "t",
      timeoutMs: ${timeoutMs}, memoryMb: 128, signal: new AbortController().signal },
      { progress() {}, log: (s, t) => { if (t.includes("started")) console.log("started"); } });`;
  const parent = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", program], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const pid = await new Promise<number>((resolve, reject) => {
    parent.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /pid (\d+)\n[\s\S]*started/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    parent.on("exit", () => reject(new Error(`the runner process ended early: ${out}`)));
  });
  parent.kill("SIGKILL");
  return pid;
}

async function waitGone(pid: number, withinMs: number): Promise<number> {
  const started = performance.now();
  while (!groupGone(pid)) {
    if (performance.now() - started > withinMs) assert.fail(`process group ${pid} still alive after ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return performance.now() - started;
}

let workRoot: string;
beforeEach(async () => (workRoot = await mkdtemp(join(tmpdir(), "fovea-orphan-"))));
// The dead runner could not remove its job directory; that is the embedding server's clean-up.
afterEach(() => rm(workRoot, { recursive: true, force: true }));

test("a waiting script whose runner died exits by itself", async () => {
  const pid = await orphan("await new Promise((r) => setTimeout(r, 60_000)); return {};", 60_000, workRoot);
  assert.ok(!groupGone(pid), "the script outlived its runner for a moment");
  await waitGone(pid, 5000);
});

test("a spinning script whose runner died is ended by its CPU-time limit", { skip: HAS_PRLIMIT ? false : "prlimit is not installed" }, async () => {
  const pid = await orphan("for (;;) {}", 1000, workRoot);
  await waitGone(pid, 15_000);
});
