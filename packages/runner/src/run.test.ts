import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { groupGone, newTestRunner, RecordingSink, type TestRunner } from "./testing.ts";

const SDK = `import { defineScript, p } from "@fovea/sdk";\n`;

describe("run mode", () => {
  let t: TestRunner;
  before(async () => (t = await newTestRunner()));
  after(async () => {
    assert.deepEqual(await t.leftovers(), [], "every job directory is removed");
    await t.close();
  });

  test("a script that succeeds: outputs come back, progress and log lines stream in order", async () => {
    const { end, sink, pid } = await t.run(`${SDK}
export default defineScript({
  name: "Steps",
  params: { IDs: p.list(p.long()), Prefix: p.string({ default: "step" }), Image: p.object(["Image"]) },
  async run(ctx, inputs) {
    for (let i = 0; i < inputs.IDs.length; i++) {
      ctx.log(\`\${inputs.Prefix} \${inputs.IDs[i]}\`);
      ctx.progress((i + 1) / inputs.IDs.length, \`done \${i + 1}\`);
      await new Promise((r) => setTimeout(r, 5));
    }
    console.error("a warning");
    return { Message: "Returned 3 images", Count: inputs.IDs.length, Ok: true, Image: inputs.Image, Link: { kind: "url", href: "https://fovea.example/x", title: "More" }, Skipped: undefined };
  },
});`, { inputs: { IDs: [11, 12, 13], Image: { type: "Image", id: 5 } }, jobId: 42 });
    assert.deepEqual(end, {
      status: "succeeded", exitCode: 0,
      outputs: { Message: "Returned 3 images", Count: 3, Ok: true, Image: { type: "Image", id: 5 }, Link: { kind: "url", href: "https://fovea.example/x", title: "More" } },
    });
    assert.equal(sink.text("stdout"), "step 11\nstep 12\nstep 13\n");
    assert.equal(sink.text("stderr"), "a warning\n");
    assert.deepEqual(sink.progressEvents(), [
      { fraction: 1 / 3, message: "done 1" }, { fraction: 2 / 3, message: "done 2" }, { fraction: 1, message: "done 3" },
    ]);
    assert.ok(groupGone(pid));
  });

  test("log lines reach the sink while the script runs, not only when it ends", async () => {
    // The script waits for a file that the test writes only after the sink has seen "first":
    // without streaming it would give up after 10 s and report Streamed: false.
    const runnable = await t.prepare(`${SDK}
import { existsSync } from "node:fs";
export default defineScript({ name: "Slow", params: {}, async run(ctx) {
  ctx.log("first");
  for (let i = 0; i < 1000 && !existsSync("go"); i++) await new Promise((r) => setTimeout(r, 10));
  return { Streamed: existsSync("go") };
} });`);
    const sink = new RecordingSink();
    const log = sink.log.bind(sink);
    sink.log = (stream, text) => {
      log(stream, text);
      if (text === "first\n") void readdir(t.workRoot).then((dirs) => writeFile(join(t.workRoot, dirs[0]!, "go"), ""));
    };
    const end = await t.runner.run({
      language: "typescript", runnable, inputs: {}, jobId: 3, serverUrl: "http://127.0.0.1:9", token: "t", timeoutMs: 20_000,
      memoryMb: 256, signal: new AbortController().signal,
    }, sink);
    assert.deepEqual(end, { status: "succeeded", outputs: { Streamed: true }, exitCode: 0 });
  });

  test("run() may use what the module declares below defineScript (it starts after the module is evaluated)", async () => {
    const { end, sink } = await t.run(`${SDK}
export default defineScript({ name: "Later", params: {}, run(ctx) { ctx.progress(2, "clamped"); ctx.progress(-1); return { Total: sum([1, 2, 3]) }; } });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);`);
    assert.deepEqual(end, { status: "succeeded", outputs: { Total: 6 }, exitCode: 0 });
    assert.deepEqual(sink.progressEvents(), [{ fraction: 1, message: "clamped" }, { fraction: 0, message: "" }]);
  });

  test("a script that throws: failed with its message, the stack trace in stderr", async () => {
    const { end, sink } = await t.run(`${SDK}
function deep() { throw new RangeError("the ROI is outside the image"); }
export default defineScript({ name: "Boom", params: {}, async run(ctx) { ctx.log("before"); deep(); } });`);
    assert.deepEqual(end, { status: "failed", error: "the ROI is outside the image", exitCode: 1 });
    assert.equal(sink.text("stdout"), "before\n");
    // Mapped through the bundle's source map: the author's file and line, not the bundle's.
    assert.match(sink.text("stderr"), /RangeError: the ROI is outside the image\n\s+at deep \(fovea-script:script\.ts:3:\d+\)/);
  });

  test("an unhandled rejection after run() started fails the job the same way", async () => {
    const { end, sink } = await t.run(`${SDK}
export default defineScript({ name: "Floating", params: {}, async run() {
  Promise.reject(new Error("forgotten promise"));
  await new Promise((r) => setTimeout(r, 1000));
  return {};
} });`);
    assert.deepEqual(end, { status: "failed", error: "forgotten promise", exitCode: 1 });
    assert.match(sink.text("stderr"), /Error: forgotten promise/);
  });

  test("a non-zero exit without a message: failed with the exit code and the last stderr line", async () => {
    const { end } = await t.run(`${SDK}
export default defineScript({ name: "Exit", params: {}, run() { console.error("giving up"); process.exit(3); } });`);
    assert.deepEqual(end, { status: "failed", error: "the script exited with code 3: giving up", exitCode: 3 });
  });

  test("exit 0 without outputs (no SDK) is a failure that says why", async () => {
    const { end } = await t.run(`console.log("just a program");`);
    assert.equal(end.status, "failed");
    assert.match((end as { error: string }).error, /without reporting outputs/);
  });

  test("a run() that waits forever on nothing fails with a reason, not a silent exit", async () => {
    const { end } = await t.run(`${SDK}
export default defineScript({ name: "Stuck", params: {}, run: () => new Promise(() => {}) });`);
    assert.equal(end.status, "failed");
    assert.match((end as { error: string }).error, /run\(\) never finished/);
  });

  test("outputs that are not allowed kinds fail the job naming them", async () => {
    const { end } = await t.run(`${SDK}
export default defineScript({ name: "Bad", params: {}, run: () => ({ When: new Date() as never, Ok: "fine" }) });`);
    assert.equal(end.status, "failed");
    assert.match((end as { error: string }).error, /invalid output When/);
  });

  test("inputs are validated again in the script (defaults filled, bad ones refused)", async () => {
    const { end } = await t.run(`${SDK}
export default defineScript({ name: "In", params: { N: p.int({ min: 1 }) }, run: (ctx, { N }) => ({ N }) });`, { inputs: { N: 0 } });
    assert.deepEqual(end, { status: "failed", error: "invalid inputs: N must be ≥ 1, not 0", exitCode: 1 });
  });

  test("UTF-8 split across chunk boundaries is decoded whole", async () => {
    // Written byte by byte, each in its own write (pipes are synchronous on Linux: each is a chunk).
    const { end, sink } = await t.run(`${SDK}
export default defineScript({ name: "Utf8", params: {}, async run() {
  const bytes = Buffer.from("µm → 🔬 ok\\n", "utf8");
  for (const b of bytes) { process.stdout.write(Buffer.from([b])); await new Promise((r) => setTimeout(r, 1)); }
  return {};
} });`);
    assert.equal(end.status, "succeeded");
    assert.equal(sink.text("stdout"), "µm → 🔬 ok\n");
    assert.ok(!sink.text("stdout").includes("\uFFFD"));
  });

  test("run mode gets the job's variables and nothing else", async () => {
    process.env.FOVEA_DATABASE_URL = "postgres://secret";
    try {
      const { end } = await t.run(`${SDK}
import { readFileSync } from "node:fs";
export default defineScript({ name: "Env", params: {}, run: () => ({
  Env: JSON.stringify(process.env), Cwd: process.cwd(), Inputs: readFileSync(process.env.FOVEA_INPUTS_FILE!, "utf8"),
}) });`, { jobId: 77, token: "job-token-77", serverUrl: "http://127.0.0.1:4080" });
      assert.equal(end.status, "succeeded");
      const outputs = (end as { outputs: Record<string, string> }).outputs;
      const env = JSON.parse(outputs.Env!) as Record<string, string>;
      assert.deepEqual(Object.keys(env).sort(), [
        "FOVEA_INPUTS_FILE", "FOVEA_JOB_ID", "FOVEA_MODE", "FOVEA_SERVER_URL", "FOVEA_TOKEN", "HOME", "LANG", "PATH", "TMPDIR", "TZ",
      ]);
      assert.equal(env.FOVEA_MODE, "run");
      assert.equal(env.FOVEA_TOKEN, "job-token-77");
      assert.equal(env.FOVEA_JOB_ID, "77");
      assert.equal(env.FOVEA_SERVER_URL, "http://127.0.0.1:4080");
      assert.equal(env.FOVEA_INPUTS_FILE, `${outputs.Cwd}/inputs.json`);
      assert.equal(outputs.Inputs, "{}");
    } finally {
      delete process.env.FOVEA_DATABASE_URL;
    }
  });

  test("garbage on the protocol pipe kills the script and fails the job", async () => {
    const { end, pid } = await t.run(`import { writeSync } from "node:fs";\nwriteSync(3, "hello runner\\n");\nsetTimeout(() => {}, 10_000);`);
    assert.equal(end.status, "failed");
    assert.match((end as { error: string }).error, /broke the runner protocol: not JSON: hello runner/);
    assert.ok(groupGone(pid));
  });

  test("stdout past maxLogBytes is cut with a notice; the job itself is unaffected", async () => {
    const small = await newTestRunner({ maxLogBytes: 1000 });
    try {
      const { end, sink } = await small.run(`${SDK}
export default defineScript({ name: "Loud", params: {}, run(ctx) { for (let i = 0; i < 100; i++) ctx.log("x".repeat(99)); return { Done: true }; } });`);
      assert.deepEqual(end, { status: "succeeded", outputs: { Done: true }, exitCode: 0 });
      const out = sink.text("stdout");
      assert.ok(out.startsWith("x".repeat(99)));
      assert.match(out, /\n\[fovea\] stdout truncated: the script wrote more than 1000 bytes\n$/);
      assert.ok(out.length < 1200, `${out.length} characters forwarded`);
    } finally {
      await small.close();
    }
  });

  test("a sink that throws makes run() reject after the process is gone, never an uncaught exception", async () => {
    const runnable = await t.prepare(`${SDK}
export default defineScript({ name: "Chatty", params: {}, run(ctx) { ctx.log("one"); return {}; } });`);
    const pidsBefore = t.pids.length;
    await assert.rejects(t.runner.run({
      language: "typescript", runnable, inputs: {}, jobId: 9, serverUrl: "http://127.0.0.1:9", token: "t", timeoutMs: 5000,
      memoryMb: 256, signal: new AbortController().signal,
    }, { progress() {}, log() { throw new Error("disk full"); } }), (err: Error) => {
      assert.match(err.message, /run sink failed while job 9 ran/);
      assert.equal((err.cause as Error).message, "disk full");
      return true;
    });
    assert.ok(groupGone(t.pids[pidsBefore]!));
  });
});
