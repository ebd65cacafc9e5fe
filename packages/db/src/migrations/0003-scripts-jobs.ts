/**
 * Scripts and jobs (SPEC §4–5). `scripts` holds the current version of each script and
 * `script_versions` every version ever uploaded, because a job records the exact content hash it
 * ran. `jobs` is also the embedded queue: worker_id + lease_until are the lease a dispatcher holds
 * and renews by heartbeat. Portable DDL as in 0001; booleans are 0/1, JSON and times are text.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { SqlDialect } from "../schema.ts";

function columnTypes(dialect: SqlDialect) {
  const sqlite = dialect === "sqlite";
  return {
    serial: sqlite ? ("integer" as const) : ("bigserial" as const),
    ref: sqlite ? ("integer" as const) : ("bigint" as const),
    double: sqlite ? ("real" as const) : ("double precision" as const),
  };
}

async function createScripts(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const { serial, ref } = columnTypes(dialect);
  await db.schema.createTable("scripts")
    .addColumn("id", serial, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("folder", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("official", "integer", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("owner_id", ref, (c) => c.notNull().references("users.id"))
    .addColumn("declaration", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // Official scripts share one namespace; user scripts have one per owner (SPEC §4), so the same
  // name may exist once officially and once for each user. Partial indexes work on both dialects.
  await db.schema.createIndex("scripts_official_name_uq").on("scripts").columns(["folder", "name"]).unique()
    .where(sql.ref("official"), "=", 1).execute();
  await db.schema.createIndex("scripts_user_name_uq").on("scripts").columns(["owner_id", "folder", "name"]).unique()
    .where(sql.ref("official"), "=", 0).execute();
  await db.schema.createTable("script_versions")
    .addColumn("script_id", ref, (c) => c.notNull().references("scripts.id").onDelete("cascade"))
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("runnable", "text", (c) => c.notNull())
    .addColumn("declaration", "text", (c) => c.notNull())
    .addColumn("uploaded_by", ref, (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("script_versions_pk", ["script_id", "sha256"])
    .execute();
}

async function createJobs(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const { serial, ref, double } = columnTypes(dialect);
  await db.schema.createTable("jobs")
    .addColumn("id", serial, (c) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey()))
    // No foreign key: the job history outlives a deleted script (name and hash say what ran).
    .addColumn("script_id", ref, (c) => c.notNull())
    .addColumn("script_name", "text", (c) => c.notNull())
    .addColumn("script_sha256", "text", (c) => c.notNull())
    .addColumn("owner_id", ref, (c) => c.notNull().references("users.id"))
    .addColumn("group_id", ref, (c) => c.notNull().references("groups.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("inputs", "text", (c) => c.notNull())
    .addColumn("progress_fraction", double, (c) => c.notNull().defaultTo(0))
    .addColumn("progress_message", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("outputs", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("error", "text")
    .addColumn("exit_code", "integer")
    .addColumn("worker_id", "text")
    .addColumn("lease_until", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .execute();
  // (status, id) serves the queue's "oldest queued job"; (owner_id, id) the Activities list;
  // lease_until the sweep for leases that ran out.
  await db.schema.createIndex("jobs_status_id_idx").on("jobs").columns(["status", "id"]).execute();
  await db.schema.createIndex("jobs_owner_id_idx").on("jobs").columns(["owner_id", "id"]).execute();
  await db.schema.createIndex("jobs_lease_until_idx").on("jobs").column("lease_until").execute();
  // seq is per (job, stream) and unique, so concurrent appends cannot take the same place
  // (job.repository.ts retries the one that loses).
  await db.schema.createTable("job_logs")
    .addColumn("job_id", ref, (c) => c.notNull().references("jobs.id").onDelete("cascade"))
    .addColumn("stream", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("job_logs_pk", ["job_id", "stream", "seq"])
    .execute();
}

export function scriptsJobsMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createScripts(db, dialect);
      await createJobs(db, dialect);
      // Job-scoped tokens (SPEC §5: valid only while the job runs) are found, and deleted, by job.
      // No foreign key: SQLite cannot drop a referencing column, which would make `down` fail.
      await db.schema.alterTable("sessions").addColumn("job_id", columnTypes(dialect).ref).execute();
      await db.schema.createIndex("sessions_job_id_idx").on("sessions").column("job_id").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex("sessions_job_id_idx").execute();
      await db.schema.alterTable("sessions").dropColumn("job_id").execute();
      for (const table of ["job_logs", "jobs", "script_versions", "scripts"]) await db.schema.dropTable(table).execute();
    },
  };
}
