/**
 * Runs queued jobs, up to `concurrency` at a time, for one server or worker process. It claims
 * jobs from the JobQueue, keeps each claimed job's lease alive by heartbeat while `execute` runs
 * it, aborts an execution whose lease is refused (the job was cancelled from another process, or
 * this process stalled and the job was recovered elsewhere), and hands jobs whose lease ran out
 * (their dispatcher died) to `recover`. It never changes a job's status itself: what a lost or
 * stopped job becomes is the domain's decision (SPEC §5: failed "worker lost", or requeued).
 */
import { DispatchAbort } from "./dispatch-abort.ts";
import { resolveOptions, type DispatcherOptions, type ResolvedOptions } from "./dispatcher-options.ts";

interface Execution {
  readonly controller: AbortController;
  /** Settles when `execute` has returned or thrown. */
  readonly done: Promise<void>;
}

type State = "idle" | "running" | "stopped" | "stopping";

/** Runs queued jobs with leases and heartbeats; see the file comment. One instance per process. */
export class Dispatcher {
  readonly #o: ResolvedOptions;
  readonly #active = new Map<number, Execution>();
  #state: State = "idle";
  #timers: ReturnType<typeof setInterval>[] = [];
  #filling: Promise<void> | undefined;
  #fillAgain = false;
  #sweeping: Promise<void> | undefined;
  #stopped: Promise<void> | undefined;

  constructor(options: DispatcherOptions) {
    this.#o = resolveOptions(options);
  }

  /** How many executions are running now. */
  get running(): number {
    return this.#active.size;
  }

  /**
   * Recovers the jobs whose lease already ran out, then starts taking work. Resolves once that
   * first recovery pass is over, so that a restarted server has dealt with its predecessor's
   * leftovers before it reports itself started. Errors go to onError; start() itself does not fail.
   */
  async start(): Promise<void> {
    if (this.#state !== "idle") throw new Error(`Dispatcher ${this.#o.workerId} was already started`);
    this.#state = "running";
    await this.#sweep();
    if (this.#state !== "running") return;
    this.#timers = [
      setInterval(() => this.#fill(), this.#o.pollMs),
      setInterval(() => void this.#sweep(), this.#o.recoverMs),
    ];
    this.#fill();
  }

  /** Looks for work now; call it after launching a job so it starts without waiting for the poll. */
  wake(): void {
    this.#fill();
  }

  /**
   * Stops taking work. Graceful: waits for the running executions to finish. Not graceful: aborts
   * them (signal reason `stopping`) and waits for `execute` to wind down. A job claimed while
   * stopping is not run; it stays queued and is claimed again when its lease runs out. Calling
   * stop({ graceful: false }) during a graceful stop aborts what is still running.
   */
  stop(options: { graceful: boolean }): Promise<void> {
    if (this.#state === "idle") this.#state = "stopped";
    if (this.#state === "stopped" && this.#stopped === undefined) return Promise.resolve();
    if (!options.graceful) {
      for (const [jobId, e] of this.#active) e.controller.abort(new DispatchAbort("stopping", jobId));
    }
    this.#stopped ??= this.#drain();
    return this.#stopped;
  }

  async #drain(): Promise<void> {
    this.#state = "stopping";
    for (const t of this.#timers) clearInterval(t);
    this.#timers = [];
    await Promise.allSettled([this.#filling, this.#sweeping]);
    await Promise.allSettled([...this.#active.values()].map((e) => e.done));
    this.#state = "stopped";
  }

  /** Claims jobs until every slot is busy or none is left; one loop at a time. */
  #fill(): void {
    if (this.#state !== "running") return;
    if (this.#filling) {
      // A loop is running; make it look again (the job that woke us may be newer than its last claim).
      this.#fillAgain = true;
      return;
    }
    this.#filling = this.#claimLoop().finally(() => {
      this.#filling = undefined;
    });
  }

  async #claimLoop(): Promise<void> {
    do {
      this.#fillAgain = false;
      while (this.#state === "running" && this.#active.size < this.#o.concurrency) {
        let jobId: number | undefined;
        try {
          jobId = await this.#o.queue.claim(this.#o.workerId, this.#o.leaseMs);
        } catch (err) {
          this.#o.onError(err);
          return;
        }
        if (jobId === undefined || this.#state !== "running") break;
        // Our own job can come back when its lease ran out before `execute` moved it on; the
        // claim renewed the lease, and running it twice would be worse than waiting.
        if (!this.#active.has(jobId)) this.#launch(jobId);
      }
    } while (this.#fillAgain && this.#state === "running");
  }

  #launch(jobId: number): void {
    const controller = new AbortController();
    // One heartbeat in flight at a time: a slow queue must not pile up renewals.
    let beating: Promise<void> | undefined;
    const timer = setInterval(() => {
      beating ??= this.#heartbeat(jobId, controller).finally(() => { beating = undefined; });
    }, this.#o.heartbeatMs);
    const done = (async () => {
      try {
        await this.#o.execute(jobId, controller.signal);
      } catch (err) {
        this.#o.onError(err);
      } finally {
        clearInterval(timer);
        this.#active.delete(jobId);
        this.#fill();
      }
    })();
    this.#active.set(jobId, { controller, done });
  }

  /** Renews one lease; a refusal means the job is no longer ours, so its execution must stop. */
  async #heartbeat(jobId: number, controller: AbortController): Promise<void> {
    if (controller.signal.aborted) return;
    try {
      const held = await this.#o.queue.heartbeat(jobId, this.#o.workerId, this.#o.leaseMs);
      if (!held && this.#active.get(jobId)?.controller === controller) controller.abort(new DispatchAbort("lease-lost", jobId));
    } catch (err) {
      // The queue is unreachable: keep running. If it stays away the lease runs out, and the
      // first heartbeat that gets through is refused and aborts the execution.
      this.#o.onError(err);
    }
  }

  /** Hands every job whose lease ran out to `recover`; one pass at a time. */
  #sweep(): Promise<void> {
    if (this.#state !== "running") return Promise.resolve();
    this.#sweeping ??= this.#recoverExpired().finally(() => {
      this.#sweeping = undefined;
    });
    return this.#sweeping;
  }

  async #recoverExpired(): Promise<void> {
    let expired: number[];
    try {
      expired = await this.#o.queue.expired(this.#o.clock.now());
    } catch (err) {
      this.#o.onError(err);
      return;
    }
    for (const jobId of expired) {
      if (this.#state !== "running") return;
      try {
        await this.#o.recover(jobId);
      } catch (err) {
        this.#o.onError(err);
      }
    }
    // A recovered job may be queued again.
    if (expired.length > 0) this.#fill();
  }
}
