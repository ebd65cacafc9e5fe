/**
 * A job's log, behind a disclosure button: followed live while the job runs (stdout and stderr
 * told apart), scrolled to the newest line unless the user has scrolled up to read.
 */
import { useId, useLayoutEffect, useRef, useState } from "react";
import { isFinished, type JobDto } from "@fovea/model";
import { ErrorBanner, Spinner } from "../../ui/feedback.tsx";
import { useJobLog } from "./use-job-log.ts";

/** Within this many pixels of the bottom, the view keeps following new lines. */
const STICK_PX = 24;

export function JobLog({ job }: { job: Pick<JobDto, "id" | "status"> }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const finished = isFinished(job.status);
  return (
    <div className="job-log-section">
      <div className="job-log-bar">
        <button
          type="button" className="act-link job-log-toggle" aria-expanded={open} aria-controls={regionId}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? "▾" : "▸"}</span> Log
        </button>
        {!finished && open && <span className="live-dot">live</span>}
      </div>
      {open && <JobLogView id={regionId} jobId={job.id} finished={finished} />}
    </div>
  );
}

function JobLogView({ id, jobId, finished }: { id: string; jobId: number; finished: boolean }) {
  const log = useJobLog(jobId, finished);
  const ref = useRef<HTMLPreElement>(null);
  const stuck = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stuck.current) el.scrollTop = el.scrollHeight;
  }, [log.chunks]);
  const onScroll = () => {
    const el = ref.current;
    if (el) stuck.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };
  const empty = log.chunks.length === 0;
  return (
    <div id={id} className="job-log-view">
      {log.status === "error" && <ErrorBanner error={log.error} />}
      {empty && (log.status === "loading" || log.status === "idle") && <Spinner label="Reading the log…" />}
      {empty && (log.status === "done" || log.status === "live") && <p className="muted job-log-empty">{log.status === "live" ? "Nothing logged yet." : "Nothing was logged."}</p>}
      {!empty && (
        <pre ref={ref} className="job-log" role="log" aria-label={`Log of job ${jobId}`} tabIndex={0} onScroll={onScroll}>
          {log.chunks.map((c, i) => (
            <span key={i} className={`log-${c.stream}`} data-stream={c.stream}>{c.text}</span>
          ))}
        </pre>
      )}
    </div>
  );
}
