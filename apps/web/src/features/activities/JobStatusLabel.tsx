/** A job's status as a coloured label (the colour is never the only cue: the word is there). */
import type { JobStatus } from "@fovea/model";
import { STATUS_LABELS } from "./job-format.ts";

export function JobStatusLabel({ status }: { status: JobStatus }) {
  return <span className={`job-status job-status-${status}`}>{STATUS_LABELS[status]}</span>;
}
