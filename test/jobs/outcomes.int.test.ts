/**
 * Acceptance (SPEC §5): each way a job can end, with real script processes under a real,
 * listening server. Success with progress over SSE and kept logs; a throw; an endless loop cut at
 * its declared timeout with its process group gone; memory without end (off-heap and on the JS
 * heap) failed for its limit while the server keeps answering; a cancel whose process is gone
 * within a second; a read of another group's private image refused inside the job; and a job token
 * that is dead once its job has ended. The cancel runs last and alone, so that its latency is
 * measured without other jobs' busy loops competing for the cores.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { assertError } from "../support/api-client.ts";
import {
  addScript, collectEvents, expectOk, getJob, groupExists, jobLog, killGroupQuietly, launch, processExists, startJobServer,
  waitForJob, waitForLog, type InProcessServer, type SseEvent, type TestUser,
} from "./harness.ts";

/** Prints what the test needs to check the process afterwards: its pid and its job token. */
const SAY_PID_AND_TOKEN = 'console.log(`pid ${process.pid}`); console.log(`token ${process.env.FOVEA_TOKEN}`);';

describe("job outcomes with real script processes", () => {
  let s: InProcessServer;
  let alice: TestUser;
  let bob: TestUser;
  let labA: { id: number };
  let labB: { id: number };
  const pids: number[] = [];

  before(async () => {
    s = await startJobServer({ workers: 4 });
    labA = await s.accounts.newGroup("lab-a", "read-annotate");
    labB = await s.accounts.newGroup("lab-b", "private");
    alice = await s.accounts.newUser("alice", { groups: [labA.id] });
    bob = await s.accounts.newUser("bob", { groups: [labB.id] });
  });

  after(async () => {
    for (const pid of pids) killGroupQuietly(pid); // only if a test failed half-way
    await s?.close();
  });

  /** The job's pid (from its first stdout line) and token; the pid is remembered for clean-up. */
  async function pidAndToken(jobId: number): Promise<{ pid: number; token: string }> {
    const m = await waitForLog(alice.api, jobId, /^pid (\d+)\ntoken (\S+)$/m);
    const pid = Number(m[1]);
    pids.push(pid);
    return { pid, token: m[2]! };
  }

  async function assertTokenDead(token: string, what: string): Promise<void> {
    const res = await s.anon.as(token).get("/session");
    assert.equal(res.status, 401, `${what}: the job token must be refused once the job has ended; got ${res.status} ${res.body}`);
  }

  // Independent endings run side by side (4 workers); the cancel is measured afterwards, alone.
  describe("how jobs end", { concurrency: true }, () => {
    test("a succeeding script: progress over SSE, outputs Message + Image ref, stdout kept", async () => {
      const image = await s.newImage("alice", labA.id, "cells-success.tif");
      const script = await addScript(s, s.root, "Progress_Report.ts", `
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export default defineScript({
  name: "Progress Report", folder: "util_scripts",
  params: {
    Data_Type: p.string({ values: ["Image"], default: "Image", grouping: "1" }),
    IDs: p.list(p.long(), { grouping: "2" }),
  },
  async run(ctx, inputs) {
    // Handshake: the test creates this dataset once its event stream is open, so that no
    // progress event can be sent before anyone listens.
    for (let i = 0; i < 600; i++) {
      const page = await ctx.client.datasets.list({ limit: 500 });
      if (page.items.some((d) => d.name === \`go-\${ctx.jobId}\`)) break;
      await sleep(50);
    }
    const images = await ctx.images.byIds(inputs.IDs);
    ctx.progress(0.25, "read the images");
    for (const img of images) ctx.log(\`---- Processing image \${img.id} \${img.name}\`);
    ctx.progress(0.75, "processed");
    return { Message: \`Returned \${images.length} images\`, Image: ctx.ref("Image", images[0]!.id) };
  },
});`);
      const job = await launch(alice.api, script.id, { IDs: [image.id] });
      assert.equal(job.status, "queued");
      assert.equal(job.scriptSha256, script.sha256);

      let signalled = false;
      const events = await collectEvents(alice.api, `/jobs/${job.id}/events`, async (e: SseEvent) => {
        if (e.event === "job" && !signalled) {
          signalled = true;
          expectOk(await alice.api.post("/datasets", { name: `go-${job.id}` }), 201, "create the go dataset");
        }
      });
      assert.equal(events[0]?.event, "job", "the stream starts with a snapshot");
      assert.equal(events[0]?.data.id, job.id);
      const progress = events.filter((e) => e.event === "progress").map((e) => [e.data.fraction, e.data.message]);
      assert.deepEqual(progress, [[0.25, "read the images"], [0.75, "processed"]], `progress events: ${JSON.stringify(events)}`);
      const logged = events.filter((e) => e.event === "log" && e.data.stream === "stdout").map((e) => e.data.text as string).join("");
      assert.match(logged, new RegExp(`---- Processing image ${image.id} cells-success\\.tif`), "log lines stream live");
      const last = events[events.length - 1]!;
      assert.deepEqual([last.event, last.data.status], ["status", "succeeded"], "the stream ends after the final status");

      const done = await getJob(alice.api, job.id);
      assert.equal(done.status, "succeeded");
      assert.deepEqual(done.outputs, { Message: "Returned 1 images", Image: { type: "Image", id: image.id } });
      assert.equal(done.exitCode, 0);
      assert.equal(done.error, null);
      assert.equal(done.progress.fraction, 1);
      assert.ok(done.startedAt && done.finishedAt, "start and end times are recorded");
      assert.deepEqual(done.inputs, { Data_Type: "Image", IDs: [image.id] }, "the validated inputs, defaults filled in");
      assert.match(await jobLog(alice.api, job.id, "stdout"), new RegExp(`^---- Processing image ${image.id} cells-success\\.tif$`, "m"), "stdout is kept after the end");
      assert.equal(await jobLog(alice.api, job.id, "stderr"), "");

      // The stream of a finished job replays its snapshot and kept log, gives the final status and ends.
      const replay = await collectEvents(alice.api, `/jobs/${job.id}/events`, () => {});
      assert.deepEqual(replay.map((e) => e.event), ["job", "log", "status"]);
      assert.equal(replay[2]!.data.status, "succeeded");

      // Another user does not see the job at all.
      for (const path of [`/jobs/${job.id}`, `/jobs/${job.id}/logs/stdout`, `/jobs/${job.id}/events`]) {
        assertError(await bob.api.get(path), 404, "NOT_FOUND");
      }
      assertError(await bob.api.post(`/jobs/${job.id}/cancel`), 404, "NOT_FOUND");
    });

    test("a script that throws: failed, with its stack trace in the stderr log", async () => {
      const script = await addScript(s, s.root, "Thrower.ts", `
function stepThree(): never {
  throw new Error("boom at step 3");
}
export default defineScript({
  name: "Thrower", params: {},
  run() {
    ${SAY_PID_AND_TOKEN}
    console.log("about to fail");
    stepThree();
  },
});`);
      const job = await launch(alice.api, script.id);
      const done = await waitForJob(alice.api, job.id);
      assert.equal(done.status, "failed");
      assert.match(done.error ?? "", /boom at step 3/);
      assert.notEqual(done.exitCode, 0);
      assert.deepEqual(done.outputs, {});
      const stderr = await jobLog(alice.api, job.id, "stderr");
      assert.match(stderr, /Error: boom at step 3\n\s+at stepThree /, `the stack trace is kept: ${stderr}`);
      assert.match(await jobLog(alice.api, job.id, "stdout"), /about to fail/);
      const { pid, token } = await pidAndToken(job.id);
      assert.equal(processExists(pid), false);
      await assertTokenDead(token, "failed job");
    });

    test("an endless loop: timed_out at its declared timeoutSeconds, process group gone", async (t) => {
      const script = await addScript(s, s.root, "Forever.ts", `
export default defineScript({
  name: "Forever", params: {}, timeoutSeconds: 2,
  run() {
    ${SAY_PID_AND_TOKEN}
    for (;;) { /* spin */ }
  },
});`);
      assert.equal(script.timeoutSeconds, 2);
      const job = await launch(alice.api, script.id);
      const { pid, token } = await pidAndToken(job.id);
      assert.equal(processExists(pid), true, "the loop is running");
      assert.match(readFileSync(`/proc/${pid}/cmdline`, "utf8"), /script\.mjs/, "the pid is the script's process");
      const done = await waitForJob(alice.api, job.id, { timeoutMs: 30_000 });
      assert.equal(done.status, "timed_out");
      assert.match(done.error ?? "", /timed out after 2 s/);
      assert.equal(processExists(pid), false, `process ${pid} is gone`);
      assert.equal(groupExists(pid), false, `process group ${pid} is gone`);
      assert.equal(existsSync(`/proc/${pid}`), false, `/proc/${pid} is gone`);
      t.diagnostic(`ran ${Date.parse(done.finishedAt!) - Date.parse(done.startedAt!)} ms for a 2 s limit`);
      await assertTokenDead(token, "timed-out job");
    });

    for (const variant of [
      { kind: "off-heap Buffers (RSS watch)", file: "Hog_Buffers.ts", body: "const keep: Buffer[] = []; for (;;) { keep.push(Buffer.alloc(16 * 1024 * 1024, 1)); await new Promise((r) => setImmediate(r)); }" },
      { kind: "the JavaScript heap", file: "Hog_Heap.ts", body: "const keep: number[][] = []; for (;;) { keep.push(Array.from({ length: 100_000 }, (_, i) => i + Math.random())); if (keep.length % 10 === 0) await new Promise((r) => setImmediate(r)); }" },
    ]) {
      test(`memory without end (${variant.kind}): failed for the 128 MB limit, the server keeps answering`, async (t) => {
        const script = await addScript(s, s.root, variant.file, `
export default defineScript({
  name: "Hog", params: {}, memoryMb: 128,
  async run() {
    ${SAY_PID_AND_TOKEN}
    ${variant.body}
  },
});`);
        const job = await launch(alice.api, script.id);
        let healthChecks = 0;
        for (;;) {
          const health = await s.anon.get("/health");
          assert.equal(health.status, 200, `the server answers /health while a job eats memory: ${health.body}`);
          healthChecks++;
          const { status } = await getJob(alice.api, job.id);
          if (status !== "queued" && status !== "running") break;
          await sleep(20);
        }
        assert.ok(healthChecks > 1, "health was checked while the job ran");
        const done = await getJob(alice.api, job.id);
        assert.equal(done.status, "failed");
        assert.match(done.error ?? "", /memory limit/i, `the reason names the memory limit: ${done.error}`);
        assert.match(done.error ?? "", /128 MB/);
        t.diagnostic(`error: ${done.error}`);
        const { pid, token } = await pidAndToken(job.id);
        assert.equal(groupExists(pid), false, "the process group is gone");
        assert.equal((await s.anon.get("/health")).status, 200);
        await assertTokenDead(token, "job over its memory limit");
      });
    }

    test("reading another user's private-group image through ctx.client: refused in the job, logged, no data", async () => {
      const secret = await s.newImage(bob.username, labB.id, `secret-${Date.now()}.tif`);
      const script = await addScript(s, s.root, "Peek.ts", `
export default defineScript({
  name: "Peek", params: { Target_Id: p.long() },
  async run(ctx, { Target_Id }) {
    let got: unknown = null;
    try {
      got = await ctx.client.images.get(Target_Id);
      ctx.log(\`read Image:\${Target_Id}: got data\`);
    } catch (err) {
      const e = err as { status?: number; code?: string };
      ctx.log(\`read Image:\${Target_Id} refused: \${e.status} \${e.code}\`);
    }
    const viaHelper = await ctx.images.byIds([Target_Id]);
    return { Message: got === null ? "no access" : "got it", Got_Data: got !== null || viaHelper.length > 0, Leak: got === null ? "" : JSON.stringify(got) };
  },
});`);
      const job = await launch(alice.api, script.id, { Target_Id: secret.id });
      const done = await waitForJob(alice.api, job.id);
      assert.equal(done.status, "succeeded", `the script chose not to fail: ${done.error}`);
      const stdout = await jobLog(alice.api, job.id, "stdout");
      assert.match(stdout, new RegExp(`^read Image:${secret.id} refused: (404 NOT_FOUND|403 FORBIDDEN)$`, "m"), stdout);
      assert.match(stdout, new RegExp(`^Image ${secret.id} not found or not visible: skipped$`, "m"));
      assert.deepEqual(done.outputs, { Message: "no access", Got_Data: false, Leak: "" });
      const everything = stdout + (await jobLog(alice.api, job.id, "stderr")) + JSON.stringify(done);
      assert.ok(!everything.includes(secret.name), "nothing of the private image reached the job");
    });

    test("a job's token: the launching user in the launching group while it runs, refused once it ended; scrubbed env", async () => {
      const script = await addScript(s, s.root, "Token_Keeper.ts", `
export default defineScript({
  name: "Token Keeper", params: {},
  async run(ctx) {
    const me = await ctx.client.session.get();
    return { Token: process.env.FOVEA_TOKEN ?? "", User: me.user.username, Group: me.groupId ?? 0, Env: Object.keys(process.env).sort().join(",") };
  },
});`);
      const job = await launch(alice.api, script.id);
      const done = await waitForJob(alice.api, job.id);
      assert.equal(done.status, "succeeded", String(done.error));
      const out = done.outputs as { Token: string; User: string; Group: number; Env: string };
      assert.equal(out.User, "alice");
      assert.equal(out.Group, labA.id);
      assert.ok(out.Token.length >= 20, "the job had a token");
      assert.notEqual(out.Token, alice.token, "a token of its own, not the user's session");
      const res = await s.anon.as(out.Token).get("/session");
      assert.equal(res.status, 401, `a job token is valid only while the job runs: ${res.status} ${res.body}`);
      assert.equal(res.json.error.code, "UNAUTHENTICATED");
      const allowed = new Set(["PATH", "LANG", "HOME", "TMPDIR", "TZ", "FOVEA_MODE", "FOVEA_SERVER_URL", "FOVEA_TOKEN", "FOVEA_JOB_ID", "FOVEA_INPUTS_FILE"]);
      const leaked = out.Env.split(",").filter((k) => !allowed.has(k));
      assert.deepEqual(leaked, [], "the environment is scrubbed");
      assert.equal((await s.anon.as(alice.token).get("/session")).status, 200, "the user's own session is untouched");
    });
  });

  describe("cancel", () => {
    test("cancel while running: cancelled, and the process is gone within 1 s", async (t) => {
      const script = await addScript(s, s.root, "Ignores_Cancel.ts", `
export default defineScript({
  name: "Ignores Cancel", params: {}, timeoutSeconds: 120,
  run() {
    ${SAY_PID_AND_TOKEN}
    for (;;) { /* never looks at ctx.signal: only SIGKILL stops it */ }
  },
});`);
      const job = await launch(alice.api, script.id);
      const { pid, token } = await pidAndToken(job.id);
      assert.equal((await getJob(alice.api, job.id)).status, "running");
      assert.equal((await s.anon.as(token).get("/session")).status, 200, "the job token works while the job runs");

      const started = performance.now();
      const res = await alice.api.post(`/jobs/${job.id}/cancel`);
      assert.equal(res.status, 200, res.body);
      assert.equal(res.json.status, "cancelled");
      while (processExists(pid) && performance.now() - started < 10_000) await sleep(5);
      const ms = performance.now() - started;
      t.diagnostic(`cancel → process ${pid} gone in ${ms.toFixed(0)} ms`);
      assert.equal(processExists(pid), false, "the process is gone");
      assert.ok(ms <= 1500, `SPEC §5: a cancelled job's process is gone within 1 s (1.5 s tolerance); it took ${ms.toFixed(0)} ms`);
      assert.equal(groupExists(pid), false);

      // The runner's own end (killed) must not overwrite the user's cancel.
      await sleep(200);
      const done = await getJob(alice.api, job.id);
      assert.equal(done.status, "cancelled");
      assert.match(done.error ?? "", /cancel/);
      assert.ok(done.finishedAt);
      const again = await alice.api.post(`/jobs/${job.id}/cancel`);
      assert.equal(again.status, 409, again.body);
      assert.equal(again.json.error.code, "JOB_FINISHED");
      await assertTokenDead(token, "cancelled job");
    });

    test("cancel while queued: the job never starts", async () => {
      // A server of one worker, held by a job that waits for a signal.
      const one = await startJobServer({ workers: 1 });
      try {
        const blocker = await addScript(one, one.root, "Blocker.ts", `
export default defineScript({ name: "Blocker", params: {}, async run(ctx) {
  for (let i = 0; i < 600; i++) {
    if ((await ctx.client.datasets.list({ limit: 500 })).items.some((d) => d.name === "release")) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { Message: "released" };
} });`);
        const marker = await addScript(one, one.root, "Marker.ts", `
export default defineScript({ name: "Marker", params: {}, run() { console.log("started"); return { Message: "ran" }; } });`);
        const held = await launch(one.root, blocker.id);
        await waitForJob(one.root, held.id, { until: (j) => j.status === "running" });
        const queued = await launch(one.root, marker.id);
        const res = await one.root.post(`/jobs/${queued.id}/cancel`);
        assert.equal(res.status, 200, res.body);
        assert.equal(res.json.status, "cancelled");
        expectOk(await one.root.post("/datasets", { name: "release" }), 201, "release the blocker");
        assert.equal((await waitForJob(one.root, held.id)).status, "succeeded");
        // The worker is free again: a later job runs, and the cancelled one still has not.
        const later = await waitForJob(one.root, (await launch(one.root, marker.id)).id);
        assert.equal(later.status, "succeeded");
        const cancelled = await getJob(one.root, queued.id);
        assert.equal(cancelled.status, "cancelled");
        assert.equal(cancelled.startedAt, null, "it never started");
        assert.equal(await jobLog(one.root, queued.id, "stdout"), "");
      } finally {
        await one.close();
      }
    });
  });
});
