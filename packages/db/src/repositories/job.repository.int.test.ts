import assert from "node:assert/strict";
import { it } from "node:test";
import type { JobRecord } from "@fovea/core";
import { FIRST_PAGE } from "../testing/test-builders.ts";
import { forEachDialect, type DialectFixture } from "../testing/test-dialects.ts";

const INPUTS = {
  Data_Type: "Image", IDs: [3, 4], Image: { type: "Image" as const, id: 7 }, Options: { a: "1", b: "ünïcode" }, Scale: 0.5, On: true,
};

async function newJob(fx: DialectFixture, who?: { ownerId: number; groupId: number }): Promise<JobRecord> {
  const o = who ?? { ownerId: (await fx.build.user()).id, groupId: (await fx.build.group()).id };
  return fx.repos.jobs.insert({ scriptId: 1, scriptName: "Hello_World", scriptSha256: "a".repeat(64), ...o, inputs: INPUTS });
}

forEachDialect("JobRepository", (fx) => {
  it("inserts a queued job and reads it back with its inputs intact", async () => {
    const job = await newJob(fx);
    assert.deepEqual(job, {
      id: job.id, scriptId: 1, scriptName: "Hello_World", scriptSha256: "a".repeat(64), ownerId: job.ownerId, groupId: job.groupId,
      status: "queued", inputs: INPUTS, progressFraction: 0, progressMessage: "", outputs: {}, error: null, exitCode: null,
      workerId: null, leaseUntil: null, attempts: 0, createdAt: "2025-01-01T00:00:00.000Z", startedAt: null, finishedAt: null,
    });
    assert.deepEqual(await fx.repos.jobs.findById(job.id), job);
    assert.equal(await fx.repos.jobs.findById(job.id + 1000), undefined);
    await assert.rejects(fx.repos.jobs.insert({ ...job, ownerId: 999 }), { code: "NOT_FOUND" });
  });

  it("lists newest first, by owner and status, with the total", async () => {
    const ann = { ownerId: (await fx.build.user()).id, groupId: (await fx.build.group()).id };
    const bob = { ownerId: (await fx.build.user()).id, groupId: ann.groupId };
    const [a1, b1, a2, a3] = [await newJob(fx, ann), await newJob(fx, bob), await newJob(fx, ann), await newJob(fx, ann)];
    await fx.repos.jobs.transition(a2!.id, ["queued"], "running");
    const ids = async (filter: Parameters<typeof fx.repos.jobs.list>[0], page: { limit: number; offset: number } = FIRST_PAGE) => {
      const r = await fx.repos.jobs.list(filter, page);
      return { ids: r.items.map((j) => j.id), total: r.total };
    };
    assert.deepEqual(await ids({}), { ids: [a3!.id, a2!.id, b1!.id, a1!.id], total: 4 });
    assert.deepEqual(await ids({ ownerId: ann.ownerId }), { ids: [a3!.id, a2!.id, a1!.id], total: 3 });
    assert.deepEqual(await ids({ ownerId: ann.ownerId, status: "queued" }), { ids: [a3!.id, a1!.id], total: 2 });
    assert.deepEqual(await ids({ status: "running" }), { ids: [a2!.id], total: 1 });
    assert.deepEqual(await ids({}, { limit: 2, offset: 1 }), { ids: [a2!.id, b1!.id], total: 4 });
  });

  it("moves a job only from the expected statuses, applying the patch", async () => {
    const job = await newJob(fx);
    const started = await fx.repos.jobs.transition(job.id, ["queued"], "running", {
      startedAt: "2025-01-01T00:00:01.000Z", attempts: 1, workerId: "w1", leaseUntil: "2025-01-01T00:00:31.000Z",
    });
    assert.deepEqual(started, { ...job, status: "running", startedAt: "2025-01-01T00:00:01.000Z", attempts: 1, workerId: "w1", leaseUntil: "2025-01-01T00:00:31.000Z" });
    assert.equal(await fx.repos.jobs.transition(job.id, ["queued"], "running"), undefined, "already running");
    const outputs = { Message: "Hello", File_Annotation: { type: "FileAnnotation", id: 9 }, Link: { kind: "url", href: "https://x", title: "x" } };
    const done = await fx.repos.jobs.transition(job.id, ["running"], "succeeded", {
      outputs, exitCode: 0, finishedAt: "2025-01-01T00:00:02.000Z", workerId: null, leaseUntil: null,
    });
    assert.deepEqual(done, { ...started, status: "succeeded", outputs, exitCode: 0, finishedAt: "2025-01-01T00:00:02.000Z", workerId: null, leaseUntil: null });
    assert.deepEqual(await fx.repos.jobs.findById(job.id), done);
    assert.equal(await fx.repos.jobs.transition(job.id + 1000, ["queued"], "running"), undefined);
  });

  it("lets exactly one of a racing cancel and completion win", async () => {
    for (let round = 0; round < 10; round++) {
      const job = await newJob(fx);
      await fx.repos.jobs.transition(job.id, ["queued"], "running");
      const [cancel, finish] = await Promise.all([
        fx.repos.jobs.transition(job.id, ["queued", "running"], "cancelled", { error: "cancelled by user" }),
        fx.repos.jobs.transition(job.id, ["running"], "succeeded", { exitCode: 0 }),
      ]);
      assert.equal([cancel, finish].filter((r) => r !== undefined).length, 1);
      assert.equal((await fx.repos.jobs.findById(job.id))?.status, cancel ? "cancelled" : "succeeded");
    }
  });

  it("refuses transitions the state machine forbids", async () => {
    const job = await newJob(fx);
    await assert.rejects(fx.repos.jobs.transition(job.id, ["queued"], "succeeded"), { code: "INTERNAL", message: /queued → succeeded/ });
    await assert.rejects(fx.repos.jobs.transition(job.id, ["succeeded", "running"], "running"), { code: "INTERNAL" });
    // Staying in a status is a patch guarded by that status.
    assert.equal((await fx.repos.jobs.transition(job.id, ["queued"], "queued", { workerId: "w9" }))?.workerId, "w9");
    assert.equal(await fx.repos.jobs.transition(job.id, ["running"], "running", { workerId: "w8" }), undefined);
    await assert.rejects(fx.repos.jobs.transition(job.id, [], "cancelled"), { code: "INTERNAL" });
    assert.equal((await fx.repos.jobs.findById(job.id))?.status, "queued");
  });

  it("records progress", async () => {
    const job = await newJob(fx);
    await fx.repos.jobs.setProgress(job.id, 0.25, "Reading plane 1 of 4");
    assert.deepEqual(await fx.repos.jobs.findById(job.id), { ...job, progressFraction: 0.25, progressMessage: "Reading plane 1 of 4" });
    await assert.rejects(fx.repos.jobs.setProgress(job.id + 1000, 1, ""), { code: "NOT_FOUND" });
  });

  it("appends log output per stream and reads it back in order", async () => {
    const job = await newJob(fx);
    for (const piece of ["one\n", "two ", "", "three\n"]) await fx.repos.jobs.appendLog(job.id, "stdout", piece);
    await fx.repos.jobs.appendLog(job.id, "stderr", "warn: ∑ ünïcode\n");
    assert.equal(await fx.repos.jobs.readLog(job.id, "stdout"), "one\ntwo three\n");
    assert.equal(await fx.repos.jobs.readLog(job.id, "stderr"), "warn: ∑ ünïcode\n");
    assert.equal(await fx.repos.jobs.readLog((await newJob(fx)).id, "stdout"), "");
    await assert.rejects(fx.repos.jobs.appendLog(job.id + 1000, "stdout", "x"), { code: "NOT_FOUND" });
  });

  it("keeps every one of many concurrent appends, each in its own place", async () => {
    const job = await newJob(fx);
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i}\n`);
    await Promise.all(lines.map((l, i) => fx.repos.jobs.appendLog(job.id, i % 2 === 0 ? "stdout" : "stderr", l)));
    const out = await fx.repos.jobs.readLog(job.id, "stdout");
    const err = await fx.repos.jobs.readLog(job.id, "stderr");
    assert.deepEqual([...out.split("\n"), ...err.split("\n")].filter(Boolean).sort(), lines.map((l) => l.trim()).sort());
    const seqs = await fx.handle.db.selectFrom("job_logs").select(["stream", "seq"]).where("job_id", "=", job.id).orderBy("stream").orderBy("seq").execute();
    assert.deepEqual(seqs.map((r) => r.seq), [...Array.from({ length: 20 }, (_, i) => i + 1), ...Array.from({ length: 20 }, (_, i) => i + 1)]);
  });

  it("revokes a job's tokens by job", async () => {
    const job = await newJob(fx);
    const token = (tokenHash: string, jobId: number | null) => ({
      tokenHash, userId: job.ownerId, groupId: job.groupId, kind: "job" as const, csrfToken: null,
      createdAt: "2025-01-01T00:00:00.000Z", expiresAt: "2025-01-02T00:00:00.000Z", jobId,
    });
    await fx.repos.sessions.insert(token("t1", job.id));
    await fx.repos.sessions.insert(token("t2", null));
    assert.equal(await fx.repos.sessions.deleteByJob(job.id), 1);
    assert.equal(await fx.repos.sessions.findByTokenHash("t1"), undefined);
    assert.ok(await fx.repos.sessions.findByTokenHash("t2"));
  });
});
