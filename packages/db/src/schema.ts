/**
 * The Kysely view of Fovea's metadata tables (migrations/ create them). Column types
 * are what both dialects hand back after connect.ts's type parsers: ids and counts as numbers,
 * booleans as integer 0/1, times as ISO-8601 text, JSON as text. Repositories map rows to the
 * camelCase records of @fovea/core.
 */
import type { Generated, Selectable } from "kysely";

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  email: string;
  password_hash: string;
  /** 0 or 1. */
  is_admin: number;
  /** JSON array of privilege names. */
  privileges: string;
  default_group_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface GroupsTable {
  id: Generated<number>;
  name: string;
  description: string;
  /** private | read-only | read-annotate | read-write */
  permissions: string;
  created_at: string;
}

export interface GroupMembersTable {
  group_id: number;
  user_id: number;
  is_owner: number;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  group_id: number | null;
  kind: string;
  csrf_token: string | null;
  created_at: string;
  expires_at: string;
  /** The job a job-scoped token belongs to (migration 0003), so it is revoked with the job. */
  job_id: number | null;
}

/** Columns shared by projects, datasets and images. */
export interface ContainerColumns {
  id: Generated<number>;
  name: string;
  description: string;
  owner_id: number;
  group_id: number;
  created_at: string;
  updated_at: string;
}

export interface ImagesTable extends ContainerColumns {
  size_x: number;
  size_y: number;
  size_z: number;
  size_c: number;
  size_t: number;
  pixel_type: string;
  physical_size_x: number | null;
  physical_size_y: number | null;
  physical_size_z: number | null;
  physical_size_unit: string;
  time_increment: number | null;
  format: string | null;
  store_key: string | null;
  acquisition_date: string | null;
}

export interface ChannelsTable {
  image_id: number;
  idx: number;
  name: string;
  color: string;
  emission_wavelength: number | null;
  window_start: number | null;
  window_end: number | null;
  min_value: number | null;
  max_value: number | null;
}

/** project_dataset_links and dataset_image_links. */
export interface LinksTable {
  id: Generated<number>;
  parent_id: number;
  child_id: number;
  owner_id: number;
  group_id: number;
  created_at: string;
}

export interface RoisTable {
  id: Generated<number>;
  image_id: number;
  name: string;
  description: string;
  owner_id: number;
  group_id: number;
  created_at: string;
  updated_at: string;
}

export interface ShapesTable {
  id: Generated<number>;
  roi_id: number;
  kind: string;
  /** JSON of the kind's geometry fields (Label's text lives in `text`). */
  geometry: string;
  z: number | null;
  t: number | null;
  c: number | null;
  text: string | null;
  stroke_color: string | null;
  stroke_width: number | null;
  fill_color: string | null;
}

export interface AnnotationsTable {
  id: Generated<number>;
  kind: string;
  namespace: string | null;
  description: string;
  text_value: string | null;
  /** JSON array of [key, value] pairs. */
  map_value: string | null;
  file_name: string | null;
  mime_type: string | null;
  file_size: number | null;
  sha256: string | null;
  storage_key: string | null;
  owner_id: number;
  group_id: number;
  created_at: string;
  updated_at: string;
}

export interface AnnotationLinksTable {
  id: Generated<number>;
  parent_kind: string;
  parent_id: number;
  annotation_id: number;
  owner_id: number;
  group_id: number;
  created_at: string;
}

/** Every table, by name, for `Kysely<Database>`. */
export interface Database {
  users: UsersTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  sessions: SessionsTable;
  projects: ContainerColumns;
  datasets: ContainerColumns;
  images: ImagesTable;
  channels: ChannelsTable;
  project_dataset_links: LinksTable;
  dataset_image_links: LinksTable;
  rois: RoisTable;
  shapes: ShapesTable;
  annotations: AnnotationsTable;
  annotation_links: AnnotationLinksTable;
  original_files: OriginalFilesTable;
  image_original_files: ImageOriginalFilesTable;
  scripts: ScriptsTable;
  script_versions: ScriptVersionsTable;
  jobs: JobsTable;
  job_logs: JobLogsTable;
}

export interface OriginalFilesTable {
  id: Generated<number>;
  name: string;
  mime_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  owner_id: number;
  group_id: number;
  created_at: string;
}

export interface ImageOriginalFilesTable {
  image_id: number;
  file_id: number;
}

/** Scripts (migration 0003): the current version's declaration and hash, copied from script_versions. */
export interface ScriptsTable {
  id: Generated<number>;
  name: string;
  folder: string;
  /** typescript | javascript | python */
  language: string;
  /** 0 or 1. */
  official: number;
  /** 0 or 1. */
  enabled: number;
  owner_id: number;
  /** JSON of the ScriptDeclaration. */
  declaration: string;
  sha256: string;
  created_at: string;
  updated_at: string;
}

export interface ScriptVersionsTable {
  script_id: number;
  sha256: string;
  source: string;
  runnable: string;
  /** JSON of the ScriptDeclaration. */
  declaration: string;
  uploaded_by: number;
  created_at: string;
}

/** Jobs; also the embedded queue (worker_id and lease_until are the lease). */
export interface JobsTable {
  id: Generated<number>;
  /** No foreign key: a job outlives its deleted script. */
  script_id: number;
  script_name: string;
  script_sha256: string;
  owner_id: number;
  group_id: number;
  /** A JobStatus. */
  status: string;
  /** JSON object of validated inputs. */
  inputs: string;
  progress_fraction: number;
  progress_message: string;
  /** JSON object of outputs. */
  outputs: string;
  error: string | null;
  exit_code: number | null;
  worker_id: string | null;
  lease_until: string | null;
  attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** Captured output, one row per append; seq orders the rows of one (job, stream). */
export interface JobLogsTable {
  job_id: number;
  /** stdout | stderr */
  stream: string;
  seq: number;
  text: string;
  created_at: string;
}

/** Rows as selected. */
export type UserRow = Selectable<UsersTable>;
export type GroupRow = Selectable<GroupsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ContainerRow = Selectable<ContainerColumns>;
export type ImageRow = Selectable<ImagesTable>;
export type ChannelRow = Selectable<ChannelsTable>;
export type LinkRow = Selectable<LinksTable>;
export type RoiRow = Selectable<RoisTable>;
export type ShapeRow = Selectable<ShapesTable>;
export type AnnotationRow = Selectable<AnnotationsTable>;
export type AnnotationLinkRow = Selectable<AnnotationLinksTable>;
export type ScriptRow = Selectable<ScriptsTable>;
export type ScriptVersionRow = Selectable<ScriptVersionsTable>;
export type JobRow = Selectable<JobsTable>;

/** The two supported databases; the migration DDL differs slightly between them. */
export type SqlDialect = "sqlite" | "postgres";
