import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDialect } from "../testing/test-dialects.ts";
import { ownedBy, FIRST_PAGE, SEE_ALL } from "../testing/test-builders.ts";

forEachDialect("Repositories.transaction", (fx) => {
  it("commits what fn did and returns its value", async () => {
    const result = await fx.repos.transaction(async (repos) => {
      const user = await repos.users.insert({ username: "tx", fullName: "", email: "", passwordHash: "", isAdmin: false, privileges: [] });
      const group = await repos.groups.insert({ name: "txg", description: "", permissions: "private" });
      await repos.groups.addMember(group.id, user.id, true);
      return user.id;
    });
    assert.equal((await fx.repos.users.findByUsername("tx"))?.id, result);
    assert.equal((await fx.repos.groups.membershipsOfUser(result)).length, 1);
  });

  it("rolls everything back when fn throws", async () => {
    const o = ownedBy(await fx.build.user(), await fx.build.group());
    await assert.rejects(fx.repos.transaction(async (repos) => {
      await repos.containers.insert("project", { ...o, name: "ghost", description: "" });
      await repos.containers.insertImage(imageOf(o));
      throw new Error("boom");
    }), /boom/);
    assert.equal((await fx.repos.containers.list("project", { scope: SEE_ALL }, FIRST_PAGE)).total, 0);
    assert.equal((await fx.repos.containers.list("image", { scope: SEE_ALL }, FIRST_PAGE)).total, 0);
  });

  it("rolls back after a constraint error inside the transaction", async () => {
    await fx.build.user("taken");
    await assert.rejects(fx.repos.transaction(async (repos) => {
      await repos.groups.insert({ name: "half", description: "", permissions: "private" });
      await repos.users.insert({ username: "taken", fullName: "", email: "", passwordHash: "", isAdmin: false, privileges: [] });
    }), { code: "CONFLICT" });
    assert.equal(await fx.repos.groups.findByName("half"), undefined);
  });

  it("joins the outer transaction when nested, so an inner throw undoes the outer work", async () => {
    const o = ownedBy(await fx.build.user(), await fx.build.group());
    await assert.rejects(fx.repos.transaction(async (outer) => {
      await outer.containers.insert("dataset", { ...o, name: "outer", description: "" });
      await outer.transaction(async (inner) => {
        assert.equal(inner, outer);
        await inner.containers.insert("dataset", { ...o, name: "inner", description: "" });
      });
      // Repository methods that open their own transaction (delete, insertImage) join it too.
      await outer.containers.insertImage(imageOf(o));
      throw new Error("undo both");
    }), /undo both/);
    assert.equal((await fx.repos.containers.list("dataset", { scope: SEE_ALL }, FIRST_PAGE)).total, 0);
  });

  it("fails fast, instead of deadlocking, when fn queries through the outer repositories", async () => {
    await assert.rejects(fx.repos.transaction(async () => {
      await fx.repos.users.count();
    }), { code: "INTERNAL", message: /outer database handle inside transaction/ });
    // The outer handle works again once the transaction is over.
    assert.equal(await fx.repos.users.count(), 0);
  });
});

function imageOf(o: { ownerId: number; groupId: number }) {
  return {
    ...o, name: "img", description: "", sizeX: 1, sizeY: 1, sizeZ: 1, sizeC: 1, sizeT: 1, pixelType: "uint8" as const,
    physicalSizeX: null, physicalSizeY: null, physicalSizeZ: null, physicalSizeUnit: "µm", timeIncrement: null,
    format: null, storeKey: null, acquisitionDate: null, channels: [],
  };
}
