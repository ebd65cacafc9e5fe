/**
 * The user's jobs as the UI knows them, newest first (owned by the activities feature). The
 * script form calls `jobLaunched` after a successful launch so the job shows at once.
 */
import type { JobDto } from "@fovea/model";
import { createStore } from "../../state/store.ts";

export const jobsStore = createStore<readonly JobDto[]>([]);

/** Adds or updates a job, keeping the list newest first. */
export function upsertJob(job: JobDto): void {
  jobsStore.set((jobs) => [job, ...jobs.filter((j) => j.id !== job.id)].sort((a, b) => b.id - a.id));
}

export function jobLaunched(job: JobDto): void {
  upsertJob(job);
}
