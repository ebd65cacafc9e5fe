/** What a user can do with a job from its card: cancel it, or open its script form again. */
import { isFoveaError, type JobDto } from "@fovea/model";
import { api } from "../../api/web-client.ts";
import { openScriptForm } from "../../state/script-dialog.ts";
import { upsertJob } from "./jobs-store.ts";

/**
 * Cancels a queued or running job and shows the answer at once (the status event follows). A job
 * that ended meanwhile (409 JOB_FINISHED) is re-read instead of reported as a failure.
 */
export async function cancelJob(jobId: number): Promise<void> {
  try {
    upsertJob(await api.jobs.cancel(jobId));
  } catch (err) {
    if (!isFoveaError(err, "JOB_FINISHED")) throw err;
    upsertJob(await api.jobs.get(jobId));
  }
}

/**
 * Opens the script's form filled with the job's inputs. They are stored as the server normalised
 * them (lists as arrays, references as `{ type, id }`, defaults filled in): the form's own format.
 */
export function runJobAgain(job: Pick<JobDto, "scriptId" | "inputs">): void {
  openScriptForm(job.scriptId, job.inputs);
}
