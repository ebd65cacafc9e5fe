/**
 * What the user forms hold and the request bodies they send. Pure, so that the rules (trimmed
 * names, empty optional fields left out, the default group first, only changed fields in an
 * edit) are tested without a browser.
 */
import type { CreateUserRequest, UpdateUserRequest } from "@fovea/client";
import type { Privilege, UserDto } from "@fovea/model";

export interface NewUserForm {
  username: string;
  fullName: string;
  email: string;
  password: string;
  isAdmin: boolean;
  uploadScripts: boolean;
  /** Ticked groups, in the order they were ticked. */
  groupIds: readonly number[];
  /** One of `groupIds`; the server makes the first group it is sent the default group. */
  defaultGroupId: number | undefined;
}

export const EMPTY_USER_FORM: NewUserForm = {
  username: "", fullName: "", email: "", password: "", isAdmin: false, uploadScripts: false, groupIds: [], defaultGroupId: undefined,
};

/** Other privileges the user holds are kept; only UploadScripts is switched. */
export function privilegesWith(current: readonly Privilege[], uploadScripts: boolean): Privilege[] {
  const others = current.filter((p) => p !== "UploadScripts");
  return uploadScripts ? [...others, "UploadScripts"] : others;
}

/** The groups in the order the server wants them: the default group first. */
export function orderedGroups(groupIds: readonly number[], defaultGroupId: number | undefined): number[] {
  const first = defaultGroupId !== undefined && groupIds.includes(defaultGroupId) ? defaultGroupId : groupIds[0];
  return first === undefined ? [] : [first, ...groupIds.filter((g) => g !== first)];
}

export function createUserRequest(form: NewUserForm): CreateUserRequest {
  const fullName = form.fullName.trim();
  const email = form.email.trim();
  const groups = orderedGroups(form.groupIds, form.defaultGroupId);
  return {
    username: form.username.trim(),
    password: form.password,
    ...(fullName && { fullName }),
    ...(email && { email }),
    ...(form.isAdmin && { isAdmin: true }),
    ...(form.uploadScripts && { privileges: ["UploadScripts" as const] }),
    ...(groups.length > 0 && { groups }),
  };
}

export interface UserEditForm {
  fullName: string;
  email: string;
  isAdmin: boolean;
  uploadScripts: boolean;
  /** Empty keeps the current password. */
  newPassword: string;
  defaultGroupId: number | undefined;
}

export function editFormOf(user: UserDto): UserEditForm {
  return {
    fullName: user.fullName, email: user.email, isAdmin: user.isAdmin, uploadScripts: user.privileges.includes("UploadScripts"),
    newPassword: "", defaultGroupId: user.defaultGroupId ?? undefined,
  };
}

/** Only what changed, so an edit never rewrites a field someone else changed meanwhile. */
export function updateUserRequest(user: UserDto, form: UserEditForm): UpdateUserRequest {
  const fullName = form.fullName.trim();
  const email = form.email.trim();
  const hadUpload = user.privileges.includes("UploadScripts");
  return {
    ...(fullName !== user.fullName && { fullName }),
    ...(email !== user.email && { email }),
    ...(form.isAdmin !== user.isAdmin && { isAdmin: form.isAdmin }),
    ...(form.uploadScripts !== hadUpload && { privileges: privilegesWith(user.privileges, form.uploadScripts) }),
    ...(form.newPassword !== "" && { password: form.newPassword }),
    ...(form.defaultGroupId !== undefined && form.defaultGroupId !== user.defaultGroupId && { defaultGroupId: form.defaultGroupId }),
  };
}
