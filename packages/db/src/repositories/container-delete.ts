/** Deleting a project, dataset or image together with everything that hangs off it. */
import type { Kysely } from "kysely";
import type { ContainerKind } from "@fovea/core";
import { CHILD_LINKS, CONTAINER_LABEL, CONTAINER_TABLE, PARENT_LINKS } from "./container-tables.ts";
import { notFound } from "./db-errors.ts";
import { deleteRoisWhere } from "./roi-cascade.ts";
import { affected } from "./row-values.ts";
import type { Database } from "../schema.ts";

/**
 * Removes the row, its links in both directions, its annotation links and, for an image, its
 * channels and ROIs (with their shapes and annotation links). Linked children are kept: they
 * become orphans, as in OMERO. Call inside a transaction: a missing row throws NOT_FOUND, which rolls
 * the dependent deletes back.
 */
export async function deleteContainer(trx: Kysely<Database>, kind: ContainerKind, id: number): Promise<void> {
  if (kind !== "project") await trx.deleteFrom(PARENT_LINKS[kind]).where("child_id", "=", id).execute();
  if (kind !== "image") await trx.deleteFrom(CHILD_LINKS[kind]).where("parent_id", "=", id).execute();
  if (kind === "image") {
    await deleteRoisWhere(trx, "image_id", id);
    await trx.deleteFrom("channels").where("image_id", "=", id).execute();
  }
  await trx.deleteFrom("annotation_links").where("parent_kind", "=", kind).where("parent_id", "=", id).execute();
  const result = await trx.deleteFrom(CONTAINER_TABLE[kind]).where("id", "=", id).executeTakeFirst();
  if (affected(result.numDeletedRows) === 0) throw notFound(CONTAINER_LABEL[kind], id);
}
