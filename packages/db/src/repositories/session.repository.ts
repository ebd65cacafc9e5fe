/** Login sessions, API tokens and job tokens: only the hash of each token is stored. */
import type { Kysely } from "kysely";
import type { SessionKind, SessionRecord, SessionRepository } from "@fovea/core";
import { guarded, notFound } from "./db-errors.ts";
import { affected } from "./row-values.ts";
import type { Database, SessionRow } from "../schema.ts";

function toSessionRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    userId: row.user_id,
    groupId: row.group_id,
    kind: row.kind as SessionKind,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** The sessions, stored through `db` (the database or a transaction). */
export function createSessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async insert(s) {
      const row = await guarded("A session with that token", () =>
        db.insertInto("sessions").values({
          token_hash: s.tokenHash,
          user_id: s.userId,
          group_id: s.groupId,
          kind: s.kind,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          job_id: s.jobId ?? null,
        }).returningAll().executeTakeFirstOrThrow());
      return toSessionRecord(row);
    },

    async findByTokenHash(tokenHash) {
      const row = await db.selectFrom("sessions").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
      return row && toSessionRecord(row);
    },

    async setGroup(id, groupId) {
      const result = await guarded("That session", () =>
        db.updateTable("sessions").set({ group_id: groupId }).where("id", "=", id).executeTakeFirst());
      if (affected(result.numUpdatedRows) === 0) throw notFound("Session", id);
    },

    // Logging out twice (two tabs, a retried request) is not an error, so a missing row is ignored.
    async deleteById(id) {
      await db.deleteFrom("sessions").where("id", "=", id).execute();
    },

    /** Times are ISO-8601 UTC strings of one fixed width, so text comparison orders them. */
    async deleteExpired(now) {
      const result = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
      return affected(result.numDeletedRows);
    },

    async deleteByJob(jobId) {
      const result = await db.deleteFrom("sessions").where("job_id", "=", jobId).executeTakeFirst();
      return affected(result.numDeletedRows);
    },
  };
}
