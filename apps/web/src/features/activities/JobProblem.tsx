/**
 * Why a job did not succeed: a failed or timed-out job shows its error prominently with the
 * script's stderr (read from the server: it is complete, unlike a live tail); a cancelled job says so.
 */
import type { JobDto } from "@fovea/model";
import { api } from "../../api/web-client.ts";
import { ErrorBanner, Spinner } from "../../ui/feedback.tsx";
import { useAsync } from "../../ui/use-async.ts";

const HEADINGS = { failed: "Failed", timed_out: "Timed out", cancelled: "Cancelled" } as const;

export function JobProblem({ job }: { job: Pick<JobDto, "id" | "status" | "error" | "exitCode"> }) {
  if (job.status !== "failed" && job.status !== "timed_out" && job.status !== "cancelled") return null;
  const exit = job.exitCode !== null && job.exitCode !== 0 ? ` (exit code ${job.exitCode})` : "";
  return (
    <div className={`job-problem job-problem-${job.status}`}>
      <p className="job-problem-text">
        <strong>{HEADINGS[job.status]}{exit}: </strong>
        {job.error ?? (job.status === "cancelled" ? "the job was cancelled" : "no reason was recorded")}
      </p>
      {job.status !== "cancelled" && <JobStderr jobId={job.id} />}
    </div>
  );
}

function JobStderr({ jobId }: { jobId: number }) {
  const stderr = useAsync(() => api.jobs.log(jobId, "stderr"), [jobId]);
  if (stderr.status === "loading") return <Spinner label="Reading stderr…" />;
  if (stderr.status === "error") return <ErrorBanner title="The stderr log could not be read:" error={stderr.error} onRetry={stderr.reload} />;
  if (stderr.data.trim() === "") return null;
  return (
    <pre className="job-stderr" aria-label={`stderr of job ${jobId}`} tabIndex={0}>{stderr.data}</pre>
  );
}
