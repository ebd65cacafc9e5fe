/**
 * The way back up the hierarchy: the projects a dataset is linked into and the datasets holding
 * an image (many-to-many, so lists), visible ones only, and nothing about an invisible child.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { assertError, expectStatus } from "../support/api-client.ts";
import { forEachDialect } from "../support/api-harness.ts";

forEachDialect("parent containers", (ctx) => {
  let alice = "";
  let bob = "";
  let outsider = "";
  let ids = { p1: 0, p2: 0, d1: 0, d2: 0, image: 0 };

  before(async () => {
    const lab = (await ctx.newGroup("parents-lab", "read-only")).id;
    const other = (await ctx.newGroup("parents-other", "private")).id;
    await ctx.newUser("p-alice", { groups: [lab] });
    await ctx.newUser("p-bob", { groups: [lab] });
    await ctx.newUser("p-out", { groups: [other] });
    alice = await ctx.login("p-alice", "p-alice-password");
    bob = await ctx.login("p-bob", "p-bob-password");
    outsider = await ctx.login("p-out", "p-out-password");
    const p1 = await ctx.newProject(alice, "P1");
    const p2 = await ctx.newProject(alice, "P2");
    const d1 = await ctx.newDataset(alice, "D1");
    const d2 = await ctx.newDataset(alice, "D2");
    const image = await ctx.newImage("p-alice", { name: "img" });
    for (const [p, d] of [[p2.id, d1.id], [p1.id, d1.id]]) expectStatus(await ctx.as(alice).post(`/projects/${p}/datasets`, { datasetId: d }), 201, "link");
    for (const d of [d2.id, d1.id]) expectStatus(await ctx.as(alice).post(`/datasets/${d}/images`, { imageId: image.id }), 201, "link");
    ids = { p1: p1.id, p2: p2.id, d1: d1.id, d2: d2.id, image: image.id };
  });

  test("a dataset's projects and an image's datasets, in id order, as full objects", async () => {
    const projects = expectStatus(await ctx.as(alice).get(`/datasets/${ids.d1}/projects`), 200, "projects").json.items;
    assert.deepEqual(projects.map((p: { id: number; type: string; name: string }) => [p.type, p.id, p.name]), [["Project", ids.p1, "P1"], ["Project", ids.p2, "P2"]]);
    const datasets = expectStatus(await ctx.as(alice).get(`/images/${ids.image}/datasets`), 200, "datasets").json.items;
    assert.deepEqual(datasets.map((d: { id: number }) => d.id), [ids.d1, ids.d2]);
    assert.deepEqual(expectStatus(await ctx.as(alice).get(`/datasets/${ids.d2}/projects`), 200, "none").json.items, []);
  });

  test("group members see the same parents; an outsider gets 404 for the child", async () => {
    assert.equal(expectStatus(await ctx.as(bob).get(`/images/${ids.image}/datasets`), 200, "bob").json.items.length, 2);
    assertError(await ctx.as(outsider).get(`/images/${ids.image}/datasets`), 404, "NOT_FOUND");
    assertError(await ctx.as(outsider).get(`/datasets/${ids.d1}/projects`), 404, "NOT_FOUND");
    assertError(await ctx.as(alice).get(`/images/999999/datasets`), 404, "NOT_FOUND");
  });
});
