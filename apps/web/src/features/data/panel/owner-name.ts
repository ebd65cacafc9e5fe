/**
 * The user name of an object's owner. DTOs carry only `ownerId`, and only administrators may list
 * users, but every member may read the groups it belongs to with their members' names — and an
 * object the user can see lives in one of those groups. Groups are cached for the page's life.
 */
import type { GroupDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { sessionStore } from "../../../state/session.ts";
import { useAsync } from "../../../ui/use-async.ts";

const groups = new Map<number, Promise<GroupDto>>();

function groupOf(groupId: number): Promise<GroupDto> {
  let g = groups.get(groupId);
  if (!g) {
    g = api.groups.get(groupId);
    // A failure is not cached, so a later look can succeed.
    g.catch(() => groups.delete(groupId));
    groups.set(groupId, g);
  }
  return g;
}

export interface OwnerInfo {
  owner: string;
  group: string | undefined;
}

async function lookUp(ownerId: number, groupId: number): Promise<OwnerInfo> {
  const session = sessionStore.get();
  const me = session.status === "ready" && session.info.user.id === ownerId ? session.info.user.username : undefined;
  try {
    const g = await groupOf(groupId);
    return { owner: me ?? g.members?.find((m) => m.id === ownerId)?.username ?? `user ${ownerId}`, group: g.name };
  } catch {
    // Not being able to name the owner must not hide the rest of the metadata.
    return { owner: me ?? `user ${ownerId}`, group: undefined };
  }
}

/** The owner's user name and the group's name, once known. */
export function useOwner(ownerId: number | undefined, groupId: number | undefined): OwnerInfo | undefined {
  const state = useAsync(
    () => (ownerId === undefined || groupId === undefined ? Promise.resolve(undefined) : lookUp(ownerId, groupId)),
    [ownerId, groupId],
  );
  return state.status === "ready" ? state.data : undefined;
}
