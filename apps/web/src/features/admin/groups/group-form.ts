/**
 * Group forms: the four permission levels in words (OMERO's meaning), and the request bodies
 * for a new group and a new member. Pure, tested without a browser.
 */
import type { AddMemberRequest, CreateGroupRequest } from "@fovea/client";
import { GROUP_PERMISSIONS, type GroupDto, type GroupPermissions, type UserDto } from "@fovea/model";

/** Each level's name and what members may do with each other's data at that level. */
export const PERMISSION_LEVELS: Readonly<Record<GroupPermissions, { label: string; meaning: string }>> = {
  "private": { label: "Private", meaning: "Members see only their own data." },
  "read-only": { label: "Read-only", meaning: "Members see each other's data." },
  "read-annotate": { label: "Read-annotate", meaning: "Members see and annotate each other's data." },
  "read-write": { label: "Read-write", meaning: "Members see, annotate and edit each other's data." },
};

export const PERMISSION_CHOICES: readonly { value: GroupPermissions; label: string; meaning: string }[] =
  GROUP_PERMISSIONS.map((value) => ({ value, ...PERMISSION_LEVELS[value] }));

export interface NewGroupForm {
  name: string;
  description: string;
  permissions: GroupPermissions;
}

/** The server's own default is private, the safe choice OMERO makes too. */
export const EMPTY_GROUP_FORM: NewGroupForm = { name: "", description: "", permissions: "private" };

export function createGroupRequest(form: NewGroupForm): CreateGroupRequest {
  const description = form.description.trim();
  return { name: form.name.trim(), permissions: form.permissions, ...(description && { description }) };
}

export function addMemberRequest(username: string, asOwner: boolean): AddMemberRequest {
  return { user: username.trim(), ...(asOwner && { owner: true }) };
}

/** Administrators manage every group; an owner manages the members of its own groups. */
export function mayManageMembers(me: UserDto, group: Pick<GroupDto, "id">): boolean {
  return me.isAdmin || me.groups.some((g) => g.id === group.id && g.isOwner);
}

