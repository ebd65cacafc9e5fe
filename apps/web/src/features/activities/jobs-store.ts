/**
 * The user's jobs as the UI knows them, newest first (owned by the activities feature). Filled by
 * `jobs-sync.ts` (the latest pages, then live events); the script form calls `jobLaunched` after
 * a successful launch so the job shows at once.
 */
import type { JobDto } from "@fovea/model";
import { createStore } from "../../state/store.ts";
import { openActivities } from "./activities-panel-state.ts";
import { applyProgress, upsertJobs } from "./job-list.ts";

export const jobsStore = createStore<readonly JobDto[]>([]);

/** Adds or updates a job, keeping the list newest first (never moving a job backwards). */
export function upsertJob(job: JobDto): void {
  jobsStore.set((jobs) => upsertJobs(jobs, [job]));
}

/** Adds a page of jobs from `GET /jobs`. */
export function upsertJobPage(page: readonly JobDto[]): void {
  jobsStore.set((jobs) => upsertJobs(jobs, page));
}

/** A live `progress` event; false when the job is unknown to the store (the caller fetches it). */
export function jobProgressed(jobId: number, fraction: number, message: string): boolean {
  const before = jobsStore.get();
  if (!before.some((j) => j.id === jobId)) return false;
  jobsStore.set(applyProgress(before, jobId, fraction, message));
  return true;
}

export function findJob(jobId: number): JobDto | undefined {
  return jobsStore.get().find((j) => j.id === jobId);
}

/** The script form's launch: show the job and the panel at once. */
export function jobLaunched(job: JobDto): void {
  upsertJob(job);
  openActivities();
}

/** Forgets every job (logout: the next user must not see them). */
export function resetJobs(): void {
  jobsStore.set([]);
}
