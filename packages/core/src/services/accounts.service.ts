/**
 * Users, groups and memberships. Administrators manage everything; a group owner may add and
 * remove members of its own group; any user may read itself and the groups it belongs to.
 */
import { FoveaError, type GroupDto, type GroupPermissions, type Privilege, type UserDto } from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import { requireAdmin } from "../access/guard.ts";
import type { GroupRecord, Page, PageResult, UserRecord } from "../ports/index.ts";
import { toGroupDto, toUserDto } from "./dto.ts";
import type { ServiceDeps } from "./ports.ts";

export interface CreateUserInput {
  username: string;
  password: string;
  fullName?: string | undefined;
  email?: string | undefined;
  isAdmin?: boolean | undefined;
  privileges?: Privilege[] | undefined;
  /** Group ids or names; the first becomes the default group. */
  groups?: (number | string)[] | undefined;
}

export class AccountsService {
  constructor(private readonly deps: ServiceDeps) {}

  async createUser(actor: Actor, input: CreateUserInput): Promise<UserDto> {
    requireAdmin(actor);
    // Look groups up before the transaction: inside it only `repos` may be used (SQLite has one connection).
    const groups = await Promise.all((input.groups ?? []).map((g) => this.#findGroup(g)));
    return this.deps.repos.transaction(async (repos) => {
      const user = await repos.users.insert({
        username: input.username,
        fullName: input.fullName ?? "",
        email: input.email ?? "",
        passwordHash: await this.deps.hasher.hash(input.password),
        isAdmin: input.isAdmin ?? false,
        privileges: [...new Set(input.privileges ?? [])],
      });
      for (const g of groups) await repos.groups.addMember(g.id, user.id, false);
      const withDefault = groups[0] ? await repos.users.update(user.id, { defaultGroupId: groups[0].id }) : user;
      return toUserDto(repos, withDefault);
    });
  }

  async getUser(actor: Actor, id: number): Promise<UserDto> {
    if (!actor.isAdmin && actor.userId !== id) throw new FoveaError("NOT_FOUND", "User not found");
    const user = await this.deps.repos.users.findById(id);
    if (!user) throw new FoveaError("NOT_FOUND", "User not found");
    return toUserDto(this.deps.repos, user);
  }

  async listUsers(actor: Actor, page: Page): Promise<PageResult<UserDto>> {
    requireAdmin(actor);
    const res = await this.deps.repos.users.list(page);
    return { items: await Promise.all(res.items.map((u) => toUserDto(this.deps.repos, u))), total: res.total };
  }

  /** Users may change their own name, e-mail, password and default group; the rest is for admins. */
  async updateUser(actor: Actor, id: number, patch: {
    password?: string | undefined; fullName?: string | undefined; email?: string | undefined;
    isAdmin?: boolean | undefined; privileges?: Privilege[] | undefined; defaultGroupId?: number | undefined;
  }): Promise<UserDto> {
    const self = actor.userId === id;
    if (!actor.isAdmin && !self) throw new FoveaError("NOT_FOUND", "User not found");
    if (!actor.isAdmin && (patch.isAdmin !== undefined || patch.privileges !== undefined)) requireAdmin(actor);
    if (patch.defaultGroupId !== undefined) {
      const memberships = await this.deps.repos.groups.membershipsOfUser(id);
      if (!memberships.some((m) => m.groupId === patch.defaultGroupId)) {
        throw new FoveaError("NOT_A_MEMBER", `User ${id} is not a member of group ${patch.defaultGroupId}`);
      }
    }
    const changes: Partial<Pick<UserRecord, "fullName" | "email" | "passwordHash" | "isAdmin" | "privileges" | "defaultGroupId">> = {};
    if (patch.fullName !== undefined) changes.fullName = patch.fullName;
    if (patch.email !== undefined) changes.email = patch.email;
    if (patch.isAdmin !== undefined) changes.isAdmin = patch.isAdmin;
    if (patch.privileges !== undefined) changes.privileges = [...new Set(patch.privileges)];
    if (patch.defaultGroupId !== undefined) changes.defaultGroupId = patch.defaultGroupId;
    if (patch.password !== undefined) changes.passwordHash = await this.deps.hasher.hash(patch.password);
    const user = await this.deps.repos.users.update(id, changes);
    return toUserDto(this.deps.repos, user);
  }

  async createGroup(actor: Actor, input: { name: string; description?: string | undefined; permissions?: GroupPermissions | undefined }): Promise<GroupDto> {
    requireAdmin(actor);
    const g = await this.deps.repos.groups.insert({
      name: input.name, description: input.description ?? "", permissions: input.permissions ?? "private",
    });
    return toGroupDto(g, []);
  }

  /** Admins see every group; others the groups they belong to. */
  async listGroups(actor: Actor, page: Page): Promise<PageResult<GroupDto>> {
    if (actor.isAdmin) {
      const res = await this.deps.repos.groups.list(page);
      return { items: res.items.map((g) => toGroupDto(g)), total: res.total };
    }
    const mine = [...actor.memberships.keys()].sort((a, b) => a - b);
    const slice = mine.slice(page.offset, page.offset + page.limit);
    const groups = await Promise.all(slice.map((id) => this.deps.repos.groups.findById(id)));
    return { items: groups.filter((g): g is GroupRecord => !!g).map((g) => toGroupDto(g)), total: mine.length };
  }

  async getGroup(actor: Actor, id: number): Promise<GroupDto> {
    const g = await this.deps.repos.groups.findById(id);
    if (!g || (!actor.isAdmin && !actor.memberships.has(id))) throw new FoveaError("NOT_FOUND", "Group not found");
    const members = await this.deps.repos.groups.membersOfGroup(id);
    return toGroupDto(g, members.map((m) => ({ id: m.userId, username: m.username, isOwner: m.isOwner })));
  }

  async updateGroup(actor: Actor, id: number, patch: { name?: string | undefined; description?: string | undefined; permissions?: GroupPermissions | undefined }): Promise<GroupDto> {
    requireAdmin(actor);
    const changes: Partial<Pick<GroupRecord, "name" | "description" | "permissions">> = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.description !== undefined) changes.description = patch.description;
    if (patch.permissions !== undefined) changes.permissions = patch.permissions;
    await this.deps.repos.groups.update(id, changes);
    return this.getGroup(actor, id);
  }

  /** Adds a user to a group (admins and the group's owners). A first group becomes the default. */
  async addMember(actor: Actor, groupId: number, user: number | string, owner: boolean): Promise<GroupDto> {
    await this.#requireGroupManager(actor, groupId);
    if (owner) requireAdmin(actor);
    const target = typeof user === "number"
      ? await this.deps.repos.users.findById(user)
      : await this.deps.repos.users.findByUsername(user);
    if (!target) throw new FoveaError("NOT_FOUND", `User ${String(user)} not found`);
    await this.deps.repos.transaction(async (repos) => {
      await repos.groups.addMember(groupId, target.id, owner);
      if (target.defaultGroupId === null) await repos.users.update(target.id, { defaultGroupId: groupId });
    });
    return this.getGroup(actor, groupId);
  }

  async removeMember(actor: Actor, groupId: number, userId: number): Promise<void> {
    await this.#requireGroupManager(actor, groupId);
    await this.deps.repos.transaction(async (repos) => {
      await repos.groups.removeMember(groupId, userId);
      const user = await repos.users.findById(userId);
      if (user?.defaultGroupId === groupId) {
        const next = (await repos.groups.membershipsOfUser(userId))[0]?.groupId ?? null;
        await repos.users.update(userId, { defaultGroupId: next });
      }
    });
  }

  async #requireGroupManager(actor: Actor, groupId: number): Promise<void> {
    if (!(await this.deps.repos.groups.findById(groupId))) throw new FoveaError("NOT_FOUND", "Group not found");
    if (actor.isAdmin) return;
    const m = actor.memberships.get(groupId);
    if (!m) throw new FoveaError("NOT_FOUND", "Group not found");
    if (!m.isOwner) throw new FoveaError("FORBIDDEN", "Only administrators and the group's owners manage its members");
  }

  async #findGroup(g: number | string): Promise<GroupRecord> {
    const found = typeof g === "number" ? await this.deps.repos.groups.findById(g) : await this.deps.repos.groups.findByName(g);
    if (!found) throw new FoveaError("NOT_FOUND", `Group ${String(g)} not found`);
    return found;
  }
}
