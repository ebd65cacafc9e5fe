/** Users: accounts with a password hash, an admin flag and extra privileges. */
import type { Kysely, Updateable } from "kysely";
import type { Privilege } from "@fovea/model";
import type { Clock, NewUser, Page, PageResult, UserRecord, UserRepository } from "@fovea/core";
import { guarded, notFound } from "./db-errors.ts";
import { isoNow } from "./clock.ts";
import { fromBool, toBool, toCount } from "./row-values.ts";
import type { Database, UserRow, UsersTable } from "../schema.ts";

type UserPatch = Parameters<UserRepository["update"]>[1];

function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    passwordHash: row.password_hash,
    isAdmin: toBool(row.is_admin),
    privileges: JSON.parse(row.privileges) as Privilege[],
    defaultGroupId: row.default_group_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toUserUpdate(patch: UserPatch, now: string): Updateable<UsersTable> {
  const set: Updateable<UsersTable> = { updated_at: now };
  if (patch.fullName !== undefined) set.full_name = patch.fullName;
  if (patch.email !== undefined) set.email = patch.email;
  if (patch.passwordHash !== undefined) set.password_hash = patch.passwordHash;
  if (patch.isAdmin !== undefined) set.is_admin = fromBool(patch.isAdmin);
  if (patch.privileges !== undefined) set.privileges = JSON.stringify(patch.privileges);
  if (patch.defaultGroupId !== undefined) set.default_group_id = patch.defaultGroupId;
  return set;
}

/** The users, stored through `db` (the database or a transaction). */
export function createUserRepository(db: Kysely<Database>, clock: Clock): UserRepository {
  const count = async (): Promise<number> => {
    const row = await db.selectFrom("users").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    return toCount(row.n);
  };

  return {
    async insert(user: NewUser) {
      const now = isoNow(clock);
      const row = await guarded(`A user named "${user.username}"`, () =>
        db.insertInto("users").values({
          username: user.username,
          full_name: user.fullName,
          email: user.email,
          password_hash: user.passwordHash,
          is_admin: fromBool(user.isAdmin),
          privileges: JSON.stringify(user.privileges),
          default_group_id: null,
          created_at: now,
          updated_at: now,
        }).returningAll().executeTakeFirstOrThrow());
      return toUserRecord(row);
    },

    async findById(id) {
      const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
      return row && toUserRecord(row);
    },

    async findByUsername(username) {
      const row = await db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
      return row && toUserRecord(row);
    },

    async list(page: Page): Promise<PageResult<UserRecord>> {
      const rows = await db.selectFrom("users").selectAll().orderBy("id").limit(page.limit).offset(page.offset).execute();
      return { items: rows.map(toUserRecord), total: await count() };
    },

    async update(id, patch) {
      const row = await guarded("That user", () =>
        db.updateTable("users").set(toUserUpdate(patch, isoNow(clock))).where("id", "=", id)
          .returningAll().executeTakeFirst());
      if (!row) throw notFound("User", id);
      return toUserRecord(row);
    },

    count,
  };
}
