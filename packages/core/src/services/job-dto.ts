/** Maps job records to the API's Job DTO. */
import type { JobDto } from "@fovea/model";
import type { JobRecord } from "../ports/index.ts";

export function toJobDto(j: JobRecord): JobDto {
  return {
    type: "Job", id: j.id, scriptId: j.scriptId, scriptName: j.scriptName, scriptSha256: j.scriptSha256,
    ownerId: j.ownerId, groupId: j.groupId, status: j.status, inputs: j.inputs,
    progress: { fraction: j.progressFraction, message: j.progressMessage }, outputs: j.outputs,
    error: j.error, exitCode: j.exitCode, createdAt: j.createdAt, startedAt: j.startedAt, finishedAt: j.finishedAt,
  };
}
