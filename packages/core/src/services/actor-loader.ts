/** Builds the Actor of a user from its stored memberships. */
import type { Actor, ActorMembership } from "../access/actor.ts";
import type { Repositories, UserRecord } from "../ports/index.ts";

export async function loadActor(repos: Repositories, user: UserRecord, activeGroupId: number | null): Promise<Actor> {
  const memberships = new Map<number, ActorMembership>();
  for (const m of await repos.groups.membershipsOfUser(user.id)) {
    memberships.set(m.groupId, { groupId: m.groupId, permissions: m.permissions, isOwner: m.isOwner });
  }
  const fallback = user.defaultGroupId !== null && memberships.has(user.defaultGroupId)
    ? user.defaultGroupId
    : (memberships.keys().next().value ?? null);
  const active = activeGroupId !== null && (memberships.has(activeGroupId) || user.isAdmin) ? activeGroupId : fallback;
  return {
    userId: user.id,
    username: user.username,
    isAdmin: user.isAdmin,
    privileges: user.privileges,
    activeGroupId: active,
    memberships,
  };
}
