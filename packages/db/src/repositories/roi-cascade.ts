/** Deleting ROIs with everything that hangs off them: shapes and annotation links. */
import type { Kysely } from "kysely";
import { affected } from "./row-values.ts";
import type { Database } from "../schema.ts";

/**
 * Deletes the ROIs whose `column` equals `value` (one ROI by id, or every ROI of an image) and
 * returns how many went. Call inside a transaction. Annotation links have no foreign key (their
 * parent may be any kind), so they are removed here explicitly.
 */
export async function deleteRoisWhere(trx: Kysely<Database>, column: "id" | "image_id", value: number): Promise<number> {
  const roiIds = trx.selectFrom("rois").select("id").where(column, "=", value);
  await trx.deleteFrom("annotation_links").where("parent_kind", "=", "roi").where("parent_id", "in", roiIds).execute();
  await trx.deleteFrom("shapes").where("roi_id", "in", roiIds).execute();
  const result = await trx.deleteFrom("rois").where(column, "=", value).executeTakeFirst();
  return affected(result.numDeletedRows);
}
