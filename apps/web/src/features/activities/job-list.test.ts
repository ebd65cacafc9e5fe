import { describe, expect, it } from "vitest";
import { activeJobCount, applyProgress, mergeJob, upsertJobs } from "./job-list.ts";
import { makeJob } from "./test-jobs.ts";

describe("upsertJobs", () => {
  it("keeps the list newest first and replaces a job by id", () => {
    let jobs = upsertJobs([], [makeJob(3), makeJob(1)]);
    jobs = upsertJobs(jobs, [makeJob(7), makeJob(1, { status: "running", startedAt: "2025-03-12T14:03:21.000Z" })]);
    expect(jobs.map((j) => j.id)).toEqual([7, 3, 1]);
    expect(jobs[2]?.status).toBe("running");
  });

  it("returns the same list when nothing comes in (no needless re-render)", () => {
    const jobs = [makeJob(1)];
    expect(upsertJobs(jobs, [])).toBe(jobs);
  });
});

describe("mergeJob", () => {
  const running = makeJob(5, { status: "running", startedAt: "2025-03-12T14:03:21.000Z", progress: { fraction: 0.6, message: "image 3 of 5" } });
  const done = makeJob(5, { status: "succeeded", startedAt: running.startedAt, finishedAt: "2025-03-12T14:03:30.000Z", outputs: { Message: "ok" } });

  it("never turns a finished job back into a running one (a late answer)", () => {
    expect(mergeJob(done, running)).toBe(done);
    expect(mergeJob(running, done)).toBe(done);
  });

  it("keeps the live progress when a fetched snapshot of the running job lags behind", () => {
    const stale = { ...running, progress: { fraction: 0.2, message: "image 1 of 5" } };
    expect(mergeJob(running, stale).progress).toEqual({ fraction: 0.6, message: "image 3 of 5" });
    const ahead = { ...running, progress: { fraction: 0.8, message: "image 4 of 5" } };
    expect(mergeJob(running, ahead)).toBe(ahead);
  });
});

describe("applyProgress", () => {
  it("moves a known job's bar, and marks a queued job running", () => {
    const jobs = [makeJob(2), makeJob(1, { status: "succeeded" })];
    const next = applyProgress(jobs, 2, 0.5, "half way");
    expect(next[0]).toMatchObject({ status: "running", progress: { fraction: 0.5, message: "half way" } });
    expect(next[1]).toBe(jobs[1]);
  });

  it("leaves unknown and finished jobs alone", () => {
    const jobs = [makeJob(1, { status: "cancelled" })];
    expect(applyProgress(jobs, 1, 0.9, "late")).toBe(jobs);
    expect(applyProgress(jobs, 99, 0.1, "")).toBe(jobs);
  });
});

describe("activeJobCount", () => {
  it("counts queued and running jobs only", () => {
    const statuses = ["queued", "running", "succeeded", "failed", "cancelled", "timed_out", "running"] as const;
    expect(activeJobCount(statuses.map((status, i) => makeJob(i + 1, { status })))).toBe(3);
  });
});
