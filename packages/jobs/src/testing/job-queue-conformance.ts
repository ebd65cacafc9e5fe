/**
 * The JobQueue conformance suite: one set of behaviours every queue adapter must show (the SQL
 * queue on SQLite and PostgreSQL now, BullMQ later), as bullmq tests its backends and Kysely its
 * dialects. Leases run on the adapter's real clock: tests that need one to run out take a short
 * lease and poll until the queue reports it, so nothing depends on how fast the machine is.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it, test } from "node:test";
import type { JobStatus } from "@fovea/model";
import type { JobQueue } from "@fovea/core";

/** A fresh queue with a way to make jobs and to change their status behind the queue's back. */
export interface JobQueueHarness {
  readonly queue: JobQueue;
  /** Creates a queued job (as a launch would) and returns its id. */
  insertQueuedJob(): Promise<number>;
  /** Sets a job's status directly, as the job service would (cancel, start, finish). */
  setStatus(jobId: number, status: JobStatus): Promise<void>;
  cleanup(): Promise<void>;
}

export interface ConformanceOptions {
  /** Registers one skipped test with this reason instead (e.g. the database is not configured). */
  readonly skip?: string | undefined;
}

/** Long enough never to run out during a test. */
const LONG = 10 * 60_000;
/** Short enough to wait for. */
const SHORT = 30;

/** Polls `probe` until it returns true; fails after a generous deadline (not a timing assertion). */
async function eventually(what: string, probe: () => Promise<boolean>, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await probe())) {
    if (Date.now() > end) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Registers the suite as `describe(name)`; each test gets a fresh harness. */
export function runJobQueueConformance(name: string, makeQueue: () => Promise<JobQueueHarness>, options: ConformanceOptions = {}): void {
  if (options.skip !== undefined) {
    test(`JobQueue conformance: ${name}`, { skip: options.skip }, () => {});
    return;
  }
  describe(`JobQueue conformance: ${name}`, () => {
    let h: JobQueueHarness;
    beforeEach(async () => { h = await makeQueue(); });
    afterEach(async () => { await h.cleanup(); });

    const jobs = async (n: number) => {
      const ids: number[] = [];
      for (let i = 0; i < n; i++) ids.push(await h.insertQueuedJob());
      return ids;
    };
    const expiresSoon = async (jobId: number) => {
      await eventually(`job ${jobId}'s lease is reported expired`, async () => (await h.queue.expired(new Date())).includes(jobId));
    };

    it("claims the oldest available job first, and nothing when the queue is empty", async () => {
      const [a, b, c] = await jobs(3);
      for (const id of [a, b, c]) await h.queue.enqueue(id!);
      assert.deepEqual([await h.queue.claim("w1", LONG), await h.queue.claim("w2", LONG), await h.queue.claim("w1", LONG)], [a, b, c]);
      assert.equal(await h.queue.claim("w1", LONG), undefined);
    });

    it("hands every job to exactly one of several concurrent claimers", async () => {
      const ids = await jobs(100);
      const claimedBy = new Map<number, string[]>();
      const claimLoop = async (worker: string) => {
        for (let id = await h.queue.claim(worker, LONG); id !== undefined; id = await h.queue.claim(worker, LONG)) {
          claimedBy.set(id, [...(claimedBy.get(id) ?? []), worker]);
        }
      };
      await Promise.all(["w1", "w2", "w3", "w4"].map(claimLoop));
      assert.deepEqual([...claimedBy.keys()].sort((x, y) => x - y), ids);
      const twice = [...claimedBy].filter(([, by]) => by.length > 1);
      assert.deepEqual(twice, [], "jobs claimed more than once");
    });

    it("does not claim a job that is no longer queued", async () => {
      const [cancelled, running, waiting] = await jobs(3);
      await h.setStatus(cancelled!, "cancelled");
      await h.setStatus(running!, "running");
      assert.equal(await h.queue.claim("w1", LONG), waiting);
      assert.equal(await h.queue.claim("w1", LONG), undefined);
    });

    it("renews a lease only for the worker that holds it", async () => {
      const [held, unclaimed] = await jobs(2);
      assert.equal(await h.queue.claim("w1", LONG), held);
      assert.equal(await h.queue.heartbeat(held!, "w1", LONG), true);
      await h.setStatus(held!, "running");
      assert.equal(await h.queue.heartbeat(held!, "w1", LONG), true);
      assert.equal(await h.queue.heartbeat(held!, "w2", LONG), false);
      assert.equal(await h.queue.heartbeat(unclaimed!, "w1", LONG), false);
    });

    it("refuses a heartbeat once the job was cancelled or finished", async () => {
      const [cancelled, finished] = await jobs(2);
      await h.queue.claim("w1", LONG);
      await h.queue.claim("w1", LONG);
      await h.setStatus(cancelled!, "cancelled");
      await h.setStatus(finished!, "running");
      await h.setStatus(finished!, "succeeded");
      assert.equal(await h.queue.heartbeat(cancelled!, "w1", LONG), false);
      assert.equal(await h.queue.heartbeat(finished!, "w1", LONG), false);
    });

    it("reports leases that ran out, and only those of queued or running jobs", async () => {
      const [live, finished] = await jobs(2);
      await h.queue.claim("w1", LONG);
      await h.queue.claim("w1", LONG);
      await h.setStatus(live!, "running");
      await h.setStatus(finished!, "running");
      await h.setStatus(finished!, "failed");
      assert.deepEqual(await h.queue.expired(new Date()), []);
      // `now` is the caller's: asked about a moment after both deadlines, only the live job counts.
      assert.deepEqual(await h.queue.expired(new Date(Date.now() + 2 * LONG)), [live]);
    });

    it("lets another worker claim a queued job whose lease ran out; the old holder's heartbeat fails", async () => {
      const [id] = await jobs(1);
      assert.equal(await h.queue.claim("dead", SHORT), id);
      await expiresSoon(id!);
      assert.equal(await h.queue.claim("w2", LONG), id);
      assert.equal(await h.queue.heartbeat(id!, "dead", LONG), false);
      assert.equal(await h.queue.heartbeat(id!, "w2", LONG), true);
      assert.deepEqual(await h.queue.expired(new Date()), []);
    });

    it("reports a running job whose lease ran out but never hands it to a claimer", async () => {
      const [id] = await jobs(1);
      await h.queue.claim("dead", SHORT);
      await h.setStatus(id!, "running");
      await expiresSoon(id!);
      assert.equal(await h.queue.claim("w2", LONG), undefined);
      assert.equal(await h.queue.heartbeat(id!, "dead", LONG), false, "a lease that ran out is lost");
    });

    it("enqueue releases a lease that ran out but leaves a live one alone", async () => {
      const [stale, live] = await jobs(2);
      await h.queue.claim("dead", SHORT);
      await h.queue.claim("w1", LONG);
      await expiresSoon(stale!);
      await h.queue.enqueue(stale!);
      await h.queue.enqueue(live!);
      assert.deepEqual(await h.queue.expired(new Date()), []);
      assert.equal(await h.queue.claim("w2", LONG), stale);
      assert.equal(await h.queue.claim("w2", LONG), undefined);
      assert.equal(await h.queue.heartbeat(live!, "w1", LONG), true);
    });
  });
}
