/** When a job was created or started, and how long it ran (ticking while it runs). */
import type { JobDto } from "@fovea/model";
import { formatClockTime, formatDuration, jobDurationMs } from "./job-format.ts";
import { useNow } from "./use-now.ts";

export function JobTimes({ job }: { job: Pick<JobDto, "id" | "status" | "createdAt" | "startedAt" | "finishedAt"> }) {
  const running = job.status === "running" && job.finishedAt === null;
  const now = useNow(running, 200);
  const duration = jobDurationMs(job, now);
  const today = new Date(now);
  return (
    <p className="job-times">
      <span>Job {job.id}</span>
      {job.startedAt === null
        ? <span>queued <time dateTime={job.createdAt}>{formatClockTime(job.createdAt, today)}</time></span>
        : <span>started <time dateTime={job.startedAt}>{formatClockTime(job.startedAt, today)}</time></span>}
      {duration !== undefined && (
        <span className="job-duration" data-testid={`job-${job.id}-duration`}>
          <span className="visually-hidden">{running ? "running for " : "took "}</span>{formatDuration(duration)}
        </span>
      )}
    </p>
  );
}
