/**
 * Re-fetches single jobs when their status changes. At most one request per job is in flight:
 * a change announced meanwhile fetches again once it lands, so answers arrive in order and the
 * last one applied is the newest.
 */
import type { JobDto } from "@fovea/model";

export interface JobRefresher {
  refresh(jobId: number): void;
  /** Answers still on their way are dropped. */
  stop(): void;
}

export function createJobRefresher(
  fetchJob: (jobId: number) => Promise<JobDto>,
  onJob: (job: JobDto) => void,
  onError: (err: unknown, jobId: number) => void,
): JobRefresher {
  const inFlight = new Set<number>();
  const again = new Set<number>();
  let stopped = false;

  const refresh = (jobId: number): void => {
    if (stopped) return;
    if (inFlight.has(jobId)) {
      again.add(jobId);
      return;
    }
    inFlight.add(jobId);
    fetchJob(jobId).then(
      (job) => { if (!stopped) onJob(job); },
      (err: unknown) => { if (!stopped) onError(err, jobId); },
    ).finally(() => {
      inFlight.delete(jobId);
      if (again.delete(jobId)) refresh(jobId);
    });
  };

  return {
    refresh,
    stop() {
      stopped = true;
    },
  };
}
