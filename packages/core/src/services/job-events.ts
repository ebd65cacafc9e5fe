/**
 * Live job events for Server-Sent Events (SPEC §5): status changes, progress and log lines. In
 * one process this in-memory hub is enough; a scale-out deployment would bridge it over Redis.
 */
import type { JobStatus } from "@fovea/model";

export type JobEvent =
  | { jobId: number; ownerId: number; type: "status"; status: JobStatus }
  | { jobId: number; ownerId: number; type: "progress"; fraction: number; message: string }
  /** `offset`: where `text` starts in the stored stream (a follower uses it to skip what it has). */
  | { jobId: number; ownerId: number; type: "log"; stream: "stdout" | "stderr"; text: string; offset: number };

type Listener = (e: JobEvent) => void;

export class JobEventHub {
  readonly #listeners = new Set<Listener>();

  publish(event: JobEvent): void {
    for (const l of this.#listeners) {
      try {
        l(event);
      } catch {
        // A broken subscriber (a closed connection) must not stop the others or the job.
      }
    }
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
