/** A job as the server sends it, for the activities tests (only the fields a test is about differ). */
import type { JobDto } from "@fovea/model";

export function makeJob(id: number, patch: Partial<JobDto> = {}): JobDto {
  return {
    type: "Job", id, scriptId: 4, scriptName: "Hello_World", scriptSha256: "ab".repeat(32), ownerId: 2, groupId: 3,
    status: "queued", inputs: { Data_Type: "Dataset", IDs: [1] }, progress: { fraction: 0, message: "" }, outputs: {},
    error: null, exitCode: null, createdAt: "2025-03-12T14:03:20.000Z", startedAt: null, finishedAt: null,
    ...patch,
  };
}
