/** ROIs of an image and their shapes. Every change to a shape also stamps its ROI's updated_at. */
import type { Kysely } from "kysely";
import type { ShapeInput } from "@fovea/model";
import type { Clock, RoiRecord, RoiRepository, ShapeRecord } from "@fovea/core";
import { isoNow } from "./clock.ts";
import { guarded, notFound } from "./db-errors.ts";
import { deleteRoisWhere } from "./roi-cascade.ts";
import { affected, toCount } from "./row-values.ts";
import type { Database, RoiRow } from "../schema.ts";
import { toShapeColumns, toShapeRecord, toShapeRow } from "./shape-rows.ts";
import { inTransaction } from "../transaction.ts";
import { visibilityCondition } from "./visibility.ts";

function toRoiRecord(row: RoiRow, shapes: ShapeRecord[]): RoiRecord {
  return {
    id: row.id,
    imageId: row.image_id,
    name: row.name,
    description: row.description,
    ownerId: row.owner_id,
    groupId: row.group_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    shapes,
  };
}

/** Shapes of the given ROIs, grouped by ROI id and ordered by shape id. */
async function shapesOf(db: Kysely<Database>, roiIds: number[]): Promise<Map<number, ShapeRecord[]>> {
  const byRoi = new Map<number, ShapeRecord[]>(roiIds.map((id) => [id, []]));
  if (roiIds.length === 0) return byRoi;
  const rows = await db.selectFrom("shapes").selectAll().where("roi_id", "in", roiIds).orderBy("id").execute();
  for (const row of rows) byRoi.get(row.roi_id)?.push(toShapeRecord(row));
  return byRoi;
}

async function insertShapes(db: Kysely<Database>, roiId: number, shapes: readonly ShapeInput[]): Promise<ShapeRecord[]> {
  if (shapes.length === 0) return [];
  const rows = await db.insertInto("shapes").values(shapes.map((s) => toShapeRow(roiId, s))).returningAll().execute();
  // RETURNING order is not guaranteed by SQL; ids are ascending in insertion order on both dialects.
  return rows.sort((a, b) => a.id - b.id).map(toShapeRecord);
}

async function touchRoi(db: Kysely<Database>, roiId: number, now: string): Promise<void> {
  const result = await db.updateTable("rois").set({ updated_at: now }).where("id", "=", roiId).executeTakeFirst();
  if (affected(result.numUpdatedRows) === 0) throw notFound("ROI", roiId);
}

/** The ROIs and shapes, stored through `db` (the database or a transaction). */
export function createRoiRepository(db: Kysely<Database>, clock: Clock): RoiRepository {
  const findById = async (id: number): Promise<RoiRecord | undefined> => {
    const row = await db.selectFrom("rois").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return undefined;
    return toRoiRecord(row, (await shapesOf(db, [id])).get(id) ?? []);
  };

  return {
    insert(roi) {
      return inTransaction(db, async (trx) => {
        const now = isoNow(clock);
        const row = await guarded("That ROI", () =>
          trx.insertInto("rois").values({
            image_id: roi.imageId, name: roi.name, description: roi.description, owner_id: roi.ownerId,
            group_id: roi.groupId, created_at: now, updated_at: now,
          }).returningAll().executeTakeFirstOrThrow());
        return toRoiRecord(row, await insertShapes(trx, row.id, roi.shapes));
      });
    },

    findById,

    async listByImage(imageId, scope, page) {
      const base = () => {
        const q = db.selectFrom("rois as r").where("r.image_id", "=", imageId);
        const visible = visibilityCondition(scope, "r");
        return visible ? q.where(visible) : q;
      };
      const rows = await base().selectAll("r").orderBy("r.id").limit(page.limit).offset(page.offset).execute();
      const total = await base().select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      const shapes = await shapesOf(db, rows.map((r) => r.id));
      return { items: rows.map((r) => toRoiRecord(r, shapes.get(r.id) ?? [])), total: toCount(total.n) };
    },

    async update(id, patch) {
      await db.updateTable("rois")
        .set({
          updated_at: isoNow(clock),
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.description === undefined ? {} : { description: patch.description }),
        })
        .where("id", "=", id).execute();
      const roi = await findById(id);
      if (!roi) throw notFound("ROI", id);
      return roi;
    },

    delete(id) {
      return inTransaction(db, async (trx) => {
        if ((await deleteRoisWhere(trx, "id", id)) === 0) throw notFound("ROI", id);
      });
    },

    addShapes(roiId, shapes) {
      return inTransaction(db, async (trx) => {
        await touchRoi(trx, roiId, isoNow(clock));
        return insertShapes(trx, roiId, shapes);
      });
    },

    async findShape(id) {
      const row = await db.selectFrom("shapes").selectAll().where("id", "=", id).executeTakeFirst();
      return row && toShapeRecord(row);
    },

    replaceShape(id, shape) {
      return inTransaction(db, async (trx) => {
        const row = await trx.updateTable("shapes").set(toShapeColumns(shape)).where("id", "=", id).returningAll().executeTakeFirst();
        if (!row) throw notFound("Shape", id);
        await touchRoi(trx, row.roi_id, isoNow(clock));
        return toShapeRecord(row);
      });
    },

    deleteShape(id) {
      return inTransaction(db, async (trx) => {
        const row = await trx.deleteFrom("shapes").where("id", "=", id).returning("roi_id").executeTakeFirst();
        if (!row) throw notFound("Shape", id);
        await touchRoi(trx, row.roi_id, isoNow(clock));
      });
    },
  };
}
