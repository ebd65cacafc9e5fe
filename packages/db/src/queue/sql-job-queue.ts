/**
 * The embedded JobQueue (SPEC §5: "on one machine the queue lives in the embedded database"): the
 * jobs table is the queue. A dispatcher claims the oldest queued job by writing its worker id and
 * a lease deadline, renews the lease by heartbeat while the job runs, and loses it when the
 * deadline passes; another dispatcher then sees the job in `expired` and recovers it. Statuses
 * are not this class's business: the caller moves a claimed job to running, and on to its end,
 * through JobRepository.transition.
 */
import type { ExpressionBuilder, Kysely } from "kysely";
import type { Clock, JobQueue } from "@fovea/core";
import { systemClock } from "../repositories/clock.ts";
import type { Database, SqlDialect } from "../schema.ts";

/** What the queue needs: the database (not a transaction: each call is one atomic statement). */
export interface SqlJobQueueOptions {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
  /** Source of "now" for lease deadlines; the system clock by default. */
  readonly clock?: Clock;
}

/** Statuses whose lease means something: a queued job being picked up, or a running one. */
const LEASED = ["queued", "running"];

/** Lease times are stored as fixed-width ISO-8601 UTC text, so text comparison orders them. */
function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The JobQueue over the jobs table; see the file comment. */
export class SqlJobQueue implements JobQueue {
  readonly #db: Kysely<Database>;
  readonly #dialect: SqlDialect;
  readonly #clock: Clock;

  constructor(options: SqlJobQueueOptions) {
    this.#db = options.db;
    this.#dialect = options.dialect;
    this.#clock = options.clock ?? systemClock;
  }

  /**
   * A queued row is already available, so this only releases a lease that ran out (a claimer died
   * before starting the job). A live lease is left alone: its holder may be about to start it.
   */
  async enqueue(jobId: number): Promise<void> {
    await this.#db.updateTable("jobs").set({ worker_id: null, lease_until: null })
      .where("id", "=", jobId).where("status", "=", "queued").where("lease_until", "<", this.#nowIso())
      .execute();
  }

  /**
   * One UPDATE takes the oldest available job. SQLite runs it under its single write lock, so
   * claimers are serialised. On PostgreSQL concurrent claimers would all pick the same row: the
   * subquery locks it and `SKIP LOCKED` sends the others on to the next row, and the outer
   * condition, re-checked on the row's latest version, is what guarantees a row is never
   * claimed twice (without it, a claimer that waited for the lock would overwrite the lease).
   */
  async claim(workerId: string, leaseMs: number): Promise<number | undefined> {
    const now = this.#clock.now().getTime();
    const available = (eb: ExpressionBuilder<Database, "jobs">) => eb.and([
      eb("status", "=", "queued"),
      eb.or([eb("lease_until", "is", null), eb("lease_until", "<", iso(now))]),
    ]);
    const oldest = this.#db.selectFrom("jobs").select("id").where(available).orderBy("id").limit(1)
      .$if(this.#dialect === "postgres", (q) => q.forUpdate().skipLocked());
    const row = await this.#db.updateTable("jobs").set({ worker_id: workerId, lease_until: iso(now + leaseMs) })
      .where("id", "=", oldest).where(available)
      .returning("id").executeTakeFirst();
    return row?.id;
  }

  /**
   * A lease that already ran out is not renewed: by then another dispatcher may be recovering the
   * job, and two parties each believing they own it is the failure leases exist to prevent.
   */
  async heartbeat(jobId: number, workerId: string, leaseMs: number): Promise<boolean> {
    const now = this.#clock.now().getTime();
    const row = await this.#db.updateTable("jobs").set({ lease_until: iso(now + leaseMs) })
      .where("id", "=", jobId).where("worker_id", "=", workerId).where("status", "in", LEASED)
      .where("lease_until", ">=", iso(now))
      .returning("id").executeTakeFirst();
    return row !== undefined;
  }

  async expired(now: Date): Promise<number[]> {
    const rows = await this.#db.selectFrom("jobs").select("id")
      .where("status", "in", LEASED).where("lease_until", "<", now.toISOString())
      .orderBy("id").execute();
    return rows.map((r) => r.id);
  }

  #nowIso(): string {
    return this.#clock.now().toISOString();
  }
}
