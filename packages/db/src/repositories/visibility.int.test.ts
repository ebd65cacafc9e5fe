import assert from "node:assert/strict";
import { it } from "node:test";
import type { ContainerKind } from "@fovea/core";
import { forEachDialect } from "../testing/test-dialects.ts";
import { ownedBy, scope, SEE_ALL } from "../testing/test-builders.ts";

/**
 * Two users in a private group (each sees only their own rows) and a read-only group (members see
 * everyone's rows); the scopes here are what core's access policy would compute.
 */
forEachDialect("visibility scopes", (fx) => {
  async function world() {
    const [me, other] = [await fx.build.user(), await fx.build.user()];
    const [priv, shared] = [await fx.build.group("private"), await fx.build.group("read-only")];
    const ids: Record<"mineInPrivate" | "othersInPrivate" | "mineInShared" | "othersInShared", number[]> = {
      mineInPrivate: [], othersInPrivate: [], mineInShared: [], othersInShared: [],
    };
    // Interleave owners so that paging has to skip invisible rows in between.
    for (let i = 0; i < 3; i++) {
      ids.mineInPrivate.push((await fx.build.dataset(ownedBy(me, priv))).id);
      ids.othersInPrivate.push((await fx.build.dataset(ownedBy(other, priv))).id);
      ids.mineInShared.push((await fx.build.dataset(ownedBy(me, shared))).id);
      ids.othersInShared.push((await fx.build.dataset(ownedBy(other, shared))).id);
    }
    return { me, priv, shared, ids };
  }

  const list = (kind: ContainerKind, s: Parameters<typeof scope> | "all", limit = 100, offset = 0) =>
    fx.repos.containers.list(kind, { scope: s === "all" ? SEE_ALL : scope(...s) }, { limit, offset });

  it("a private group shows only the user's own rows", async () => {
    const { me, priv, ids } = await world();
    const page = await list("dataset", [me.id, [], [priv.id]]);
    assert.deepEqual(page.items.map((r) => r.id), ids.mineInPrivate);
    assert.equal(page.total, 3);
  });

  it("a whole group shows every member's rows", async () => {
    const { me, shared, ids } = await world();
    const page = await list("dataset", [me.id, [shared.id], []]);
    assert.deepEqual(page.items.map((r) => r.id), [...ids.mineInShared, ...ids.othersInShared].sort((a, b) => a - b));
    assert.equal(page.total, 6);
  });

  it("combines whole and own groups, and pages over the visible rows only", async () => {
    const { me, priv, shared, ids } = await world();
    const visible = [...ids.mineInPrivate, ...ids.mineInShared, ...ids.othersInShared].sort((a, b) => a - b);
    const first = await list("dataset", [me.id, [shared.id], [priv.id]], 4, 0);
    const second = await list("dataset", [me.id, [shared.id], [priv.id]], 4, 4);
    assert.equal(first.total, 9);
    assert.equal(second.total, 9);
    assert.deepEqual([...first.items, ...second.items].map((r) => r.id), visible.slice(0, 8));
    assert.equal(second.items.length, 4);
    assert.deepEqual((await list("dataset", [me.id, [shared.id], [priv.id]], 4, 8)).items.map((r) => r.id), visible.slice(8));
  });

  it("an empty scope sees nothing, and `all` sees everything", async () => {
    await world();
    assert.deepEqual(await list("dataset", [1, [], []]), { items: [], total: 0 });
    assert.equal((await list("dataset", "all")).total, 12);
  });

  it("applies to ROIs and annotations too", async () => {
    const { me, priv } = await world();
    const other = await fx.build.user();
    const image = await fx.build.image(ownedBy(me, priv));
    const roi = (o: { ownerId: number; groupId: number }) =>
      fx.repos.rois.insert({ ...o, imageId: image.id, name: "", description: "", shapes: [{ kind: "Point", x: 1, y: 2 }] });
    const mine = await roi(ownedBy(me, priv));
    await roi(ownedBy(other, priv));
    const rois = await fx.repos.rois.listByImage(image.id, scope(me.id, [], [priv.id]), { limit: 10, offset: 0 });
    assert.deepEqual(rois.items.map((r) => r.id), [mine.id]);
    assert.equal(rois.total, 1);
    assert.equal((await fx.repos.rois.listByImage(image.id, scope(me.id, [], []), { limit: 10, offset: 0 })).total, 0);
    const tag = (o: { ownerId: number; groupId: number }) => fx.repos.annotations.insert({
      ...o, kind: "tag", namespace: null, description: "", textValue: "t", mapValue: null,
      fileName: null, mimeType: null, fileSize: null, sha256: null, storageKey: null,
    });
    const myTag = await tag(ownedBy(me, priv));
    await tag(ownedBy(other, priv));
    const tags = await fx.repos.annotations.list({ scope: scope(me.id, [], [priv.id]) }, { limit: 10, offset: 0 });
    assert.deepEqual(tags, { items: [myTag], total: 1 });
  });
});
