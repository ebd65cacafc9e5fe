/** Groups and their members. A group's permission level is stored as its name. */
import type { Kysely } from "kysely";
import { FoveaError, type GroupPermissions } from "@fovea/model";
import type { Clock, GroupRecord, GroupRepository, MembershipRecord } from "@fovea/core";
import { guarded, notFound } from "./db-errors.ts";
import { isoNow } from "./clock.ts";
import { affected, fromBool, toBool, toCount } from "./row-values.ts";
import type { Database, GroupRow } from "../schema.ts";

function toGroupRecord(row: GroupRow): GroupRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    permissions: row.permissions as GroupPermissions,
    createdAt: row.created_at,
  };
}

interface MembershipRow {
  group_id: number;
  user_id: number;
  is_owner: number;
  permissions: string;
}

function toMembership(row: MembershipRow): MembershipRecord {
  return {
    groupId: row.group_id,
    userId: row.user_id,
    isOwner: toBool(row.is_owner),
    permissions: row.permissions as GroupPermissions,
  };
}

/** The groups and memberships, stored through `db` (the database or a transaction). */
export function createGroupRepository(db: Kysely<Database>, clock: Clock): GroupRepository {
  const memberships = () =>
    db.selectFrom("group_members as m")
      .innerJoin("groups as g", "g.id", "m.group_id")
      .select(["m.group_id", "m.user_id", "m.is_owner", "g.permissions"]);
  const findById = async (id: number): Promise<GroupRecord | undefined> => {
    const row = await db.selectFrom("groups").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toGroupRecord(row);
  };

  return {
    async insert(group) {
      const row = await guarded(`A group named "${group.name}"`, () =>
        db.insertInto("groups")
          .values({ name: group.name, description: group.description, permissions: group.permissions, created_at: isoNow(clock) })
          .returningAll().executeTakeFirstOrThrow());
      return toGroupRecord(row);
    },

    findById,

    async findByName(name) {
      const row = await db.selectFrom("groups").selectAll().where("name", "=", name).executeTakeFirst();
      return row && toGroupRecord(row);
    },

    async list(page) {
      const rows = await db.selectFrom("groups").selectAll().orderBy("id").limit(page.limit).offset(page.offset).execute();
      const total = await db.selectFrom("groups").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
      return { items: rows.map(toGroupRecord), total: toCount(total.n) };
    },

    async update(id, patch) {
      if (patch.name === undefined && patch.description === undefined && patch.permissions === undefined) {
        const current = await findById(id);
        if (!current) throw notFound("Group", id);
        return current;
      }
      const row = await guarded(`A group named "${patch.name ?? ""}"`, () =>
        db.updateTable("groups")
          .set({
            ...(patch.name === undefined ? {} : { name: patch.name }),
            ...(patch.description === undefined ? {} : { description: patch.description }),
            ...(patch.permissions === undefined ? {} : { permissions: patch.permissions }),
          })
          .where("id", "=", id).returningAll().executeTakeFirst());
      if (!row) throw notFound("Group", id);
      return toGroupRecord(row);
    },

    async addMember(groupId, userId, isOwner) {
      // An upsert keeps this idempotent without a failing statement, which would abort an
      // enclosing PostgreSQL transaction.
      await guarded("That membership", () =>
        db.insertInto("group_members")
          .values({ group_id: groupId, user_id: userId, is_owner: fromBool(isOwner) })
          .onConflict((oc) => oc.columns(["group_id", "user_id"]).doUpdateSet({ is_owner: fromBool(isOwner) }))
          .execute());
    },

    async removeMember(groupId, userId) {
      const result = await db.deleteFrom("group_members")
        .where("group_id", "=", groupId).where("user_id", "=", userId).executeTakeFirst();
      if (affected(result.numDeletedRows) === 0) {
        throw new FoveaError("NOT_A_MEMBER", `User ${userId} is not a member of group ${groupId}`);
      }
    },

    async membershipsOfUser(userId) {
      const rows = await memberships().where("m.user_id", "=", userId).orderBy("m.group_id").execute();
      return rows.map(toMembership);
    },

    async membersOfGroup(groupId) {
      const rows = await memberships()
        .innerJoin("users as u", "u.id", "m.user_id")
        .select("u.username")
        .where("m.group_id", "=", groupId).orderBy("m.user_id").execute();
      return rows.map((row) => ({ ...toMembership(row), username: row.username }));
    },
  };
}
