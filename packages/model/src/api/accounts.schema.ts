/** Users, groups, sessions. */
import Type, { type Static } from "typebox";
import { GROUP_PERMISSIONS, PRIVILEGES } from "../permissions.ts";
import { LIMITS } from "../limits.ts";
import { Description, Id, Name, PageQuery, Strict, Timestamp } from "./common.schema.ts";

export const GroupPermissionsSchema = Type.Enum(GROUP_PERMISSIONS);
export const PrivilegeSchema = Type.Enum(PRIVILEGES);
const Username = Type.String({ minLength: 1, maxLength: LIMITS.USERNAME_MAX, pattern: "^[A-Za-z0-9_.@-]+$" });
const Password = Type.String({ minLength: LIMITS.PASSWORD_MIN, maxLength: LIMITS.PASSWORD_MAX });

export const Membership = Type.Object({
  id: Id, name: Type.String(), permissions: GroupPermissionsSchema, isOwner: Type.Boolean(),
});
export const User = Type.Object({
  type: Type.Literal("User"), id: Id, username: Type.String(), fullName: Type.String(), email: Type.String(),
  isAdmin: Type.Boolean(), privileges: Type.Array(PrivilegeSchema), defaultGroupId: Type.Union([Id, Type.Null()]),
  groups: Type.Array(Membership), createdAt: Timestamp,
});
export const Group = Type.Object({
  type: Type.Literal("Group"), id: Id, name: Type.String(), description: Type.String(), permissions: GroupPermissionsSchema,
  createdAt: Timestamp,
  members: Type.Optional(Type.Array(Type.Object({ id: Id, username: Type.String(), isOwner: Type.Boolean() }))),
});

export const CreateUser = Strict({
  username: Username, password: Password,
  fullName: Type.Optional(Type.String({ maxLength: 255 })), email: Type.Optional(Type.String({ maxLength: 255 })),
  isAdmin: Type.Optional(Type.Boolean()), privileges: Type.Optional(Type.Array(PrivilegeSchema)),
  groups: Type.Optional(Type.Array(Type.Union([Id, Name]), { description: "Group ids or names; the first is the default group" })),
});
export const UpdateUser = Strict({
  password: Type.Optional(Password),
  fullName: Type.Optional(Type.String({ maxLength: 255 })), email: Type.Optional(Type.String({ maxLength: 255 })),
  isAdmin: Type.Optional(Type.Boolean()), privileges: Type.Optional(Type.Array(PrivilegeSchema)),
  defaultGroupId: Type.Optional(Id),
});
export const CreateGroup = Strict({ name: Name, description: Type.Optional(Description), permissions: Type.Optional(GroupPermissionsSchema) });
export const UpdateGroup = Strict({ name: Type.Optional(Name), description: Type.Optional(Description), permissions: Type.Optional(GroupPermissionsSchema) });
export const AddMember = Strict({ user: Type.Union([Id, Username]), owner: Type.Optional(Type.Boolean()) });
export const AccountListQuery = Strict({ ...PageQuery });

export const LoginBody = Strict({
  username: Username, password: Type.String({ minLength: 1, maxLength: LIMITS.PASSWORD_MAX }),
  group: Type.Optional(Type.Union([Id, Name])),
  session: Type.Optional(Type.Union([Type.Literal("token"), Type.Literal("cookie")], {
    description: "`token` (default) returns a bearer token; `cookie` sets an HttpOnly cookie and returns a CSRF token",
  })),
});
export const SessionInfo = Type.Object({
  user: User,
  groupId: Type.Union([Id, Type.Null()]),
  expiresAt: Timestamp,
  token: Type.Optional(Type.String({ description: "Bearer token (token sessions only, at login)" })),
  csrfToken: Type.Optional(Type.String({ description: "Send as X-CSRF-Token with cookie sessions" })),
});
export const SwitchGroup = Strict({ groupId: Id });

export type UserDto = Static<typeof User>;
export type GroupDto = Static<typeof Group>;
export type SessionInfoDto = Static<typeof SessionInfo>;
