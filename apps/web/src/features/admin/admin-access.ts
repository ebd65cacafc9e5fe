/**
 * Who may use which Admin tab, mirroring the server's rules so nobody is offered a page it would
 * refuse: users for administrators, groups for administrators and group owners (members only),
 * scripts for script managers (administrators and the UploadScripts privilege).
 */
import type { UserDto } from "@fovea/model";
import { canManageScripts } from "../../state/session.ts";

export type AdminTab = "users" | "groups" | "scripts";

export function mayUseGroupsTab(me: UserDto): boolean {
  return me.isAdmin || me.groups.some((g) => g.isOwner);
}

export function mayUseAdminTab(tab: AdminTab, me: UserDto | undefined): boolean {
  if (!me) return false;
  if (tab === "users") return me.isAdmin;
  if (tab === "groups") return mayUseGroupsTab(me);
  return canManageScripts(me);
}
