/**
 * Why the Dispatcher aborted an execution's signal. The domain's `execute` needs to tell the two
 * apart: a lost lease means someone else already decided the job's fate (a cancel from another
 * process, or a recovery after this worker stalled), while a stop means this worker is going away
 * and the job should end as SPEC §5 says for a lost worker (failed, or requeued if re-runnable).
 */

/** `lease-lost`: the queue refused a heartbeat. `stopping`: Dispatcher.stop({ graceful: false }). */
export type DispatchAbortReason = "lease-lost" | "stopping";

/** The `signal.reason` of an execution the Dispatcher aborted. */
export class DispatchAbort extends Error {
  readonly why: DispatchAbortReason;

  constructor(why: DispatchAbortReason, jobId: number) {
    super(why === "lease-lost"
      ? `Job ${jobId}: this worker no longer holds the job (cancelled, or its lease ran out)`
      : `Job ${jobId}: the dispatcher is stopping`);
    this.name = "DispatchAbort";
    this.why = why;
  }
}

/**
 * Why `signal` was aborted by a Dispatcher, or undefined (not aborted, or by someone else). A
 * structural check rather than `instanceof`, so it holds across bundled copies of this package.
 */
export function dispatchAbortReason(signal: AbortSignal): DispatchAbortReason | undefined {
  if (!signal.aborted) return undefined;
  const r = signal.reason as { name?: unknown; why?: unknown } | null | undefined;
  return r?.name === "DispatchAbort" && (r.why === "lease-lost" || r.why === "stopping") ? r.why : undefined;
}
