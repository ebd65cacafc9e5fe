/**
 * Pure operations on the list of the user's jobs (newest first). Snapshots of one job come from
 * several places (a list page, a `GET /jobs/:id`, the launch answer, a job's event stream) and
 * can land out of order, so merging never moves a job backwards where that is certain: a finished
 * job stays finished (its status is final), and a running job's progress only grows (the server
 * stores progress at most every 200 ms, so a fetched job may lag the live events).
 */
import { isFinished, type JobDto } from "@fovea/model";

/** The more advanced of two versions of the same job. */
export function mergeJob(known: JobDto | undefined, incoming: JobDto): JobDto {
  if (!known) return incoming;
  if (isFinished(known.status) && !isFinished(incoming.status)) return known;
  if (known.status === "running" && incoming.status === "running" && known.progress.fraction > incoming.progress.fraction) {
    return { ...incoming, progress: known.progress };
  }
  return incoming;
}

/** Adds or updates jobs, keeping the list newest first (ids grow with creation). */
export function upsertJobs(jobs: readonly JobDto[], incoming: readonly JobDto[]): readonly JobDto[] {
  if (incoming.length === 0) return jobs;
  const byId = new Map(jobs.map((j) => [j.id, j]));
  for (const job of incoming) byId.set(job.id, mergeJob(byId.get(job.id), job));
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

/**
 * Applies a live `progress` event to a known job. Returns the same list when the job is unknown
 * (the caller fetches it) or already finished (a late event must not reopen it).
 */
export function applyProgress(jobs: readonly JobDto[], jobId: number, fraction: number, message: string): readonly JobDto[] {
  const i = jobs.findIndex((j) => j.id === jobId);
  const job = jobs[i];
  if (!job || isFinished(job.status)) return jobs;
  // A progress event means the job runs, even when its "running" status event is still on its way.
  const status = job.status === "queued" ? "running" : job.status;
  const next = [...jobs];
  next[i] = { ...job, status, progress: { fraction, message } };
  return next;
}

/** Jobs that are waiting or running (the header badge). */
export function activeJobCount(jobs: readonly JobDto[]): number {
  return jobs.filter((j) => !isFinished(j.status)).length;
}
