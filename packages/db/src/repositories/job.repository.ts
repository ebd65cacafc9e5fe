/**
 * Jobs and their captured output (SPEC §5). Status changes are compare-and-set, so that of two
 * racing writers (a cancel and a completion, a recovery and a late finish) exactly one wins. The
 * lease columns are written by the SQL queue (queue/sql-job-queue.ts) and by `transition` patches.
 */
import { sql, type Kysely, type Updateable } from "kysely";
import { canTransition, FoveaError, type InputValue, type JobStatus } from "@fovea/model";
import type { Clock, JobFilter, JobRecord, JobRepository } from "@fovea/core";
import { isoNow } from "./clock.ts";
import { guarded, notFound } from "./db-errors.ts";
import { affected, toCount } from "./row-values.ts";
import type { Database, JobRow, JobsTable } from "../schema.ts";

type JobPatch = NonNullable<Parameters<JobRepository["transition"]>[3]>;

/** How often an append that lost the race for a log position tries again before giving up. */
const APPEND_ATTEMPTS = 100;

function toJobRecord(row: JobRow): JobRecord {
  return {
    id: row.id, scriptId: row.script_id, scriptName: row.script_name, scriptSha256: row.script_sha256,
    ownerId: row.owner_id, groupId: row.group_id, status: row.status as JobStatus,
    inputs: JSON.parse(row.inputs) as Record<string, InputValue>,
    progressFraction: row.progress_fraction, progressMessage: row.progress_message,
    outputs: JSON.parse(row.outputs) as Record<string, unknown>,
    error: row.error, exitCode: row.exit_code, workerId: row.worker_id, leaseUntil: row.lease_until,
    attempts: row.attempts, createdAt: row.created_at, startedAt: row.started_at, finishedAt: row.finished_at,
  };
}

function toJobUpdate(to: JobStatus, patch: JobPatch): Updateable<JobsTable> {
  const set: Updateable<JobsTable> = { status: to };
  if (patch.error !== undefined) set.error = patch.error;
  if (patch.exitCode !== undefined) set.exit_code = patch.exitCode;
  if (patch.outputs !== undefined) set.outputs = JSON.stringify(patch.outputs);
  if (patch.startedAt !== undefined) set.started_at = patch.startedAt;
  if (patch.finishedAt !== undefined) set.finished_at = patch.finishedAt;
  if (patch.workerId !== undefined) set.worker_id = patch.workerId;
  if (patch.leaseUntil !== undefined) set.lease_until = patch.leaseUntil;
  if (patch.attempts !== undefined) set.attempts = patch.attempts;
  return set;
}

/** The jobs, stored through `db` (the database or a transaction). */
export function createJobRepository(db: Kysely<Database>, clock: Clock): JobRepository {
  const filtered = (filter: JobFilter) => db.selectFrom("jobs")
    .$if(filter.ownerId !== undefined, (q) => q.where("owner_id", "=", filter.ownerId!))
    .$if(filter.status !== undefined, (q) => q.where("status", "=", filter.status!));

  /** One append attempt; undefined when a concurrent append took the same position first. */
  const tryAppend = (id: number, stream: string, text: string) =>
    guarded("That log entry", () => db.insertInto("job_logs")
      .columns(["job_id", "stream", "seq", "text", "created_at"])
      // The position is computed inside the insert; on PostgreSQL two appends can still read the
      // same max(seq), and then the primary key turns the later one into a no-op, retried here.
      .expression(db.selectFrom("job_logs").select([
        sql<number>`cast(${id} as bigint)`.as("job_id"),
        sql<string>`cast(${stream} as text)`.as("stream"),
        sql<number>`coalesce(max(seq), 0) + 1`.as("seq"),
        sql<string>`cast(${text} as text)`.as("text"),
        sql<string>`cast(${isoNow(clock)} as text)`.as("created_at"),
      ]).where("job_id", "=", id).where("stream", "=", stream))
      .onConflict((oc) => oc.columns(["job_id", "stream", "seq"]).doNothing())
      .returning("seq").executeTakeFirst());

  return {
    async insert(job) {
      const row = await guarded("That job", () => db.insertInto("jobs").values({
        script_id: job.scriptId, script_name: job.scriptName, script_sha256: job.scriptSha256,
        owner_id: job.ownerId, group_id: job.groupId, status: "queued", inputs: JSON.stringify(job.inputs),
        progress_fraction: 0, progress_message: "", outputs: "{}", attempts: 0, created_at: isoNow(clock),
      }).returningAll().executeTakeFirstOrThrow());
      return toJobRecord(row);
    },

    async findById(id) {
      const row = await db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
      return row && toJobRecord(row);
    },

    // Newest first: the Activities list shows the latest jobs at the top.
    async list(filter, page) {
      const rows = await filtered(filter).selectAll().orderBy("id", "desc").limit(page.limit).offset(page.offset).execute();
      const total = await filtered(filter).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      return { items: rows.map(toJobRecord), total: toCount(total.n) };
    },

    async transition(id, from, to, patch = {}) {
      // The state machine is the model's; a move it forbids is a bug in the caller, not a lost
      // race. Staying in a status is allowed: that is a patch guarded by the current status.
      const illegal = from.filter((f) => f !== to && !canTransition(f, to));
      if (from.length === 0 || illegal.length > 0) {
        throw new FoveaError("INTERNAL", `Job ${id}: no transition ${from.length === 0 ? "(from nothing)" : illegal.join("|")} → ${to}`);
      }
      const row = await db.updateTable("jobs").set(toJobUpdate(to, patch))
        .where("id", "=", id).where("status", "in", [...from]).returningAll().executeTakeFirst();
      return row && toJobRecord(row);
    },

    async setProgress(id, fraction, message) {
      const result = await db.updateTable("jobs").set({ progress_fraction: fraction, progress_message: message })
        .where("id", "=", id).executeTakeFirst();
      if (affected(result.numUpdatedRows) === 0) throw notFound("Job", id);
    },

    async appendLog(id, stream, text) {
      if (text.length === 0) return;
      for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
        if (await tryAppend(id, stream, text)) return;
      }
      throw new FoveaError("INTERNAL", `Job ${id}: could not append to ${stream} after ${APPEND_ATTEMPTS} attempts`);
    },

    async readLog(id, stream) {
      const rows = await db.selectFrom("job_logs").select("text")
        .where("job_id", "=", id).where("stream", "=", stream).orderBy("seq").execute();
      return rows.map((r) => r.text).join("");
    },
  };
}
