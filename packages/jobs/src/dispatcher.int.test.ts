/**
 * The Dispatcher against the real SQL queue on SQLite, with `execute` and `recover` functions
 * that do what the job service does (move the job through its statuses) and record what ran.
 * Time-dependent behaviour (lease expiry) runs on a clock the test moves; everything else waits
 * for a condition with a generous deadline, never for a duration.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import type { Clock, Repositories } from "@fovea/core";
import { createRepositories, openDatabase, SqlJobQueue, type DatabaseHandle } from "@fovea/db";
import { dispatchAbortReason, type DispatchAbortReason } from "./dispatch-abort.ts";
import { Dispatcher } from "./dispatcher.ts";
import type { DispatcherOptions } from "./dispatcher-options.ts";

class ManualClock implements Clock {
  #ms = Date.parse("2025-01-01T00:00:00.000Z");
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

async function eventually(what: string, probe: () => boolean | Promise<boolean>, deadlineMs = 20_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await probe())) {
    if (Date.now() > end) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const tick = (ms = 1) => new Promise((r) => setTimeout(r, ms));

describe("Dispatcher (SQL queue on SQLite)", () => {
  let dir: string;
  let handle: DatabaseHandle;
  let repos: Repositories;
  let clock: ManualClock;
  let queue: SqlJobQueue;
  let owner: { ownerId: number; groupId: number };
  let errors: unknown[];
  const dispatchers: Dispatcher[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "fovea-dispatcher-"));
    handle = openDatabase({ url: `sqlite:${join(dir, "fovea.db")}` });
    await handle.migrate();
    clock = new ManualClock();
    repos = createRepositories(handle.db, { clock });
    queue = new SqlJobQueue({ db: handle.db, dialect: "sqlite", clock });
    const user = await repos.users.insert({ username: "u", fullName: "", email: "", passwordHash: "", isAdmin: false, privileges: [] });
    const group = await repos.groups.insert({ name: "g", description: "", permissions: "private" });
    owner = { ownerId: user.id, groupId: group.id };
    errors = [];
  });

  afterEach(async () => {
    await Promise.all(dispatchers.splice(0).map((d) => d.stop({ graceful: false })));
    await handle.close();
    await rm(dir, { recursive: true, force: true });
    // Failed assertions inside execute/recover reach the test through onError.
    assert.deepEqual(errors, [], "errors reported to onError");
  });

  const insertJobs = async (n: number) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await repos.jobs.insert({ scriptId: 1, scriptName: "s", scriptSha256: "0", ...owner, inputs: { i } })).id);
    }
    return ids;
  };
  const status = async (id: number) => (await repos.jobs.findById(id))?.status;

  /** A dispatcher whose recover must not be called unless the test passes one. */
  const dispatcher = (o: Partial<DispatcherOptions> & Pick<DispatcherOptions, "execute">) => {
    const d = new Dispatcher({
      queue, concurrency: 1, workerId: "w1", clock, heartbeatMs: 20, leaseMs: 60_000, pollMs: 20, recoverMs: 20,
      recover: async (id) => { assert.fail(`unexpected recover(${id})`); },
      onError: (err) => errors.push(err),
      ...o,
    });
    dispatchers.push(d);
    return d;
  };

  /** Starts a claimed job as the job service does; false when it was cancelled first. */
  const begin = async (id: number) => (await repos.jobs.transition(id, ["queued"], "running", { startedAt: clock.now().toISOString(), attempts: 1 })) !== undefined;

  /** Resolves with why the Dispatcher aborted `signal`. */
  const aborted = (signal: AbortSignal) => new Promise<DispatchAbortReason | undefined>((resolve) => {
    if (signal.aborted) resolve(dispatchAbortReason(signal));
    else signal.addEventListener("abort", () => resolve(dispatchAbortReason(signal)), { once: true });
  });

  it("runs 100 jobs, 4 at a time, each exactly once", async () => {
    const ids = await insertJobs(100);
    const runs: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const d = dispatcher({
      concurrency: 4,
      execute: async (id) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        runs.push(id);
        assert.ok(await begin(id));
        await tick(Math.floor(Math.random() * 3));
        await repos.jobs.transition(id, ["running"], "succeeded", { exitCode: 0 });
        running--;
      },
    });
    await d.start();
    await eventually("every job succeeded", async () => (await repos.jobs.list({ status: "succeeded" }, { limit: 1, offset: 0 })).total === 100);
    assert.deepEqual([...runs].sort((a, b) => a - b), ids, "each job ran exactly once");
    assert.ok(maxRunning <= 4, `at most 4 at once, saw ${maxRunning}`);
    assert.ok(maxRunning > 1, "jobs ran in parallel");
  });

  it("starts a job on wake() without waiting for the poll", async () => {
    const ran: number[] = [];
    const d = dispatcher({ pollMs: 600_000, execute: async (id) => { ran.push(id); await begin(id); } });
    await d.start();
    const [id] = await insertJobs(1);
    d.wake();
    await eventually("the job ran", () => ran.length === 1);
    assert.deepEqual(ran, [id]);
  });

  it("aborts an execution when its heartbeat is refused (cancelled from another process)", async () => {
    const [id] = await insertJobs(1);
    let reason: DispatchAbortReason | undefined;
    const d = dispatcher({
      execute: async (jobId, signal) => {
        await begin(jobId);
        reason = await aborted(signal);
      },
    });
    await d.start();
    await eventually("the job runs", async () => (await status(id!)) === "running");
    assert.ok(await repos.jobs.transition(id!, ["running"], "cancelled", { error: "cancelled" }));
    await eventually("the execution was aborted", () => reason !== undefined);
    assert.equal(reason, "lease-lost");
    await eventually("the slot is free", () => d.running === 0);
  });

  it("stop({ graceful: false }) aborts running executions and waits for them; no new job starts", async () => {
    await insertJobs(2);
    const reasons: (DispatchAbortReason | undefined)[] = [];
    const d = dispatcher({
      concurrency: 2,
      execute: async (id, signal) => {
        await begin(id);
        reasons.push(await aborted(signal));
        await tick(5);
        await repos.jobs.transition(id, ["running"], "failed", { error: "worker lost" });
      },
    });
    await d.start();
    await eventually("both jobs run", () => d.running === 2);
    await d.stop({ graceful: false });
    assert.deepEqual(reasons, ["stopping", "stopping"]);
    assert.equal(d.running, 0, "stop() resolved only after the executions returned");
    const [late] = await insertJobs(1);
    d.wake();
    await tick(50);
    assert.equal(await status(late!), "queued");
  });

  it("stop({ graceful: true }) lets running executions finish", async () => {
    const [id] = await insertJobs(1);
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let signalAborted = false;
    const d = dispatcher({
      execute: async (jobId, signal) => {
        await begin(jobId);
        await gate;
        signalAborted = signal.aborted;
        await repos.jobs.transition(jobId, ["running"], "succeeded", { exitCode: 0 });
      },
    });
    await d.start();
    await eventually("the job runs", () => d.running === 1);
    let stopped = false;
    const stopping = d.stop({ graceful: true }).then(() => { stopped = true; });
    await tick(50);
    assert.equal(stopped, false, "stop() waits for the running execution");
    release();
    await stopping;
    assert.equal(signalAborted, false);
    assert.equal(await status(id!), "succeeded");
  });

  it("recovers jobs whose dispatcher died: at start, and when a lease runs out later", async () => {
    const [early, late] = await insertJobs(2);
    // A dispatcher that died: it claimed and started both, then never heartbeat again.
    assert.equal(await queue.claim("dead", 1_000), early);
    assert.equal(await queue.claim("dead", 5_000), late);
    await begin(early!);
    await begin(late!);
    clock.advance(2_000);
    const recovered: number[] = [];
    const d = dispatcher({
      execute: async () => { assert.fail("a running job must not be executed again"); },
      recover: async (id) => {
        recovered.push(id);
        await repos.jobs.transition(id, ["running"], "failed", { error: "worker lost", workerId: null, leaseUntil: null });
      },
    });
    await d.start();
    assert.deepEqual(recovered, [early], "start() recovers what already expired before resolving");
    clock.advance(5_000);
    await eventually("the late job is recovered", () => recovered.length === 2);
    assert.deepEqual(recovered, [early, late]);
    assert.deepEqual([await status(early!), await status(late!)], ["failed", "failed"]);
    assert.deepEqual(await queue.expired(clock.now()), []);
  });

  it("runs a recovered job again when recover requeues it (a re-runnable script)", async () => {
    const [id] = await insertJobs(1);
    await queue.claim("dead", 1_000);
    await begin(id!);
    clock.advance(2_000);
    const ran: number[] = [];
    const d = dispatcher({
      execute: async (jobId) => {
        ran.push(jobId);
        await begin(jobId);
        await repos.jobs.transition(jobId, ["running"], "succeeded", { exitCode: 0 });
      },
      recover: async (jobId) => {
        await repos.jobs.transition(jobId, ["running"], "queued", { workerId: null, leaseUntil: null });
      },
    });
    await d.start();
    await eventually("the requeued job ran", async () => (await status(id!)) === "succeeded");
    assert.deepEqual(ran, [id]);
  });

  it("reports a throwing execute to onError and keeps going", async () => {
    const [bad, good] = await insertJobs(2);
    const d = dispatcher({
      execute: async (id) => {
        if (id === bad) throw new Error("boom");
        await begin(id);
      },
    });
    await d.start();
    await eventually("the next job ran", async () => (await status(good!)) === "running");
    assert.deepEqual(errors.map((e) => (e as Error).message), ["boom"]);
    errors.length = 0;
  });

  it("refuses options that could not work", () => {
    const base = { queue, execute: async () => {}, recover: async () => {}, workerId: "w", onError: () => {} };
    assert.throws(() => new Dispatcher({ ...base, concurrency: 0 }), /concurrency must be a whole number/);
    assert.throws(() => new Dispatcher({ ...base, concurrency: 1, leaseMs: 1_000, heartbeatMs: 1_000 }), /heartbeatMs \(1000\) must be below leaseMs/);
    assert.throws(() => new Dispatcher({ ...base, concurrency: 1, workerId: "" }), /workerId/);
  });
});
