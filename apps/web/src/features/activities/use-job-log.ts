/**
 * Follows one job's log while its log section is open. A job still going is followed over
 * `GET /jobs/:id/events` (a `job` snapshot, the stored log, then live `log` chunks; the server ends
 * the stream after the final status). Once the job has ended, the stored stdout and stderr are
 * read with `api.jobs.log`, which are complete even when the live stream joined late.
 */
import { useEffect, useState } from "react";
import { isFinished, type JobDto, type JobStatus } from "@fovea/model";
import { api, eventsUrl } from "../../api/web-client.ts";
import { isAbort } from "../../api/error-message.ts";
import { sessionLost } from "../../state/session.ts";
import { upsertJob } from "./jobs-store.ts";
import { appendLogChunk, reconcileLog, type LogChunk, type LogStream } from "./log-chunks.ts";

export interface JobLogState {
  chunks: readonly LogChunk[];
  status: "idle" | "live" | "loading" | "done" | "error";
  error?: unknown;
}

function data<T>(e: MessageEvent<string>): T | undefined {
  try {
    return JSON.parse(e.data) as T;
  } catch {
    return undefined;
  }
}

/** Streams the log of a job that has not ended; returns the function that closes the stream. */
function followLive(jobId: number, set: (update: (s: JobLogState) => JobLogState) => void): () => void {
  const source = new EventSource(eventsUrl(`/jobs/${jobId}/events`));
  set((s) => ({ chunks: s.chunks, status: "live" }));
  // Every (re)connection starts with the snapshot and the whole stored log: start over.
  source.addEventListener("job", (e) => {
    const job = data<JobDto>(e);
    if (job) upsertJob(job);
    set(() => ({ chunks: [], status: "live" }));
  });
  source.addEventListener("log", (e) => {
    const d = data<{ stream?: LogStream; text?: string }>(e);
    if ((d?.stream === "stdout" || d?.stream === "stderr") && typeof d.text === "string") {
      const { stream, text } = d;
      set((s) => ({ ...s, chunks: appendLogChunk(s.chunks, stream, text) }));
    }
  });
  source.addEventListener("status", (e) => {
    const d = data<{ status?: JobStatus }>(e);
    // The server ends the stream now; EventSource would reconnect and replay it.
    if (d?.status && isFinished(d.status)) source.close();
  });
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) set((s) => ({ ...s, status: "error", error: new Error("The live log could not be followed.") }));
  };
  return () => source.close();
}

/** The log of one job, for as long as the calling component (the open log section) is mounted. */
export function useJobLog(jobId: number, finished: boolean): JobLogState {
  const [state, setState] = useState<JobLogState>({ chunks: [], status: "idle" });
  useEffect(() => {
    if (!finished) return followLive(jobId, setState);
    let current = true;
    setState((s) => ({ chunks: s.chunks, status: "loading" }));
    Promise.all([api.jobs.log(jobId, "stdout"), api.jobs.log(jobId, "stderr")]).then(
      ([stdout, stderr]) => { if (current) setState((s) => ({ chunks: reconcileLog(s.chunks, stdout, stderr), status: "done" })); },
      (error: unknown) => {
        if (!current || isAbort(error) || sessionLost(error)) return;
        setState((s) => ({ chunks: s.chunks, status: "error", error }));
      },
    );
    return () => { current = false; };
  }, [jobId, finished]);
  return state;
}
