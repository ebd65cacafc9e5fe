import assert from "node:assert/strict";
import { it } from "node:test";
import type { ScriptDeclaration } from "@fovea/model";
import type { ScriptRecord, UserRecord } from "@fovea/core";
import { FIRST_PAGE } from "../testing/test-builders.ts";
import { forEachDialect, type DialectFixture } from "../testing/test-dialects.ts";

const declaration = (name: string, extra: Partial<ScriptDeclaration> = {}): ScriptDeclaration => ({
  name, description: "Says hello", folder: "util_scripts", authors: ["A. Author"], version: "1.0", rerunnable: true,
  params: [
    { name: "Data_Type", type: "string", values: ["Dataset", "Image"], default: "Image", grouping: "1" },
    { name: "IDs", type: "list", element: "long", grouping: "2", description: "ids", min: 1 },
    { name: "Options", type: "map", optional: true },
  ],
  ...extra,
});

const sha = (c: string) => c.repeat(64);

function newScript(fx: DialectFixture, owner: UserRecord, o: { name?: string; folder?: string; official?: boolean; enabled?: boolean; sha256?: string } = {}): Promise<ScriptRecord> {
  const name = o.name ?? "Hello_World";
  const hash = o.sha256 ?? sha("a");
  return fx.repos.scripts.insert(
    { name, folder: o.folder ?? "util_scripts", language: "typescript", official: o.official ?? true, enabled: o.enabled ?? true,
      ownerId: owner.id, declaration: declaration(name), sha256: hash },
    { sha256: hash, source: `// ${name}`, runnable: `/* bundled ${name} */`, declaration: declaration(name), uploadedBy: owner.id },
  );
}

forEachDialect("ScriptRepository", (fx) => {
  it("inserts a script with its first version and reads both back", async () => {
    const owner = await fx.build.user();
    const s = await newScript(fx, owner);
    assert.deepEqual(s, {
      id: s.id, name: "Hello_World", folder: "util_scripts", language: "typescript", official: true, enabled: true,
      ownerId: owner.id, declaration: declaration("Hello_World"), sha256: sha("a"),
      createdAt: "2025-01-01T00:00:00.000Z", updatedAt: "2025-01-01T00:00:00.000Z",
    });
    assert.deepEqual(await fx.repos.scripts.findById(s.id), s);
    assert.deepEqual(await fx.repos.scripts.findByName("util_scripts", "Hello_World", true), s);
    assert.equal(await fx.repos.scripts.findByName("util_scripts", "Hello_World", false, owner.id), undefined);
    assert.deepEqual(await fx.repos.scripts.findVersion(s.id, sha("a")), {
      scriptId: s.id, sha256: sha("a"), source: "// Hello_World", runnable: "/* bundled Hello_World */",
      declaration: declaration("Hello_World"), uploadedBy: owner.id, createdAt: "2025-01-01T00:00:00.000Z",
    });
    assert.equal(await fx.repos.scripts.findVersion(s.id, sha("b")), undefined);
    assert.equal(await fx.repos.scripts.findById(999), undefined);
  });

  it("allows one official script per folder and name, and one user script per owner, folder and name", async () => {
    const [ann, bob] = [await fx.build.user(), await fx.build.user()];
    await newScript(fx, ann, { official: true });
    await assert.rejects(newScript(fx, bob, { official: true }), { code: "CONFLICT", message: /official script util_scripts\/Hello_World/ });
    // The same name is free as a user script of each owner, and in another folder.
    const annOwn = await newScript(fx, ann, { official: false });
    await newScript(fx, bob, { official: false });
    await newScript(fx, ann, { official: true, folder: "export_scripts" });
    await assert.rejects(newScript(fx, ann, { official: false }), { code: "CONFLICT" });
    assert.deepEqual(await fx.repos.scripts.findByName("util_scripts", "Hello_World", false, ann.id), annOwn);
    // A failed insert leaves no half-written script behind.
    assert.equal((await fx.repos.scripts.list({ ownerId: ann.id }, FIRST_PAGE)).total, 3);
  });

  it("needs the owner to find a user script by name, and the first version's hash to insert", async () => {
    const owner = await fx.build.user();
    await assert.rejects(fx.repos.scripts.findByName("util_scripts", "x", false), { code: "INTERNAL" });
    await assert.rejects(fx.repos.scripts.insert(
      { name: "x", folder: "f", language: "python", official: true, enabled: true, ownerId: owner.id, declaration: declaration("x"), sha256: sha("a") },
      { sha256: sha("b"), source: "", runnable: "", declaration: declaration("x"), uploadedBy: owner.id },
    ), { code: "INTERNAL" });
  });

  it("lists official scripts plus the owner's own, by folder and name, hiding disabled ones unless asked", async () => {
    const [ann, bob] = [await fx.build.user(), await fx.build.user()];
    const kymo = await newScript(fx, ann, { name: "Kymograph", folder: "analysis_scripts" });
    const hello = await newScript(fx, ann, { name: "Hello_World" });
    const off = await newScript(fx, ann, { name: "Old", enabled: false });
    const annOwn = await newScript(fx, ann, { name: "Mine", official: false });
    await newScript(fx, bob, { name: "Bobs", official: false });
    const ids = async (filter: Parameters<typeof fx.repos.scripts.list>[0], page = FIRST_PAGE) =>
      (await fx.repos.scripts.list(filter, page)).items.map((s) => s.id);
    assert.deepEqual(await ids({}), [kymo.id, hello.id]);
    assert.deepEqual(await ids({ ownerId: ann.id }), [kymo.id, hello.id, annOwn.id]);
    assert.deepEqual(await ids({ ownerId: ann.id, officialOnly: true }), [kymo.id, hello.id]);
    assert.deepEqual(await ids({ ownerId: ann.id, folder: "util_scripts", includeDisabled: true }), [hello.id, annOwn.id, off.id]);
    const page = await fx.repos.scripts.list({ ownerId: ann.id, includeDisabled: true }, { limit: 2, offset: 1 });
    assert.deepEqual({ ids: page.items.map((s) => s.id), total: page.total }, { ids: [hello.id, annOwn.id], total: 4 });
  });

  it("adds versions, keeps the old ones, and makes a re-uploaded old version current again", async () => {
    const owner = await fx.build.user();
    const s = await newScript(fx, owner);
    fx.clock.advance(1000);
    const v2decl = declaration("Hello_World", { version: "2.0" });
    const v2 = await fx.repos.scripts.addVersion(s.id, { sha256: sha("b"), source: "// v2", runnable: "/* v2 */", declaration: v2decl, uploadedBy: owner.id });
    assert.deepEqual({ sha: v2.sha256, decl: v2.declaration, updated: v2.updatedAt, created: v2.createdAt },
      { sha: sha("b"), decl: v2decl, updated: "2025-01-01T00:00:01.000Z", created: s.createdAt });
    assert.equal((await fx.repos.scripts.findVersion(s.id, sha("a")))?.source, "// Hello_World");
    fx.clock.advance(1000);
    const back = await fx.repos.scripts.addVersion(s.id, { sha256: sha("a"), source: "// Hello_World", runnable: "x", declaration: declaration("Hello_World"), uploadedBy: owner.id });
    assert.equal(back.sha256, sha("a"));
    assert.deepEqual(await fx.repos.scripts.listVersions(s.id), [
      { scriptId: s.id, sha256: sha("a"), declaration: declaration("Hello_World"), uploadedBy: owner.id, createdAt: "2025-01-01T00:00:00.000Z" },
      { scriptId: s.id, sha256: sha("b"), declaration: v2decl, uploadedBy: owner.id, createdAt: "2025-01-01T00:00:01.000Z" },
    ]);
    await assert.rejects(fx.repos.scripts.addVersion(999, { sha256: sha("c"), source: "", runnable: "", declaration: v2decl, uploadedBy: owner.id }), { code: "NOT_FOUND" });
  });

  it("enables and disables", async () => {
    const s = await newScript(fx, await fx.build.user());
    assert.equal((await fx.repos.scripts.setEnabled(s.id, false)).enabled, false);
    assert.equal((await fx.repos.scripts.findById(s.id))?.enabled, false);
    assert.equal((await fx.repos.scripts.setEnabled(s.id, true)).enabled, true);
    await assert.rejects(fx.repos.scripts.setEnabled(999, true), { code: "NOT_FOUND" });
  });

  it("deletes a script with its versions, while the jobs that ran it stay", async () => {
    const owner = await fx.build.user();
    const group = await fx.build.group();
    const s = await newScript(fx, owner);
    const job = await fx.repos.jobs.insert({ scriptId: s.id, scriptName: s.name, scriptSha256: s.sha256, ownerId: owner.id, groupId: group.id, inputs: {} });
    await fx.repos.scripts.delete(s.id);
    assert.equal(await fx.repos.scripts.findById(s.id), undefined);
    assert.equal(await fx.repos.scripts.findVersion(s.id, sha("a")), undefined);
    assert.deepEqual(await fx.repos.scripts.listVersions(s.id), []);
    assert.deepEqual(await fx.repos.jobs.findById(job.id), job);
    await assert.rejects(fx.repos.scripts.delete(s.id), { code: "NOT_FOUND" });
    // The name is free again.
    await newScript(fx, owner);
  });
});
