/** The filtered query behind ContainerRepository.list, shared by the page and its total. */
import { sql, type Kysely, type SqlBool } from "kysely";
import type { ContainerFilter, ContainerKind } from "@fovea/core";
import { containerTable, PARENT_LINKS } from "./container-tables.ts";
import type { Database } from "../schema.ts";
import { visibilityCondition } from "./visibility.ts";

/** Rows of `kind` (aliased `c`) that `filter` selects; projects have no parents, so a parentId matches none. */
export function filteredContainers(db: Kysely<Database>, kind: ContainerKind, filter: ContainerFilter) {
  let q = db.selectFrom(`${containerTable(kind)} as c` as "projects as c");
  const visible = visibilityCondition(filter.scope, "c");
  if (visible) q = q.where(visible);
  if (filter.groupId !== undefined) q = q.where("c.group_id", "=", filter.groupId);
  if (filter.ownerId !== undefined) q = q.where("c.owner_id", "=", filter.ownerId);
  if (kind === "project") {
    if (filter.parentId !== undefined) q = q.where(sql<SqlBool>`1 = 0`);
    return q;
  }
  // Both link tables have the same columns; one name keeps the types simple.
  const links = PARENT_LINKS[kind] as "project_dataset_links";
  const parentId = filter.parentId;
  if (parentId !== undefined) {
    q = q.where("c.id", "in", db.selectFrom(links).select("child_id").where("parent_id", "=", parentId));
  }
  if (filter.orphaned === true) {
    q = q.where((eb) => eb.not(eb.exists(eb.selectFrom(`${links} as l` as "project_dataset_links as l")
      .select("l.id").whereRef("l.child_id", "=", "c.id"))));
  }
  return q;
}
