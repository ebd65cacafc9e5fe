/** Scripts and jobs: DTOs and request bodies (SPEC §4–5). */
import Type, { type Static } from "typebox";
import { JOB_STATUSES } from "../scripts/job-status.ts";
import { ParamDeclSchema, SCRIPT_LANGUAGES } from "../scripts/declaration.schema.ts";
import { Id, PageQuery, Strict, Timestamp } from "./common.schema.ts";

export const ScriptVersion = Type.Object({
  sha256: Type.String(), createdAt: Timestamp, uploadedBy: Id,
});

export const Script = Type.Object({
  type: Type.Literal("Script"),
  id: Id,
  name: Type.String({ description: "The file's base name, e.g. Batch_ROI_Export" }),
  title: Type.String({ description: "The declared name, e.g. Batch ROI Export" }),
  description: Type.String(),
  folder: Type.String(),
  language: Type.Enum(SCRIPT_LANGUAGES),
  official: Type.Boolean(),
  enabled: Type.Boolean(),
  runnable: Type.Boolean({ description: "Whether you may launch it now: enabled, and official or user scripts are allowed on this server" }),
  ownerId: Id,
  authors: Type.Array(Type.String()),
  institutions: Type.Array(Type.String()),
  contact: Type.String(),
  version: Type.String(),
  sha256: Type.String({ description: "Content hash of the current version" }),
  timeoutSeconds: Type.Union([Type.Integer(), Type.Null()]),
  rerunnable: Type.Boolean(),
  params: Type.Array(ParamDeclSchema),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ScriptListQuery = Strict({
  ...PageQuery,
  folder: Type.Optional(Type.String()),
  official: Type.Optional(Type.Boolean()),
});

export const UpdateScript = Strict({ enabled: Type.Optional(Type.Boolean()) });

export const LaunchBody = Strict({
  inputs: Type.Record(Type.String(), Type.Unknown(), { description: "Parameter name → value (see the script's params)" }),
  groupId: Type.Optional(Id),
});

export const JobProgress = Type.Object({ fraction: Type.Number(), message: Type.String() });

export const Job = Type.Object({
  type: Type.Literal("Job"),
  id: Id,
  scriptId: Id,
  scriptName: Type.String(),
  scriptSha256: Type.String({ description: "The exact script version this job runs" }),
  ownerId: Id,
  groupId: Id,
  status: Type.Enum(JOB_STATUSES),
  inputs: Type.Record(Type.String(), Type.Unknown()),
  progress: JobProgress,
  outputs: Type.Record(Type.String(), Type.Unknown()),
  error: Type.Union([Type.String(), Type.Null()]),
  exitCode: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Timestamp,
  startedAt: Type.Union([Timestamp, Type.Null()]),
  finishedAt: Type.Union([Timestamp, Type.Null()]),
});

export const JobListQuery = Strict({
  ...PageQuery,
  status: Type.Optional(Type.Enum(JOB_STATUSES)),
});

export type ScriptDto = Static<typeof Script>;
export type JobDto = Static<typeof Job>;
