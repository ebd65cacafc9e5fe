/** The Dispatcher's options, with defaults and the checks that catch a miswired composition root. */
import { FoveaError } from "@fovea/model";
import type { Clock, JobQueue } from "@fovea/core";

/** What a Dispatcher runs, against which queue, and how often it renews, polls and sweeps. */
export interface DispatcherOptions {
  readonly queue: JobQueue;
  /**
   * Runs one claimed job to its end: moves it to running, runs the script, records the outcome.
   * It should not throw for a failing script (that is an outcome); a throw is reported to
   * `onError`, and the job's lease then runs out so that `recover` deals with it.
   */
  readonly execute: (jobId: number, signal: AbortSignal) => Promise<void>;
  /**
   * Deals with a job whose lease ran out (its worker died or stalled): fail it with "worker lost",
   * requeue it if re-runnable, or release a lease taken on a job that never started. Several
   * dispatchers may recover the same job at once, so this must be a compare-and-set; and a job
   * it leaves as it was is offered to it again on every pass.
   */
  readonly recover: (jobId: number) => Promise<void>;
  /** How many executions run at once (SPEC §5: by default the number of cores). */
  readonly concurrency: number;
  /** Names this dispatcher in the queue's leases; unique among live dispatchers. */
  readonly workerId: string;
  /** How long a claim or heartbeat holds a job. */
  readonly leaseMs?: number;
  /** How often running jobs' leases are renewed; well below leaseMs. */
  readonly heartbeatMs?: number;
  /** How often the queue is polled for work when nothing called wake(). */
  readonly pollMs?: number;
  /** How often to look for expired leases (also done once at start); heartbeatMs by default. */
  readonly recoverMs?: number;
  /** The "now" handed to queue.expired; the system clock by default. */
  readonly clock?: Clock;
  /** Receives every error the loops catch (queue down, execute threw); the loops keep going. */
  readonly onError: (err: unknown) => void;
}

/** The options with every default filled in. */
export type ResolvedOptions = Required<DispatcherOptions>;

const systemClock: Clock = { now: () => new Date() };

/** Fills in the defaults and fails fast, naming every bad option, when the options cannot work. */
export function resolveOptions(o: DispatcherOptions): ResolvedOptions {
  const heartbeatMs = o.heartbeatMs ?? 10_000;
  const r: ResolvedOptions = {
    leaseMs: 30_000, pollMs: 250, recoverMs: heartbeatMs, clock: systemClock, ...definedOnly(o), heartbeatMs,
  };
  const problems: string[] = [];
  if (!Number.isSafeInteger(r.concurrency) || r.concurrency < 1) problems.push(`concurrency must be a whole number ≥ 1, not ${r.concurrency}`);
  for (const key of ["leaseMs", "heartbeatMs", "pollMs", "recoverMs"] as const) {
    if (!(r[key] > 0) || !Number.isFinite(r[key])) problems.push(`${key} must be a positive number of milliseconds, not ${r[key]}`);
  }
  // A heartbeat that comes after the lease ran out finds the job lost, so every job would be aborted.
  if (r.heartbeatMs >= r.leaseMs) problems.push(`heartbeatMs (${r.heartbeatMs}) must be below leaseMs (${r.leaseMs}), ideally a third of it`);
  if (r.workerId.length === 0) problems.push("workerId must not be empty");
  if (problems.length > 0) throw new FoveaError("INTERNAL", `Invalid Dispatcher options: ${problems.join("; ")}`);
  return r;
}

/** Drops keys set to undefined, so they do not override the defaults. */
function definedOnly(o: DispatcherOptions): DispatcherOptions {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as unknown as DispatcherOptions;
}
