/**
 * The access policy: the one place that interprets group permission levels (SPEC §1, OMERO's
 * rules). For an object owned by someone else in a group the actor belongs to:
 *
 * | level         | read | annotate | link | edit | delete |
 * |---------------|------|----------|------|------|--------|
 * | private       |      |          |      |      |        |
 * | read-only     |  ✓   |          |      |      |        |
 * | read-annotate |  ✓   |    ✓     |      |      |        |
 * | read-write    |  ✓   |    ✓     |  ✓   |  ✓   |   ✓    |
 *
 * Owners may do everything with their own objects; administrators with every object. A group
 * owner (OMERO's PI) may read, edit, delete and link members' data in any level, and annotate
 * it except in a private group (as in OMERO). Non-members see nothing of a group.
 */
import type { Action, GroupPermissions } from "@fovea/model";
import type { Ownership, VisibilityScope } from "../ports/index.ts";
import type { Actor } from "./actor.ts";

const MEMBER_RIGHTS: Record<GroupPermissions, ReadonlySet<Action>> = {
  private: new Set(),
  "read-only": new Set(["read"]),
  "read-annotate": new Set(["read", "annotate"]),
  "read-write": new Set(["read", "annotate", "link", "edit", "delete"]),
};

/** May `actor` perform `action` on an object with this ownership? */
export function can(actor: Actor, action: Action, obj: Ownership): boolean {
  if (actor.isAdmin) return true;
  const membership = actor.memberships.get(obj.groupId);
  if (!membership) return false;
  if (obj.ownerId === actor.userId) return true;
  if (membership.isOwner) return action !== "annotate" || membership.permissions !== "private";
  return MEMBER_RIGHTS[membership.permissions].has(action);
}

/** The rows `actor` may read, for repositories to filter lists with. */
export function visibilityOf(actor: Actor): VisibilityScope {
  if (actor.isAdmin) return { all: true };
  const wholeGroups: number[] = [];
  const ownGroups: number[] = [];
  for (const m of actor.memberships.values()) {
    if (m.permissions === "private" && !m.isOwner) ownGroups.push(m.groupId);
    else wholeGroups.push(m.groupId);
  }
  return { all: false, wholeGroups, ownGroups, userId: actor.userId };
}

/** The permissions block that DTOs carry, so clients can grey out what they may not do. */
export function permissionsOf(actor: Actor, obj: Ownership) {
  return {
    canEdit: can(actor, "edit", obj),
    canDelete: can(actor, "delete", obj),
    canAnnotate: can(actor, "annotate", obj),
    canLink: can(actor, "link", obj),
  };
}
