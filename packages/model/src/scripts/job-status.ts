/**
 * The job state machine (SPEC §5): queued → running → succeeded | failed | cancelled | timed_out.
 * A queued job may also be cancelled; a running job whose worker is lost goes back to queued only
 * when its script is re-runnable (else it fails with "worker lost").
 */
export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled", "timed_out"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

const NEXT: Record<JobStatus, readonly JobStatus[]> = {
  queued: ["running", "cancelled"],
  running: ["succeeded", "failed", "cancelled", "timed_out", "queued"],
  succeeded: [],
  failed: [],
  cancelled: [],
  timed_out: [],
};

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return NEXT[from].includes(to);
}

export function isFinished(status: JobStatus): boolean {
  return NEXT[status].length === 0;
}
