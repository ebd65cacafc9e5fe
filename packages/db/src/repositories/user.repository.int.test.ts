import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDialect } from "../testing/test-dialects.ts";
import { FIRST_PAGE } from "../testing/test-builders.ts";

forEachDialect("UserRepository", (fx) => {
  it("inserts and finds a user by id and by name, with real booleans and privileges", async () => {
    const inserted = await fx.repos.users.insert({
      username: "alice", fullName: "Alice A", email: "a@x.org", passwordHash: "h1", isAdmin: true, privileges: ["UploadScripts"],
    });
    assert.equal(inserted.isAdmin, true);
    assert.deepEqual(inserted.privileges, ["UploadScripts"]);
    assert.equal(inserted.defaultGroupId, null);
    assert.equal(inserted.createdAt, "2025-01-01T00:00:00.000Z");
    assert.deepEqual(await fx.repos.users.findById(inserted.id), inserted);
    assert.deepEqual(await fx.repos.users.findByUsername("alice"), inserted);
    assert.equal(await fx.repos.users.findByUsername("nobody"), undefined);
    assert.equal(await fx.repos.users.findById(12345), undefined);
  });

  it("rejects a taken username with CONFLICT", async () => {
    await fx.build.user("bob");
    await assert.rejects(fx.build.user("bob"), { name: "FoveaError", code: "CONFLICT", message: 'A user named "bob" already exists' });
  });

  it("updates only the given fields and stamps updated_at", async () => {
    const user = await fx.build.user();
    const group = await fx.build.group();
    fx.clock.advance(60_000);
    const updated = await fx.repos.users.update(user.id, { fullName: "New Name", isAdmin: true, defaultGroupId: group.id, privileges: ["UploadScripts"] });
    assert.equal(updated.fullName, "New Name");
    assert.equal(updated.email, user.email);
    assert.equal(updated.isAdmin, true);
    assert.equal(updated.defaultGroupId, group.id);
    assert.deepEqual(updated.privileges, ["UploadScripts"]);
    assert.equal(updated.createdAt, user.createdAt);
    assert.equal(updated.updatedAt, "2025-01-01T00:01:00.000Z");
    const cleared = await fx.repos.users.update(user.id, { defaultGroupId: null, isAdmin: false });
    assert.equal(cleared.defaultGroupId, null);
    assert.equal(cleared.isAdmin, false);
  });

  it("throws NOT_FOUND when updating a missing user", async () => {
    await assert.rejects(fx.repos.users.update(999, { fullName: "x" }), { code: "NOT_FOUND" });
  });

  it("lists in id order with paging and counts", async () => {
    const users = [];
    for (let i = 0; i < 5; i++) users.push(await fx.build.user());
    const page = await fx.repos.users.list({ limit: 2, offset: 1 });
    assert.equal(page.total, 5);
    assert.deepEqual(page.items.map((u) => u.id), [users[1]!.id, users[2]!.id]);
    assert.equal((await fx.repos.users.list(FIRST_PAGE)).items.length, 5);
    assert.equal(await fx.repos.users.count(), 5);
  });
});
