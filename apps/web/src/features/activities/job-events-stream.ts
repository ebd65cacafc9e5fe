/**
 * Follows `GET /jobs/events` (Server-Sent Events of all the user's jobs: `ready`, then `status`
 * and `progress`) with the browser's EventSource, which sends the session cookie. On any error
 * the source is closed and reopened after a growing delay: EventSource's own retry does not
 * survive a refused (non-200) answer, and a uniform back-off keeps a restarting server calm.
 */
import type { JobStatus } from "@fovea/model";

/** The part of EventSource this module uses (a test passes its own). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void;
  onerror: ((e: Event) => void) | null;
  close(): void;
}

export interface JobEventHandlers {
  /** The stream is open; `reconnected` after an earlier connection was lost (events may be missed). */
  ready(reconnected: boolean): void;
  status(e: { jobId: number; status: JobStatus }): void;
  progress(e: { jobId: number; fraction: number; message: string }): void;
  /** The connection failed; `attempt` counts failures since the last successful open. */
  lost(attempt: number): void;
}

export interface StreamOptions {
  url: string;
  open?: (url: string) => EventSourceLike;
  /** Replaces setTimeout (tests). */
  schedule?: (run: () => void, ms: number) => () => void;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** Delay before the n-th reconnection (1 s, 2 s, 4 s … at most 30 s). */
export function reconnectDelay(attempt: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1));
}

function parse(e: MessageEvent<string>): unknown {
  try {
    return JSON.parse(e.data);
  } catch {
    return undefined;
  }
}

const defaultSchedule = (run: () => void, ms: number): (() => void) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/** Opens the stream and keeps it open until the returned function is called. */
export function followJobEvents(handlers: JobEventHandlers, options: StreamOptions): () => void {
  const open = options.open ?? ((url) => new EventSource(url) as EventSourceLike);
  const schedule = options.schedule ?? defaultSchedule;
  let source: EventSourceLike | undefined;
  let cancelTimer: (() => void) | undefined;
  let failures = 0;
  let everOpen = false;
  let stopped = false;

  const connect = (): void => {
    cancelTimer = undefined;
    const es = open(options.url);
    source = es;
    es.addEventListener("ready", () => {
      handlers.ready(everOpen);
      everOpen = true;
      failures = 0;
    });
    es.addEventListener("status", (e) => {
      const d = parse(e) as { jobId?: unknown; status?: unknown } | undefined;
      if (typeof d?.jobId === "number" && typeof d.status === "string") handlers.status({ jobId: d.jobId, status: d.status as JobStatus });
    });
    es.addEventListener("progress", (e) => {
      const d = parse(e) as { jobId?: unknown; fraction?: unknown; message?: unknown } | undefined;
      if (typeof d?.jobId === "number" && typeof d.fraction === "number") {
        handlers.progress({ jobId: d.jobId, fraction: d.fraction, message: typeof d.message === "string" ? d.message : "" });
      }
    });
    es.onerror = () => {
      if (stopped || source !== es) return;
      es.close();
      source = undefined;
      failures += 1;
      handlers.lost(failures);
      if (!stopped) cancelTimer = schedule(connect, reconnectDelay(failures));
    };
  };

  connect();
  return () => {
    stopped = true;
    cancelTimer?.();
    source?.close();
    source = undefined;
  };
}
