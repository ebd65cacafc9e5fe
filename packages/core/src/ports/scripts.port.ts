/**
 * Ports of the scripts-and-jobs system (SPEC §4–5): script storage, job storage, the job queue
 * (embedded SQL queue now, BullMQ later: one interface, two adapters, one conformance suite), and
 * the script runner (one OS process per job, reached only through this interface).
 */
import type { InputValue, JobStatus, ScriptDeclaration, ScriptLanguage } from "@fovea/model";

export interface ScriptRecord {
  id: number;
  name: string;
  folder: string;
  language: ScriptLanguage;
  official: boolean;
  enabled: boolean;
  ownerId: number;
  /** The current version's declaration (read in describe mode at upload). */
  declaration: ScriptDeclaration;
  /** Content hash of the current version's source. */
  sha256: string;
  createdAt: string;
  updatedAt: string;
}

export interface ScriptVersionRecord {
  scriptId: number;
  sha256: string;
  /** The source as uploaded. */
  source: string;
  /** What the runner executes: bundled JavaScript for TS/JS, the source itself for Python. */
  runnable: string;
  declaration: ScriptDeclaration;
  uploadedBy: number;
  createdAt: string;
}

export interface ScriptFilter {
  /** Official scripts, plus the user scripts of this owner when given. */
  readonly ownerId?: number;
  readonly officialOnly?: boolean;
  readonly folder?: string;
  readonly includeDisabled?: boolean;
}

export interface ScriptRepository {
  /** Inserts the script and its first version. CONFLICT when an official script (or this owner's user script) has that name in that folder. */
  insert(script: Omit<ScriptRecord, "id" | "createdAt" | "updatedAt">, version: Omit<ScriptVersionRecord, "scriptId" | "createdAt">): Promise<ScriptRecord>;
  findById(id: number): Promise<ScriptRecord | undefined>;
  findByName(folder: string, name: string, official: boolean, ownerId?: number): Promise<ScriptRecord | undefined>;
  list(filter: ScriptFilter, page: { limit: number; offset: number }): Promise<{ items: ScriptRecord[]; total: number }>;
  /** Adds a version and makes it current (old versions are kept: jobs point at them). */
  addVersion(scriptId: number, version: Omit<ScriptVersionRecord, "scriptId" | "createdAt">): Promise<ScriptRecord>;
  findVersion(scriptId: number, sha256: string): Promise<ScriptVersionRecord | undefined>;
  listVersions(scriptId: number): Promise<Omit<ScriptVersionRecord, "source" | "runnable">[]>;
  setEnabled(id: number, enabled: boolean): Promise<ScriptRecord>;
  /** Deletes the script; its versions stay while jobs refer to them. */
  delete(id: number): Promise<void>;
}

export interface JobRecord {
  id: number;
  scriptId: number;
  scriptName: string;
  scriptSha256: string;
  ownerId: number;
  groupId: number;
  status: JobStatus;
  inputs: Record<string, InputValue>;
  progressFraction: number;
  progressMessage: string;
  outputs: Record<string, unknown>;
  error: string | null;
  exitCode: number | null;
  /** The runner instance holding the job and until when its lease runs (embedded queue). */
  workerId: string | null;
  leaseUntil: string | null;
  /** Number of times the job was started (re-runnable jobs may be requeued). */
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobFilter {
  readonly ownerId?: number;
  readonly status?: JobStatus;
}

export interface JobRepository {
  insert(job: Pick<JobRecord, "scriptId" | "scriptName" | "scriptSha256" | "ownerId" | "groupId" | "inputs">): Promise<JobRecord>;
  findById(id: number): Promise<JobRecord | undefined>;
  list(filter: JobFilter, page: { limit: number; offset: number }): Promise<{ items: JobRecord[]; total: number }>;
  /**
   * Moves a job to `to` only if it is currently in one of `from` (compare-and-set, so that a
   * cancel and a completion racing each other cannot both win). Returns the updated job, or
   * undefined when the job was not in `from`.
   */
  transition(id: number, from: readonly JobStatus[], to: JobStatus, patch?: Partial<Pick<JobRecord, "error" | "exitCode" | "outputs" | "startedAt" | "finishedAt" | "workerId" | "leaseUntil" | "attempts">>): Promise<JobRecord | undefined>;
  setProgress(id: number, fraction: number, message: string): Promise<void>;
  /** Appends captured output; `stream` is stdout or stderr. */
  appendLog(id: number, stream: "stdout" | "stderr", text: string): Promise<void>;
  readLog(id: number, stream: "stdout" | "stderr"): Promise<string>;
}

/**
 * The queue: who runs which job next. The embedded adapter keeps it in the jobs table; the
 * BullMQ adapter (scale-out) will keep it in Redis. Both pass one conformance suite.
 */
export interface JobQueue {
  /** Makes a queued job available to workers. */
  enqueue(jobId: number): Promise<void>;
  /** Atomically takes the oldest available job for `workerId` with a lease; undefined when none. */
  claim(workerId: string, leaseMs: number): Promise<number | undefined>;
  /** Extends the lease; false when the job is no longer held by this worker (cancelled, lost). */
  heartbeat(jobId: number, workerId: string, leaseMs: number): Promise<boolean>;
  /** Jobs whose lease ran out (their worker died). */
  expired(now: Date): Promise<number[]>;
}

/** What a running script reports. */
export interface RunSink {
  progress(fraction: number, message: string): void;
  log(stream: "stdout" | "stderr", text: string): void;
}

export type RunEnd =
  | { status: "succeeded"; outputs: Record<string, unknown>; exitCode: number }
  | { status: "failed"; error: string; exitCode: number | null }
  | { status: "timed_out"; error: string }
  | { status: "cancelled"; error: string };

export interface RunRequest {
  readonly language: ScriptLanguage;
  /** What to execute: bundled JavaScript, or Python source. */
  readonly runnable: string;
  readonly inputs: Record<string, InputValue>;
  readonly jobId: number;
  /** The API the script talks to, and its job-scoped token. */
  readonly serverUrl: string;
  readonly token: string;
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly signal: AbortSignal;
}

export interface ScriptRunner {
  /** Compiles an uploaded source into what run/describe execute (TS/JS: an esbuild bundle with the SDK). Errors: SCRIPT_INVALID with the compiler's message. */
  prepare(language: ScriptLanguage, source: string, fileName: string): Promise<string>;
  /** Runs the script in describe mode (no token, short timeout) and returns its declaration. Errors: SCRIPT_INVALID with the script's own error text. */
  describe(language: ScriptLanguage, runnable: string): Promise<ScriptDeclaration>;
  /** Runs one job in its own process, reporting to `sink`; never throws for a failing script. */
  run(req: RunRequest, sink: RunSink): Promise<RunEnd>;
}
