import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDialect } from "../testing/test-dialects.ts";

forEachDialect("GroupRepository", (fx) => {
  it("inserts, finds, lists and updates groups", async () => {
    const lab = await fx.repos.groups.insert({ name: "lab", description: "A lab", permissions: "read-annotate" });
    assert.deepEqual(lab, { id: lab.id, name: "lab", description: "A lab", permissions: "read-annotate", createdAt: "2025-01-01T00:00:00.000Z" });
    assert.deepEqual(await fx.repos.groups.findById(lab.id), lab);
    assert.deepEqual(await fx.repos.groups.findByName("lab"), lab);
    assert.equal(await fx.repos.groups.findByName("nope"), undefined);
    const other = await fx.build.group("private");
    const page = await fx.repos.groups.list({ limit: 1, offset: 1 });
    assert.equal(page.total, 2);
    assert.deepEqual(page.items, [other]);
    const updated = await fx.repos.groups.update(lab.id, { permissions: "read-write", description: "changed" });
    assert.equal(updated.permissions, "read-write");
    assert.equal(updated.name, "lab");
    assert.deepEqual(await fx.repos.groups.update(lab.id, {}), updated);
  });

  it("turns a duplicate name (insert or rename) into CONFLICT", async () => {
    await fx.build.group("private", "taken");
    const other = await fx.build.group();
    await assert.rejects(fx.build.group("private", "taken"), { code: "CONFLICT" });
    await assert.rejects(fx.repos.groups.update(other.id, { name: "taken" }), { code: "CONFLICT" });
  });

  it("throws NOT_FOUND when updating a missing group", async () => {
    await assert.rejects(fx.repos.groups.update(999, { name: "x" }), { code: "NOT_FOUND" });
    await assert.rejects(fx.repos.groups.update(999, {}), { code: "NOT_FOUND" });
  });

  it("adds members idempotently, updates the owner flag, and removes them", async () => {
    const a = await fx.build.group("private");
    const b = await fx.build.group("read-write");
    const ann = await fx.build.user("ann");
    const ben = await fx.build.user("ben");
    await fx.repos.groups.addMember(a.id, ann.id, false);
    await fx.repos.groups.addMember(a.id, ann.id, true);
    await fx.repos.groups.addMember(b.id, ann.id, false);
    await fx.repos.groups.addMember(a.id, ben.id, false);
    assert.deepEqual(await fx.repos.groups.membershipsOfUser(ann.id), [
      { groupId: a.id, userId: ann.id, isOwner: true, permissions: "private" },
      { groupId: b.id, userId: ann.id, isOwner: false, permissions: "read-write" },
    ]);
    assert.deepEqual(await fx.repos.groups.membersOfGroup(a.id), [
      { groupId: a.id, userId: ann.id, isOwner: true, permissions: "private", username: "ann" },
      { groupId: a.id, userId: ben.id, isOwner: false, permissions: "private", username: "ben" },
    ]);
    await fx.repos.groups.removeMember(a.id, ann.id);
    assert.deepEqual((await fx.repos.groups.membershipsOfUser(ann.id)).map((m) => m.groupId), [b.id]);
    await assert.rejects(fx.repos.groups.removeMember(a.id, ann.id), { code: "NOT_A_MEMBER" });
  });

  it("rejects a membership of a missing user with NOT_FOUND", async () => {
    const g = await fx.build.group();
    await assert.rejects(fx.repos.groups.addMember(g.id, 999, false), { code: "NOT_FOUND" });
  });
});
