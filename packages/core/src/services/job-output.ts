/**
 * Persists a running job's log chunks and progress in the order they came, and announces each
 * log chunk only once it is stored, with its offset in the stream. So, for a live follower: every
 * announced chunk is already in the stored log, and a follower that reads the stored log after
 * subscribing can drop (by offset) the chunks it has already sent — nothing lost, nothing twice.
 */
import type { JobRepository } from "../ports/index.ts";
import type { JobEventHub } from "./job-events.ts";

/** Progress is stored at most this often (the live event goes out every time). */
const PROGRESS_EVERY_MS = 200;

export class JobOutput {
  #chain: Promise<void> = Promise.resolve();
  readonly #offsets = { stdout: 0, stderr: 0 };
  #lastProgressAt = 0;

  constructor(
    private readonly jobs: JobRepository,
    private readonly events: JobEventHub,
    private readonly job: { id: number; ownerId: number },
    private readonly onError: (err: unknown) => void,
  ) {}

  log(stream: "stdout" | "stderr", text: string): void {
    this.#then(async () => {
      await this.jobs.appendLog(this.job.id, stream, text);
      const offset = this.#offsets[stream];
      this.#offsets[stream] += text.length;
      this.events.publish({ jobId: this.job.id, ownerId: this.job.ownerId, type: "log", stream, text, offset });
    });
  }

  progress(fraction: number, message: string): void {
    this.events.publish({ jobId: this.job.id, ownerId: this.job.ownerId, type: "progress", fraction, message });
    const now = Date.now();
    if (now - this.#lastProgressAt < PROGRESS_EVERY_MS && fraction < 1) return;
    this.#lastProgressAt = now;
    this.#then(() => this.jobs.setProgress(this.job.id, fraction, message));
  }

  /** Resolves when everything reported so far is stored (call before ending the job). */
  drain(): Promise<void> {
    return this.#chain;
  }

  #then(step: () => Promise<void>): void {
    // A failed write is reported but must not stop the chunks after it.
    this.#chain = this.#chain.then(step).catch(this.onError);
  }
}
