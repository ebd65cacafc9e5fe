/**
 * Translates a VisibilityScope (computed by core's access policy) into SQL on a table alias's
 * owner_id/group_id, so that listings, paging and totals never include invisible rows.
 */
import { sql, type Expression, type SqlBool } from "kysely";
import type { VisibilityScope } from "@fovea/core";

/**
 * The condition a row of `alias` must meet to be visible, or undefined when everything is.
 * Empty group lists are left out rather than rendered as `IN ()`, which neither dialect accepts;
 * a scope with no groups at all matches nothing.
 */
export function visibilityCondition(scope: VisibilityScope, alias: string): Expression<SqlBool> | undefined {
  if (scope.all) return undefined;
  const groupId = sql.ref(`${alias}.group_id`);
  const ownerId = sql.ref(`${alias}.owner_id`);
  const parts: Expression<SqlBool>[] = [];
  if (scope.wholeGroups.length > 0) {
    parts.push(sql<SqlBool>`${groupId} in (${sql.join(scope.wholeGroups)})`);
  }
  if (scope.ownGroups.length > 0) {
    parts.push(sql<SqlBool>`(${groupId} in (${sql.join(scope.ownGroups)}) and ${ownerId} = ${scope.userId})`);
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
