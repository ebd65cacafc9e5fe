/** Original files of images and their links (see migration 0002). */
import type { Kysely } from "kysely";
import type { Clock, OriginalFileRecord, OriginalFileRepository } from "@fovea/core";
import { isoNow } from "./clock.ts";
import type { Database } from "../schema.ts";

type Row = { id: number; name: string; mime_type: string; size: number; sha256: string; storage_key: string; owner_id: number; group_id: number; created_at: string };

function toRecord(r: Row): OriginalFileRecord {
  return {
    id: Number(r.id), name: r.name, mimeType: r.mime_type, size: Number(r.size), sha256: r.sha256, storageKey: r.storage_key,
    ownerId: Number(r.owner_id), groupId: Number(r.group_id), createdAt: r.created_at,
  };
}

export function createOriginalFileRepository(db: Kysely<Database>, clock: Clock): OriginalFileRepository {
  return {
    async insert(f) {
      const row = await db.insertInto("original_files").values({
        name: f.name, mime_type: f.mimeType, size: f.size, sha256: f.sha256, storage_key: f.storageKey,
        owner_id: f.ownerId, group_id: f.groupId, created_at: isoNow(clock),
      }).returningAll().executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async attach(imageId, fileId) {
      await db.insertInto("image_original_files").values({ image_id: imageId, file_id: fileId }).execute();
    },

    async findById(id) {
      const row = await db.selectFrom("original_files").selectAll().where("id", "=", id).executeTakeFirst();
      return row && toRecord(row);
    },

    async listByImage(imageId) {
      const rows = await db.selectFrom("original_files as f")
        .innerJoin("image_original_files as l", "l.file_id", "f.id")
        .selectAll("f").where("l.image_id", "=", imageId).orderBy("f.id").execute();
      return rows.map(toRecord);
    },

    async deleteUnreferenced(fileIds) {
      if (fileIds.length === 0) return [];
      const orphans = await db.selectFrom("original_files as f").select(["f.id", "f.storage_key"])
        .where("f.id", "in", [...fileIds])
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom("image_original_files as l").select("l.file_id").whereRef("l.file_id", "=", "f.id"))))
        .execute();
      if (orphans.length === 0) return [];
      await db.deleteFrom("original_files").where("id", "in", orphans.map((o) => o.id)).execute();
      return orphans.map((o) => o.storage_key);
    },
  };
}
