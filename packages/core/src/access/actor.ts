/** Who is acting: the authenticated user, its memberships, and the session's active group. */
import type { GroupPermissions, Privilege } from "@fovea/model";

export interface ActorMembership {
  readonly groupId: number;
  readonly permissions: GroupPermissions;
  readonly isOwner: boolean;
}

export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly isAdmin: boolean;
  readonly privileges: readonly Privilege[];
  /** Group new objects go to when a request names none (OMERO's "current group"). */
  readonly activeGroupId: number | null;
  readonly memberships: ReadonlyMap<number, ActorMembership>;
}
