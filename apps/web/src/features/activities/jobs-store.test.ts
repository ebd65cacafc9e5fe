import { afterEach, describe, expect, it } from "vitest";
import { activitiesOpenStore } from "./activities-panel-state.ts";
import { clearFinishedJobs, dismissedJobsStore, resetDismissedJobs, visibleJobs } from "./dismissed-jobs.ts";
import { jobLaunched, jobProgressed, jobsStore, resetJobs, upsertJob, upsertJobPage } from "./jobs-store.ts";
import { makeJob } from "./test-jobs.ts";

afterEach(() => {
  resetJobs();
  resetDismissedJobs();
  activitiesOpenStore.set(false);
});

describe("jobs store", () => {
  it("merges pages and single jobs newest first", () => {
    upsertJobPage([makeJob(9), makeJob(8), makeJob(6)]);
    upsertJob(makeJob(7, { status: "running" }));
    upsertJob(makeJob(10));
    expect(jobsStore.get().map((j) => j.id)).toEqual([10, 9, 8, 7, 6]);
  });

  it("applies live progress to known jobs and says when a job is unknown (to be fetched)", () => {
    upsertJob(makeJob(1, { status: "running" }));
    expect(jobProgressed(1, 0.25, "image 1 of 4")).toBe(true);
    expect(jobsStore.get()[0]?.progress).toEqual({ fraction: 0.25, message: "image 1 of 4" });
    expect(jobProgressed(2, 0.5, "elsewhere")).toBe(false);
    expect(jobsStore.get()).toHaveLength(1);
  });

  it("shows a launched job at once and opens the panel", () => {
    jobLaunched(makeJob(3));
    expect(jobsStore.get().map((j) => j.id)).toEqual([3]);
    expect(activitiesOpenStore.get()).toBe(true);
  });

  it("clears finished jobs from view only, keeping running ones", () => {
    upsertJobPage([makeJob(3, { status: "running" }), makeJob(2, { status: "failed" }), makeJob(1, { status: "succeeded" })]);
    clearFinishedJobs();
    expect(visibleJobs(jobsStore.get(), dismissedJobsStore.get()).map((j) => j.id)).toEqual([3]);
    expect(jobsStore.get()).toHaveLength(3);
  });
});
