/**
 * Finished jobs the user has cleared from the panel. Client-side only: the server keeps every job
 * (and `fovea job list` still shows them); a reload brings them back.
 */
import { isFinished, type JobDto } from "@fovea/model";
import { createStore } from "../../state/store.ts";
import { jobsStore } from "./jobs-store.ts";

export const dismissedJobsStore = createStore<ReadonlySet<number>>(new Set());

export function dismissJob(jobId: number): void {
  dismissedJobsStore.set((ids) => new Set([...ids, jobId]));
}

/** Hides every finished job known now; running ones stay. */
export function clearFinishedJobs(): void {
  const finished = jobsStore.get().filter((j) => isFinished(j.status)).map((j) => j.id);
  dismissedJobsStore.set((ids) => new Set([...ids, ...finished]));
}

export function resetDismissedJobs(): void {
  dismissedJobsStore.set(new Set());
}

/** The jobs the panel shows. */
export function visibleJobs(jobs: readonly JobDto[], dismissed: ReadonlySet<number>): readonly JobDto[] {
  return dismissed.size === 0 ? jobs : jobs.filter((j) => !dismissed.has(j.id));
}
