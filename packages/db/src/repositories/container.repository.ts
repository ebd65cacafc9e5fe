/** Projects, datasets and images (with channels), and the links that make them a tree. */
import type { Kysely } from "kysely";
import type { Clock, ContainerFilter, ContainerRepository, ImageRecord, Page } from "@fovea/core";
import { isoNow } from "./clock.ts";
import { deleteContainer } from "./container-delete.ts";
import { filteredContainers } from "./container-query.ts";
import { toChannelRow, toContainerRecord, toImageRecord, toImageRow, toLinkRecord } from "./container-rows.ts";
import { CHILD_LINKS, CONTAINER_LABEL, containerTable, PARENT_LINKS } from "./container-tables.ts";
import { guarded, notFound } from "./db-errors.ts";
import { affected, toCount } from "./row-values.ts";
import type { Database } from "../schema.ts";
import { inTransaction } from "../transaction.ts";

async function findImage(db: Kysely<Database>, id: number): Promise<ImageRecord | undefined> {
  const row = await db.selectFrom("images").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const channels = await db.selectFrom("channels").selectAll().where("image_id", "=", id).orderBy("idx").execute();
  return toImageRecord(row, channels);
}

/** A page of images with their metadata; the page's channels come in one query, not one per image. */
async function listImages(db: Kysely<Database>, filter: ContainerFilter, page: Page): Promise<ImageRecord[]> {
  const rows = await (filteredContainers(db, "image", filter) as unknown as ReturnType<typeof imagesAsC>)
    .selectAll("c").orderBy("c.id").limit(page.limit).offset(page.offset).execute();
  if (rows.length === 0) return [];
  const channels = await db.selectFrom("channels").selectAll()
    .where("image_id", "in", rows.map((r) => r.id)).orderBy("image_id").orderBy("idx").execute();
  const byImage = new Map<number, typeof channels>();
  for (const ch of channels) {
    const list = byImage.get(ch.image_id) ?? [];
    list.push(ch);
    byImage.set(ch.image_id, list);
  }
  return rows.map((r) => toImageRecord(r, byImage.get(r.id) ?? []));
}

/** Only gives listImages the static type of an images query aliased `c`. */
function imagesAsC(db: Kysely<Database>) {
  return db.selectFrom("images as c");
}

/** The projects, datasets, images and their links, stored through `db` (the database or a transaction). */
export function createContainerRepository(db: Kysely<Database>, clock: Clock): ContainerRepository {
  return {
    async insert(kind, row) {
      const now = isoNow(clock);
      const inserted = await guarded(`That ${kind}`, () =>
        db.insertInto(containerTable(kind)).values({
          name: row.name, description: row.description, owner_id: row.ownerId, group_id: row.groupId,
          created_at: now, updated_at: now,
        }).returningAll().executeTakeFirstOrThrow());
      return toContainerRecord(inserted);
    },

    insertImage(image) {
      return inTransaction(db, async (trx) => {
        const { id } = await guarded("That image", () =>
          trx.insertInto("images").values(toImageRow(image, isoNow(clock))).returning("id").executeTakeFirstOrThrow());
        if (image.channels.length > 0) {
          await guarded(`A channel of image ${id} with that index`, () =>
            trx.insertInto("channels").values(image.channels.map((ch) => toChannelRow(id, ch))).execute());
        }
        const record = await findImage(trx, id);
        if (!record) throw notFound("Image", id);
        return record;
      });
    },

    async findById(kind, id) {
      const row = await db.selectFrom(containerTable(kind))
        .select(["id", "name", "description", "owner_id", "group_id", "created_at", "updated_at"])
        .where("id", "=", id).executeTakeFirst();
      return row && toContainerRecord(row);
    },

    findImage: (id) => findImage(db, id),

    async list(kind, filter, page) {
      const total = await filteredContainers(db, kind, filter)
        .select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      if (kind === "image") return { items: await listImages(db, filter, page), total: toCount(total.n) };
      const rows = await filteredContainers(db, kind, filter)
        .select(["c.id", "c.name", "c.description", "c.owner_id", "c.group_id", "c.created_at", "c.updated_at"])
        .orderBy("c.id").limit(page.limit).offset(page.offset).execute();
      return { items: rows.map(toContainerRecord), total: toCount(total.n) };
    },

    async update(kind, id, patch) {
      const row = await db.updateTable(containerTable(kind))
        .set({
          updated_at: isoNow(clock),
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.description === undefined ? {} : { description: patch.description }),
        })
        .where("id", "=", id)
        .returning(["id", "name", "description", "owner_id", "group_id", "created_at", "updated_at"])
        .executeTakeFirst();
      if (!row) throw notFound(CONTAINER_LABEL[kind], id);
      return toContainerRecord(row);
    },

    delete(kind, id) {
      return inTransaction(db, (trx) => deleteContainer(trx, kind, id));
    },

    async insertLink(kind, link) {
      const row = await guarded(`A link from ${kind} ${link.parentId} to ${link.childId}`, () =>
        db.insertInto(CHILD_LINKS[kind]).values({
          parent_id: link.parentId, child_id: link.childId, owner_id: link.ownerId, group_id: link.groupId,
          created_at: isoNow(clock),
        }).returningAll().executeTakeFirstOrThrow());
      return toLinkRecord(row);
    },

    async findLink(kind, parentId, childId) {
      const row = await db.selectFrom(CHILD_LINKS[kind]).selectAll()
        .where("parent_id", "=", parentId).where("child_id", "=", childId).executeTakeFirst();
      return row && toLinkRecord(row);
    },

    async deleteLink(kind, linkId) {
      const result = await db.deleteFrom(CHILD_LINKS[kind]).where("id", "=", linkId).executeTakeFirst();
      if (affected(result.numDeletedRows) === 0) throw notFound("Link", linkId);
    },

    async parentIds(kind, childId) {
      const rows = await db.selectFrom(PARENT_LINKS[kind]).select("parent_id")
        .where("child_id", "=", childId).orderBy("parent_id").execute();
      return rows.map((r) => r.parent_id);
    },
  };
}
