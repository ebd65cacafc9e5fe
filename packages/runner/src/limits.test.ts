/**
 * The sandbox and the limits, on real child processes: wall-clock timeout, cancel, the memory cap
 * (JavaScript heap and Buffers), process-group kill, and the permission model's refusals.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { groupGone, newTestRunner, RecordingSink, type TestRunner } from "./testing.ts";

const SDK = `import { defineScript, p } from "@fovea/sdk";\n`;

/** A script that reports its pid, then spins without ever yielding (so it cannot react to SIGTERM). */
const SPIN = `${SDK}
export default defineScript({ name: "Spin", params: {}, run(ctx) { ctx.log("spinning"); for (;;) {} } });`;

describe("limits and sandbox", () => {
  let t: TestRunner;
  let outside: string;
  before(async () => {
    t = await newTestRunner();
    outside = await mkdtemp(join(tmpdir(), "fovea-outside-"));
    await writeFile(join(outside, "secret.txt"), "server secret");
  });
  after(async () => {
    assert.deepEqual(await t.leftovers(), [], "every job directory is removed");
    await t.close();
    await rm(outside, { recursive: true, force: true });
  });

  test("for(;;){} is timed_out at its limit and its whole process group is gone", async () => {
    const { end, pid, ms, sink } = await t.run(SPIN, { timeoutMs: 700 });
    assert.deepEqual(end, { status: "timed_out", error: "timed out after 0.7 s (wall-clock limit)" });
    assert.equal(sink.text("stdout"), "spinning\n");
    assert.ok(ms >= 700, `not before the limit (${ms} ms)`);
    assert.ok(groupGone(pid), "no process of the group is left");
  });

  test("cancel while running: cancelled within 1 s of the abort, no process left", async () => {
    const runnable = await t.prepare(SPIN);
    const controller = new AbortController();
    const sink = new RecordingSink();
    const log = sink.log.bind(sink);
    let abortedAt = 0;
    sink.log = (stream, text) => {
      log(stream, text);
      if (text.includes("spinning")) {
        abortedAt = performance.now();
        controller.abort();
      }
    };
    const end = await t.runner.run({
      language: "typescript", runnable, inputs: {}, jobId: 5, serverUrl: "http://127.0.0.1:9", token: "t", timeoutMs: 30_000,
      memoryMb: 256, signal: controller.signal,
    }, sink);
    const took = performance.now() - abortedAt;
    assert.deepEqual(end, { status: "cancelled", error: "cancelled" });
    assert.ok(abortedAt > 0 && took < 1000, `ended ${Math.round(took)} ms after the abort`);
    assert.ok(groupGone(t.pids.at(-1)!));
  });

  test("a cooperative script sees ctx.signal abort on cancel and can log its way out", async () => {
    const runnable = await t.prepare(`${SDK}
export default defineScript({ name: "Polite", params: {}, async run(ctx) {
  ctx.log("waiting");
  const keepAlive = setInterval(() => {}, 1000);
  await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve));
  clearInterval(keepAlive);
  ctx.log("stopping: " + String(ctx.signal.reason?.message));
  process.exit(0);
} });`);
    const controller = new AbortController();
    const sink = new RecordingSink();
    const log = sink.log.bind(sink);
    sink.log = (stream, text) => {
      log(stream, text);
      if (text.includes("waiting")) controller.abort();
    };
    const end = await t.runner.run({
      language: "typescript", runnable, inputs: {}, jobId: 6, serverUrl: "http://127.0.0.1:9", token: "t", timeoutMs: 30_000,
      memoryMb: 256, signal: controller.signal,
    }, sink);
    assert.equal(end.status, "cancelled");
    assert.equal(sink.text("stdout"), "waiting\nstopping: the job was cancelled\n");
  });

  test("an already aborted signal never starts the process", async () => {
    const controller = new AbortController();
    controller.abort();
    const before = t.pids.length;
    const { end } = await t.run(SPIN, { signal: controller.signal });
    assert.equal(end.status, "cancelled");
    assert.equal(t.pids.length, before);
  });

  test("a JavaScript heap that grows without end fails with the memory limit, the test process unaffected", async () => {
    const rssBefore = process.memoryUsage().rss;
    const { end, pid } = await t.run(`${SDK}
export default defineScript({ name: "Heap", params: {}, run() { const arr = []; for (;;) arr.push(new Array(1e6)); } });`, { memoryMb: 32 });
    // V8's own limit (--max-old-space-size=32) stops it before the resident cap (32 + 64 MB) does.
    assert.deepEqual(end, { status: "failed", error: "memory limit exceeded: the JavaScript heap reached the 32 MB limit", exitCode: null });
    assert.ok(groupGone(pid));
    assert.ok(process.memoryUsage().rss - rssBefore < 64 * 1024 * 1024, "the test process did not grow");
  });

  test("Buffers (outside the V8 heap) that grow without end fail with the memory limit too", async () => {
    const { end, pid } = await t.run(`${SDK}
export default defineScript({ name: "Buffers", params: {}, run() { const a = []; for (;;) a.push(Buffer.alloc(1 << 20, 1)); } });`, { memoryMb: 128 });
    assert.equal(end.status, "failed");
    assert.match((end as { error: string }).error, /^memory limit exceeded \(\d+ MB > 192 MB: the 128 MB limit plus 64 MB for the runtime\)$/);
    assert.ok(groupGone(pid));
  });

  test("writing or reading outside the job directory is refused; inside it works", async () => {
    const target = join(outside, "escaped.txt");
    const { end } = await t.run(`${SDK}
import { readFileSync, writeFileSync } from "node:fs";
const attempt = (f) => { try { f(); return "allowed"; } catch (e) { return e.code ?? e.message; } };
export default defineScript({ name: "Escape", params: {}, run: () => ({
  Write: attempt(() => writeFileSync(${JSON.stringify(target)}, "x")),
  Read: attempt(() => readFileSync(${JSON.stringify(join(outside, "secret.txt"))}, "utf8")),
  Etc: attempt(() => readFileSync("/etc/hostname", "utf8")),
  Inside: attempt(() => { writeFileSync("scratch.txt", "ok"); readFileSync("scratch.txt"); }),
  Tmp: attempt(() => writeFileSync(require("node:os").tmpdir() + "/t.txt", "ok")),
}) });`);
    assert.deepEqual(end, {
      status: "succeeded", exitCode: 0,
      outputs: { Write: "ERR_ACCESS_DENIED", Read: "ERR_ACCESS_DENIED", Etc: "ERR_ACCESS_DENIED", Inside: "allowed", Tmp: "allowed" },
    });
    assert.ok(!existsSync(target));
  });

  test("starting processes, worker threads or native addons is refused, so no grandchild can outlive the job", async () => {
    const { end } = await t.run(`${SDK}
import { execSync, spawn } from "node:child_process";
import { Worker } from "node:worker_threads";
const attempt = (f) => { try { f(); return "allowed"; } catch (e) { return e.code ?? e.message; } };
export default defineScript({ name: "Fork", params: {}, run: () => ({
  Spawn: attempt(() => spawn("sleep", ["30"], { detached: true })),
  Exec: attempt(() => execSync("sleep 30 &")),
  Worker: attempt(() => new Worker("for(;;){}", { eval: true })),
  Addon: attempt(() => process.dlopen({ exports: {} }, "/nonexistent.node")),
}) });`);
    assert.deepEqual(end, {
      status: "succeeded", exitCode: 0,
      outputs: { Spawn: "ERR_ACCESS_DENIED", Exec: "ERR_ACCESS_DENIED", Worker: "ERR_ACCESS_DENIED", Addon: "ERR_DLOPEN_DISABLED" },
    });
  });
});
