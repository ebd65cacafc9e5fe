import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDialect } from "../testing/test-dialects.ts";
import { ownedBy, channel, FIRST_PAGE, SEE_ALL } from "../testing/test-builders.ts";

forEachDialect("ContainerRepository", (fx) => {
  const owner = async () => ownedBy(await fx.build.user(), await fx.build.group());

  it("inserts, finds, updates and deletes projects and datasets", async () => {
    const o = await owner();
    for (const kind of ["project", "dataset"] as const) {
      const row = await fx.repos.containers.insert(kind, { ...o, name: `My ${kind}`, description: "d" });
      const now = fx.clock.now().toISOString();
      assert.deepEqual(row, { id: row.id, name: `My ${kind}`, description: "d", ...o, createdAt: now, updatedAt: now });
      assert.deepEqual(await fx.repos.containers.findById(kind, row.id), row);
      fx.clock.advance(1000);
      const updated = await fx.repos.containers.update(kind, row.id, { name: "Renamed" });
      assert.equal(updated.name, "Renamed");
      assert.equal(updated.description, "d");
      assert.equal(updated.updatedAt, fx.clock.now().toISOString());
      assert.equal(updated.createdAt, row.createdAt);
      await fx.repos.containers.delete(kind, row.id);
      assert.equal(await fx.repos.containers.findById(kind, row.id), undefined);
    }
  });

  it("stores an image with its metadata and channels ordered by index", async () => {
    const o = await owner();
    const image = await fx.build.image(o, {
      name: "cells", physicalSizeZ: 1.5, timeIncrement: 0.25, acquisitionDate: "2024-05-06T07:08:09.000Z", storeKey: "ab/cd",
      channels: [channel(2, { name: "far red", emissionWavelength: null, min: null, max: null }), channel(0), channel(1)],
    });
    assert.equal(image.name, "cells");
    assert.equal(image.sizeX, 64);
    assert.equal(image.pixelType, "uint16");
    assert.equal(image.physicalSizeX, 0.325);
    assert.equal(image.physicalSizeZ, 1.5);
    assert.equal(image.timeIncrement, 0.25);
    assert.equal(image.physicalSizeUnit, "µm");
    assert.equal(image.acquisitionDate, "2024-05-06T07:08:09.000Z");
    assert.deepEqual(image.channels.map((c) => c.index), [0, 1, 2]);
    assert.deepEqual(image.channels[2], channel(2, { name: "far red", emissionWavelength: null, min: null, max: null }));
    assert.deepEqual(image.channels[0], channel(0));
    assert.deepEqual(await fx.repos.containers.findImage(image.id), image);
    const asContainer = await fx.repos.containers.findById("image", image.id);
    assert.deepEqual(asContainer, {
      id: image.id, name: "cells", description: "", ...o, createdAt: image.createdAt, updatedAt: image.updatedAt,
    });
    assert.equal(await fx.repos.containers.findImage(999), undefined);
  });

  it("rolls an image back when a channel index repeats", async () => {
    const o = await owner();
    await assert.rejects(fx.build.image(o, { name: "dup", channels: [channel(0), channel(0)] }), { code: "CONFLICT" });
    assert.equal((await fx.repos.containers.list("image", { scope: SEE_ALL }, FIRST_PAGE)).total, 0);
  });

  it("throws NOT_FOUND for updates and deletes of missing rows", async () => {
    for (const kind of ["project", "dataset", "image"] as const) {
      await assert.rejects(fx.repos.containers.update(kind, 999, { name: "x" }), { code: "NOT_FOUND" });
      await assert.rejects(fx.repos.containers.delete(kind, 999), { code: "NOT_FOUND" });
    }
  });

  it("links, finds and unlinks, rejecting a duplicate link with CONFLICT", async () => {
    const o = await owner();
    const p = await fx.build.project(o);
    const d = await fx.build.dataset(o);
    const i = await fx.build.image(o);
    const pd = await fx.repos.containers.insertLink("project", { ...o, parentId: p.id, childId: d.id });
    assert.deepEqual(pd, { id: pd.id, parentId: p.id, childId: d.id, ...o, createdAt: "2025-01-01T00:00:00.000Z" });
    const di = await fx.repos.containers.insertLink("dataset", { ...o, parentId: d.id, childId: i.id });
    assert.deepEqual(await fx.repos.containers.findLink("project", p.id, d.id), pd);
    assert.deepEqual(await fx.repos.containers.findLink("dataset", d.id, i.id), di);
    assert.equal(await fx.repos.containers.findLink("project", p.id, d.id + 1000), undefined);
    await assert.rejects(fx.repos.containers.insertLink("project", { ...o, parentId: p.id, childId: d.id }), { code: "CONFLICT" });
    await assert.rejects(fx.repos.containers.insertLink("project", { ...o, parentId: p.id, childId: 999 }), { code: "NOT_FOUND" });
    assert.deepEqual(await fx.repos.containers.parentIds("dataset", d.id), [p.id]);
    assert.deepEqual(await fx.repos.containers.parentIds("image", i.id), [d.id]);
    await fx.repos.containers.deleteLink("project", pd.id);
    assert.deepEqual(await fx.repos.containers.parentIds("dataset", d.id), []);
    await assert.rejects(fx.repos.containers.deleteLink("project", pd.id), { code: "NOT_FOUND" });
  });

  it("lists children of a parent and orphans", async () => {
    const o = await owner();
    const [p1, p2] = [await fx.build.project(o), await fx.build.project(o)];
    const [d1, d2, d3] = [await fx.build.dataset(o), await fx.build.dataset(o), await fx.build.dataset(o)];
    const [i1, i2, i3] = [await fx.build.image(o), await fx.build.image(o), await fx.build.image(o)];
    const link = (kind: "project" | "dataset", parentId: number, childId: number) =>
      fx.repos.containers.insertLink(kind, { ...o, parentId, childId });
    await link("project", p1.id, d1.id);
    await link("project", p1.id, d2.id);
    await link("project", p2.id, d2.id);
    await link("dataset", d1.id, i1.id);
    await link("dataset", d2.id, i1.id);
    await link("dataset", d2.id, i2.id);
    const ids = async (kind: "project" | "dataset" | "image", filter: { parentId?: number; orphaned?: boolean }) =>
      (await fx.repos.containers.list(kind, { scope: SEE_ALL, ...filter }, FIRST_PAGE)).items.map((r) => r.id);
    assert.deepEqual(await ids("dataset", { parentId: p1.id }), [d1.id, d2.id]);
    assert.deepEqual(await ids("dataset", { parentId: p2.id }), [d2.id]);
    assert.deepEqual(await ids("image", { parentId: d2.id }), [i1.id, i2.id]);
    assert.deepEqual(await ids("image", { parentId: d3.id }), []);
    assert.deepEqual(await ids("dataset", { orphaned: true }), [d3.id]);
    assert.deepEqual(await ids("image", { orphaned: true }), [i3.id]);
    assert.deepEqual(await ids("project", { orphaned: true }), [p1.id, p2.id]);
    assert.deepEqual(await ids("project", { parentId: p1.id }), []);
    const page = await fx.repos.containers.list("image", { scope: SEE_ALL, parentId: d2.id }, { limit: 1, offset: 1 });
    assert.deepEqual(page, { items: [await fx.repos.containers.findImage(i2.id)], total: 2 });
  });

  it("filters by group and owner", async () => {
    const [u1, u2] = [await fx.build.user(), await fx.build.user()];
    const [g1, g2] = [await fx.build.group(), await fx.build.group()];
    const a = await fx.build.project(ownedBy(u1, g1));
    const b = await fx.build.project(ownedBy(u2, g1));
    const c = await fx.build.project(ownedBy(u1, g2));
    const ids = async (filter: { groupId?: number; ownerId?: number }) =>
      (await fx.repos.containers.list("project", { scope: SEE_ALL, ...filter }, FIRST_PAGE)).items.map((r) => r.id);
    assert.deepEqual(await ids({ groupId: g1.id }), [a.id, b.id]);
    assert.deepEqual(await ids({ ownerId: u1.id }), [a.id, c.id]);
    assert.deepEqual(await ids({ groupId: g1.id, ownerId: u1.id }), [a.id]);
  });
});
