import { describe, expect, it } from "vitest";
import type { JobDto, JobStatus } from "@fovea/model";
import { createJobRefresher } from "./job-refresher.ts";
import { makeJob } from "./test-jobs.ts";

/** Fetches that the test resolves one by one, in the order it chooses. */
function pendingFetches() {
  const calls: { id: number; resolve: (job: JobDto) => void; reject: (err: unknown) => void }[] = [];
  const fetchJob = (id: number) => new Promise<JobDto>((resolve, reject) => calls.push({ id, resolve, reject }));
  return { calls, fetchJob };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("createJobRefresher", () => {
  it("keeps one request per job in flight and fetches again after it when asked meanwhile", async () => {
    const { calls, fetchJob } = pendingFetches();
    const got: JobStatus[] = [];
    const r = createJobRefresher(fetchJob, (job) => got.push(job.status), () => { throw new Error("unexpected error"); });
    r.refresh(5); // "running"
    r.refresh(5); // "succeeded" arrives while the first fetch is out
    r.refresh(5);
    r.refresh(6);
    expect(calls.map((c) => c.id)).toEqual([5, 6]);
    calls[0]!.resolve(makeJob(5, { status: "running" }));
    await tick();
    expect(calls.map((c) => c.id)).toEqual([5, 6, 5]);
    calls[2]!.resolve(makeJob(5, { status: "succeeded" }));
    calls[1]!.resolve(makeJob(6, { status: "queued" }));
    await tick();
    expect(got).toEqual(["running", "succeeded", "queued"]);
    expect(calls).toHaveLength(3);
  });

  it("reports failures and drops answers after stop()", async () => {
    const { calls, fetchJob } = pendingFetches();
    const got: number[] = [];
    const errors: number[] = [];
    const r = createJobRefresher(fetchJob, (job) => got.push(job.id), (_err, id) => errors.push(id));
    r.refresh(1);
    r.refresh(2);
    calls[0]!.reject(new Error("gone"));
    await tick();
    r.stop();
    calls[1]!.resolve(makeJob(2));
    r.refresh(3);
    await tick();
    expect(errors).toEqual([1]);
    expect(got).toEqual([]);
    expect(calls).toHaveLength(2);
  });
});
