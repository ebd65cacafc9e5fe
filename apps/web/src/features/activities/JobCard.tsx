/** One job in the Activities panel: what ran, how it is going or how it ended, and what it made. */
import { useEffect, useId, useRef, useState } from "react";
import { isFinished, type JobDto } from "@fovea/model";
import { ErrorBanner } from "../../ui/feedback.tsx";
import { sessionLost } from "../../state/session.ts";
import { JobLog } from "./JobLog.tsx";
import { JobProblem } from "./JobProblem.tsx";
import { JobProgressBar } from "./JobProgressBar.tsx";
import { JobResults } from "./JobResults.tsx";
import { JobStatusLabel } from "./JobStatusLabel.tsx";
import { JobTimes } from "./JobTimes.tsx";
import { cancelJob, runJobAgain } from "./job-actions.ts";
import { dismissJob } from "./dismissed-jobs.ts";

export function JobCard({ job }: { job: JobDto }) {
  const titleId = useId();
  const [cancelling, setCancelling] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  const finished = isFinished(job.status);
  // The Cancel button vanishes once the job has ended: keyboard focus moves on to Run again.
  const runAgainRef = useRef<HTMLButtonElement>(null);
  const focusAfterCancel = useRef(false);
  useEffect(() => {
    if (finished && focusAfterCancel.current) {
      focusAfterCancel.current = false;
      runAgainRef.current?.focus();
    }
  }, [finished]);
  const onCancel = () => {
    focusAfterCancel.current = true;
    setCancelling(true);
    setActionError(undefined);
    cancelJob(job.id).catch((err: unknown) => {
      focusAfterCancel.current = false;
      if (!sessionLost(err)) setActionError(err);
    }).finally(() => setCancelling(false));
  };
  return (
    <article className={`job-card job-card-${job.status}`} aria-labelledby={titleId} data-job-id={job.id}>
      <header className="job-card-head">
        <h3 id={titleId} className="job-title" title={job.scriptName}>{job.scriptName}</h3>
        <JobStatusLabel status={job.status} />
      </header>
      <JobTimes job={job} />
      {(!finished || job.status === "succeeded") && <JobProgressBar job={job} />}
      <JobProblem job={job} />
      <JobResults outputs={job.outputs} />
      <JobLog job={job} />
      {actionError !== undefined && <ErrorBanner title="Could not cancel:" error={actionError} />}
      <footer className="job-actions">
        {!finished && (
          <button type="button" className="danger" onClick={onCancel} disabled={cancelling} aria-label={`Cancel job ${job.id}`}>
            {cancelling ? "Cancelling…" : "Cancel"}
          </button>
        )}
        {finished && (
          <>
            <button ref={runAgainRef} type="button" onClick={() => runJobAgain(job)} aria-label={`Run ${job.scriptName} again (job ${job.id})`}>Run again</button>
            <button type="button" className="act-link job-dismiss" onClick={() => dismissJob(job.id)} aria-label={`Dismiss job ${job.id}`}>Dismiss</button>
          </>
        )}
      </footer>
    </article>
  );
}
