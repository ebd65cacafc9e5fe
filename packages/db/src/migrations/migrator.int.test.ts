import assert from "node:assert/strict";
import { it } from "node:test";
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { forEachDialect } from "../testing/test-dialects.ts";
import { migrateToLatest } from "./migrator.ts";

const TABLES = [
  "annotation_links", "annotations", "channels", "dataset_image_links", "datasets", "group_members", "groups",
  "images", "project_dataset_links", "projects", "rois", "sessions", "shapes", "users",
  "original_files", "image_original_files", "scripts", "script_versions", "jobs", "job_logs",
];

forEachDialect("migrations", (fx) => {
  it("creates every table", async () => {
    const tables = (await fx.handle.db.introspection.getTables()).map((t) => t.name);
    for (const name of TABLES) assert.ok(tables.includes(name), `missing table ${name}`);
  });

  it("is idempotent: a second run applies nothing and keeps the data", async () => {
    const user = await fx.build.user("kept");
    await fx.handle.migrate();
    const again = await migrateToLatest(fx.handle.db, {
      dialect: fx.dialect,
      schema: fx.dialect === "postgres" ? await currentSchema(fx.handle.db) : undefined,
    });
    assert.deepEqual(again.results, []);
    assert.equal((await fx.repos.users.findById(user.id))?.username, "kept");
  });

  it("enforces foreign keys", async () => {
    await assert.rejects(
      fx.repos.containers.insert("project", { ownerId: 999, groupId: 999, name: "p", description: "" }),
      { name: "FoveaError", code: "NOT_FOUND" },
    );
  });
});

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const row = await sql<{ s: string }>`select current_schema() as s`.execute(db);
  return row.rows[0]!.s;
}
