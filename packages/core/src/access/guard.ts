/**
 * Helpers that turn policy answers into errors: an object the actor cannot read is NOT_FOUND
 * (never a hint that it exists); one it can read but not act on is FORBIDDEN.
 */
import { FoveaError, type Action } from "@fovea/model";
import type { Ownership } from "../ports/index.ts";
import type { Actor } from "./actor.ts";
import { can } from "./access-policy.ts";

/** Returns the object when the actor may read it and perform `action`; throws otherwise. */
export function requireAccess<T extends Ownership>(actor: Actor, action: Action, obj: T | undefined, what: string): T {
  if (!obj || !can(actor, "read", obj)) throw new FoveaError("NOT_FOUND", `${what} not found`);
  if (action !== "read" && !can(actor, action, obj)) {
    throw new FoveaError("FORBIDDEN", `You may not ${action} ${what}`);
  }
  return obj;
}

export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw new FoveaError("ADMIN_REQUIRED");
}

/** The group a new object goes to: the requested one (must be a member) or the active group. */
export function targetGroup(actor: Actor, requested: number | undefined): number {
  const groupId = requested ?? actor.activeGroupId;
  if (groupId === null) throw new FoveaError("NOT_A_MEMBER", "You belong to no group: ask an administrator to add you to one");
  if (!actor.memberships.has(groupId) && !actor.isAdmin) {
    throw new FoveaError("NOT_A_MEMBER", `You are not a member of group ${groupId}`);
  }
  return groupId;
}
