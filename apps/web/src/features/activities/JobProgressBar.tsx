/** A job's progress bar with the script's own progress message. */
import type { JobDto } from "@fovea/model";
import { progressPercent } from "./job-format.ts";

export function JobProgressBar({ job }: { job: Pick<JobDto, "id" | "status" | "progress" | "scriptName"> }) {
  const percent = job.status === "succeeded" ? 100 : progressPercent(job.progress.fraction);
  const message = job.progress.message || (job.status === "queued" ? "Waiting to start…" : "");
  return (
    <div className="job-progress">
      <div
        className={`job-progress-track job-progress-${job.status}`}
        role="progressbar" aria-label={`Progress of ${job.scriptName} (job ${job.id})`}
        aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}
        aria-valuetext={message ? `${percent}% — ${message}` : `${percent}%`}
      >
        <div className="job-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="job-progress-text">
        <span className="job-progress-message">{message}</span>
        <span className="job-progress-percent">{percent}%</span>
      </div>
    </div>
  );
}
