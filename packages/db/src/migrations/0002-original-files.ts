/**
 * Original files (SPEC §2–3): the files an image was imported from, kept and downloadable. One
 * file may hold several images (series) and one image may come from several files (an OME-Zarr
 * folder), hence the link table; deleting an image removes its links, and the service deletes
 * files no image refers to any more.
 */
import type { Kysely, Migration } from "kysely";
import type { SqlDialect } from "../schema.ts";

export function originalFilesMigration(dialect: SqlDialect): Migration {
  const sqlite = dialect === "sqlite";
  const ref = sqlite ? "integer" : "bigint";
  return {
    async up(db: Kysely<unknown>) {
      const base = db.schema.createTable("original_files");
      await (sqlite ? base.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()) : base.addColumn("id", "bigserial", (c) => c.primaryKey()))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("mime_type", "text", (c) => c.notNull())
        .addColumn("size", ref, (c) => c.notNull())
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("storage_key", "text", (c) => c.notNull())
        .addColumn("owner_id", ref, (c) => c.notNull().references("users.id"))
        .addColumn("group_id", ref, (c) => c.notNull().references("groups.id"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createTable("image_original_files")
        .addColumn("image_id", ref, (c) => c.notNull().references("images.id").onDelete("cascade"))
        .addColumn("file_id", ref, (c) => c.notNull().references("original_files.id").onDelete("cascade"))
        .addPrimaryKeyConstraint("image_original_files_pk", ["image_id", "file_id"])
        .execute();
      await db.schema.createIndex("image_original_files_file_idx").on("image_original_files").column("file_id").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("image_original_files").execute();
      await db.schema.dropTable("original_files").execute();
    },
  };
}
