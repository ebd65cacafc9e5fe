/** Annotations (file, tag, comment, map) and their links to projects, datasets, images and ROIs. */
import type { Kysely, Updateable } from "kysely";
import type {
  AnnotationFilter, AnnotationKind, AnnotationRecord, AnnotationRepository, Clock, LinkRecord,
} from "@fovea/core";
import { isoNow } from "./clock.ts";
import { guarded, notFound } from "./db-errors.ts";
import { affected, toCount } from "./row-values.ts";
import type { AnnotationLinkRow, AnnotationRow, AnnotationsTable, Database } from "../schema.ts";
import { inTransaction } from "../transaction.ts";
import { visibilityCondition } from "./visibility.ts";

type AnnotationPatch = Parameters<AnnotationRepository["update"]>[1];

function toAnnotationRecord(row: AnnotationRow): AnnotationRecord {
  return {
    id: row.id,
    kind: row.kind as AnnotationKind,
    namespace: row.namespace,
    description: row.description,
    textValue: row.text_value,
    mapValue: row.map_value === null ? null : (JSON.parse(row.map_value) as [string, string][]),
    fileName: row.file_name,
    mimeType: row.mime_type,
    fileSize: row.file_size,
    sha256: row.sha256,
    storageKey: row.storage_key,
    ownerId: row.owner_id,
    groupId: row.group_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The annotation is the link's child. */
function toAnnotationLinkRecord(row: AnnotationLinkRow): LinkRecord {
  return {
    id: row.id,
    parentId: row.parent_id,
    childId: row.annotation_id,
    ownerId: row.owner_id,
    groupId: row.group_id,
    createdAt: row.created_at,
  };
}

function toAnnotationUpdate(patch: AnnotationPatch, now: string): Updateable<AnnotationsTable> {
  const set: Updateable<AnnotationsTable> = { updated_at: now };
  if (patch.namespace !== undefined) set.namespace = patch.namespace;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.textValue !== undefined) set.text_value = patch.textValue;
  if (patch.mapValue !== undefined) set.map_value = JSON.stringify(patch.mapValue);
  return set;
}

function filteredAnnotations(db: Kysely<Database>, filter: AnnotationFilter) {
  let q = db.selectFrom("annotations as a");
  const visible = visibilityCondition(filter.scope, "a");
  if (visible) q = q.where(visible);
  if (filter.kind !== undefined) q = q.where("a.kind", "=", filter.kind);
  if (filter.namespace !== undefined) q = q.where("a.namespace", "=", filter.namespace);
  const linkedTo = filter.linkedTo;
  if (linkedTo !== undefined) {
    q = q.where("a.id", "in", db.selectFrom("annotation_links").select("annotation_id")
      .where("parent_kind", "=", linkedTo.kind).where("parent_id", "=", linkedTo.id));
  }
  return q;
}

/** The annotations and annotation links, stored through `db` (the database or a transaction). */
export function createAnnotationRepository(db: Kysely<Database>, clock: Clock): AnnotationRepository {
  return {
    async insert(a) {
      const now = isoNow(clock);
      const row = await guarded("That annotation", () =>
        db.insertInto("annotations").values({
          kind: a.kind, namespace: a.namespace, description: a.description, text_value: a.textValue,
          map_value: a.mapValue === null ? null : JSON.stringify(a.mapValue),
          file_name: a.fileName, mime_type: a.mimeType, file_size: a.fileSize, sha256: a.sha256,
          storage_key: a.storageKey, owner_id: a.ownerId, group_id: a.groupId, created_at: now, updated_at: now,
        }).returningAll().executeTakeFirstOrThrow());
      return toAnnotationRecord(row);
    },

    async findById(id) {
      const row = await db.selectFrom("annotations").selectAll().where("id", "=", id).executeTakeFirst();
      return row && toAnnotationRecord(row);
    },

    async list(filter, page) {
      const rows = await filteredAnnotations(db, filter).selectAll("a")
        .orderBy("a.id").limit(page.limit).offset(page.offset).execute();
      const total = await filteredAnnotations(db, filter).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      return { items: rows.map(toAnnotationRecord), total: toCount(total.n) };
    },

    async update(id, patch) {
      const row = await db.updateTable("annotations").set(toAnnotationUpdate(patch, isoNow(clock)))
        .where("id", "=", id).returningAll().executeTakeFirst();
      if (!row) throw notFound("Annotation", id);
      return toAnnotationRecord(row);
    },

    delete(id) {
      return inTransaction(db, async (trx) => {
        await trx.deleteFrom("annotation_links").where("annotation_id", "=", id).execute();
        const result = await trx.deleteFrom("annotations").where("id", "=", id).executeTakeFirst();
        if (affected(result.numDeletedRows) === 0) throw notFound("Annotation", id);
      });
    },

    async insertLink(link) {
      const row = await guarded(`A link from ${link.parentKind} ${link.parentId} to annotation ${link.annotationId}`, () =>
        db.insertInto("annotation_links").values({
          parent_kind: link.parentKind, parent_id: link.parentId, annotation_id: link.annotationId,
          owner_id: link.ownerId, group_id: link.groupId, created_at: isoNow(clock),
        }).returningAll().executeTakeFirstOrThrow());
      return toAnnotationLinkRecord(row);
    },

    async findLink(parentKind, parentId, annotationId) {
      const row = await db.selectFrom("annotation_links").selectAll().where("parent_kind", "=", parentKind)
        .where("parent_id", "=", parentId).where("annotation_id", "=", annotationId).executeTakeFirst();
      return row && toAnnotationLinkRecord(row);
    },

    async deleteLink(linkId) {
      const result = await db.deleteFrom("annotation_links").where("id", "=", linkId).executeTakeFirst();
      if (affected(result.numDeletedRows) === 0) throw notFound("Annotation link", linkId);
    },
  };
}
