/**
 * Scripts and their versions (SPEC §4). The scripts row mirrors its current version's hash and
 * declaration, so listing never reads the (large) sources; replacing a script adds a version and
 * moves the mirror, keeping the old versions that earlier jobs ran.
 */
import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import { FoveaError, type ScriptDeclaration, type ScriptLanguage } from "@fovea/model";
import type { Clock, ScriptFilter, ScriptRecord, ScriptRepository, ScriptVersionRecord } from "@fovea/core";
import { isoNow } from "./clock.ts";
import { guarded, notFound } from "./db-errors.ts";
import { affected, fromBool, toBool, toCount } from "./row-values.ts";
import type { Database, ScriptRow, ScriptVersionRow } from "../schema.ts";
import { inTransaction } from "../transaction.ts";

type NewVersion = Omit<ScriptVersionRecord, "scriptId" | "createdAt">;

function toScriptRecord(row: ScriptRow): ScriptRecord {
  return {
    id: row.id, name: row.name, folder: row.folder, language: row.language as ScriptLanguage,
    official: toBool(row.official), enabled: toBool(row.enabled), ownerId: row.owner_id,
    declaration: JSON.parse(row.declaration) as ScriptDeclaration, sha256: row.sha256,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function toVersionRecord(row: ScriptVersionRow): ScriptVersionRecord {
  return {
    scriptId: row.script_id, sha256: row.sha256, source: row.source, runnable: row.runnable,
    declaration: JSON.parse(row.declaration) as ScriptDeclaration, uploadedBy: row.uploaded_by, createdAt: row.created_at,
  };
}

/**
 * The official flag as a literal, not a parameter: the planners can then match the partial
 * unique indexes (`WHERE official = 1|0`), and SQLite 3.53 fails with "internal query planner
 * error" on `count(*) … WHERE (official = ? OR (official = ? AND owner_id = ?)) AND folder = ?`.
 */
const OFFICIAL = sql.lit(1);
const USER = sql.lit(0);

/** The rows `filter` selects: official scripts, plus the owner's own when given (SPEC §4). */
function filtered(db: Kysely<Database>, filter: ScriptFilter): SelectQueryBuilder<Database, "scripts", object> {
  const { ownerId, officialOnly, folder, includeDisabled } = filter;
  return db.selectFrom("scripts")
    .where((eb) => (ownerId === undefined || officialOnly === true
      ? eb("official", "=", OFFICIAL)
      : eb.or([eb("official", "=", OFFICIAL), eb.and([eb("official", "=", USER), eb("owner_id", "=", ownerId)])])))
    .$if(folder !== undefined, (q) => q.where("folder", "=", folder!))
    .$if(includeDisabled !== true, (q) => q.where("enabled", "=", 1));
}

/** The scripts, stored through `db` (the database or a transaction). */
export function createScriptRepository(db: Kysely<Database>, clock: Clock): ScriptRepository {
  const insertVersion = (trx: Kysely<Database>, scriptId: number, v: NewVersion, now: string) =>
    trx.insertInto("script_versions").values({
      script_id: scriptId, sha256: v.sha256, source: v.source, runnable: v.runnable,
      declaration: JSON.stringify(v.declaration), uploaded_by: v.uploadedBy, created_at: now,
    });

  return {
    async insert(script, version) {
      if (script.sha256 !== version.sha256) {
        throw new FoveaError("INTERNAL", `A new script's hash (${script.sha256}) must be its first version's (${version.sha256})`);
      }
      const what = script.official ? `An official script ${script.folder}/${script.name}` : `Your script ${script.folder}/${script.name}`;
      return guarded(what, () => inTransaction(db, async (trx) => {
        const now = isoNow(clock);
        const row = await trx.insertInto("scripts").values({
          name: script.name, folder: script.folder, language: script.language, official: fromBool(script.official),
          enabled: fromBool(script.enabled), owner_id: script.ownerId, declaration: JSON.stringify(script.declaration),
          sha256: script.sha256, created_at: now, updated_at: now,
        }).returningAll().executeTakeFirstOrThrow();
        await insertVersion(trx, row.id, version, now).execute();
        return toScriptRecord(row);
      }));
    },

    async findById(id) {
      const row = await db.selectFrom("scripts").selectAll().where("id", "=", id).executeTakeFirst();
      return row && toScriptRecord(row);
    },

    async findByName(folder, name, official, ownerId) {
      // A user script's name is unique only per owner, so without one the question is ambiguous.
      if (!official && ownerId === undefined) throw new FoveaError("INTERNAL", "Finding a user script by name needs its owner");
      const row = await db.selectFrom("scripts").selectAll()
        .where("folder", "=", folder).where("name", "=", name).where("official", "=", official ? OFFICIAL : USER)
        .$if(!official, (q) => q.where("owner_id", "=", ownerId!))
        .executeTakeFirst();
      return row && toScriptRecord(row);
    },

    async list(filter, page) {
      const rows = await filtered(db, filter).selectAll()
        .orderBy("folder").orderBy("name").orderBy("id").limit(page.limit).offset(page.offset).execute();
      const total = await filtered(db, filter).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      return { items: rows.map(toScriptRecord), total: toCount(total.n) };
    },

    // Uploading content that is already a version (a revert) keeps the stored version and makes
    // it current again, rather than failing on the (script_id, sha256) key.
    async addVersion(scriptId, version) {
      return guarded("That script version", () => inTransaction(db, async (trx) => {
        const now = isoNow(clock);
        await insertVersion(trx, scriptId, version, now).onConflict((oc) => oc.columns(["script_id", "sha256"]).doNothing()).execute();
        const row = await trx.updateTable("scripts")
          .set({ sha256: version.sha256, declaration: JSON.stringify(version.declaration), updated_at: now })
          .where("id", "=", scriptId).returningAll().executeTakeFirst();
        if (!row) throw notFound("Script", scriptId);
        return toScriptRecord(row);
      }));
    },

    async findVersion(scriptId, sha256) {
      const row = await db.selectFrom("script_versions").selectAll()
        .where("script_id", "=", scriptId).where("sha256", "=", sha256).executeTakeFirst();
      return row && toVersionRecord(row);
    },

    async listVersions(scriptId) {
      const rows = await db.selectFrom("script_versions")
        .select(["script_id", "sha256", "declaration", "uploaded_by", "created_at"])
        .where("script_id", "=", scriptId).orderBy("created_at").orderBy("sha256").execute();
      return rows.map((r) => ({
        scriptId: r.script_id, sha256: r.sha256, declaration: JSON.parse(r.declaration) as ScriptDeclaration,
        uploadedBy: r.uploaded_by, createdAt: r.created_at,
      }));
    },

    async setEnabled(id, enabled) {
      const row = await db.updateTable("scripts").set({ enabled: fromBool(enabled), updated_at: isoNow(clock) })
        .where("id", "=", id).returningAll().executeTakeFirst();
      if (!row) throw notFound("Script", id);
      return toScriptRecord(row);
    },

    // Versions go with the script (ON DELETE CASCADE); jobs keep the script's name and hash.
    async delete(id) {
      const result = await db.deleteFrom("scripts").where("id", "=", id).executeTakeFirst();
      if (affected(result.numDeletedRows) === 0) throw notFound("Script", id);
    },
  };
}
