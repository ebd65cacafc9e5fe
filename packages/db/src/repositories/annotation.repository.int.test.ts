import assert from "node:assert/strict";
import { it } from "node:test";
import type { NewAnnotation, Ownership } from "@fovea/core";
import { forEachDialect } from "../testing/test-dialects.ts";
import { ownedBy, FIRST_PAGE, SEE_ALL } from "../testing/test-builders.ts";

function annotation(o: Ownership, fields: Partial<NewAnnotation> & Pick<NewAnnotation, "kind">): NewAnnotation {
  return {
    ...o, namespace: null, description: "", textValue: null, mapValue: null, fileName: null, mimeType: null,
    fileSize: null, sha256: null, storageKey: null, ...fields,
  };
}

forEachDialect("AnnotationRepository", (fx) => {
  const owner = async () => ownedBy(await fx.build.user(), await fx.build.group());

  it("round-trips map annotations (order, duplicates, unicode) and file annotations", async () => {
    const o = await owner();
    const pairs: [string, string][] = [["gene", "GFP"], ["gene", "mCherry"], ["Temperatur °C", "37"], ["empty", ""], ["quote", '"x"']];
    const map = await fx.repos.annotations.insert(annotation(o, { kind: "map", namespace: "openmicroscopy.org/mapr", mapValue: pairs }));
    assert.deepEqual(map.mapValue, pairs);
    assert.equal(map.namespace, "openmicroscopy.org/mapr");
    assert.deepEqual(await fx.repos.annotations.findById(map.id), map);
    const big = 5 * 1024 ** 3;
    const file = await fx.repos.annotations.insert(annotation(o, {
      kind: "file", fileName: "results.csv", mimeType: "text/csv", fileSize: big, sha256: "ab".repeat(32), storageKey: "ab/cd",
    }));
    assert.deepEqual(file, {
      id: file.id, kind: "file", namespace: null, description: "", textValue: null, mapValue: null, fileName: "results.csv",
      mimeType: "text/csv", fileSize: big, sha256: "ab".repeat(32), storageKey: "ab/cd", ...o,
      createdAt: "2025-01-01T00:00:00.000Z", updatedAt: "2025-01-01T00:00:00.000Z",
    });
    assert.equal(await fx.repos.annotations.findById(999), undefined);
  });

  it("updates text, map and namespace, stamping updated_at", async () => {
    const o = await owner();
    const tag = await fx.repos.annotations.insert(annotation(o, { kind: "tag", textValue: "old", namespace: "ns" }));
    fx.clock.advance(5000);
    const updated = await fx.repos.annotations.update(tag.id, { textValue: "new", namespace: null, description: "d" });
    assert.equal(updated.textValue, "new");
    assert.equal(updated.namespace, null);
    assert.equal(updated.description, "d");
    assert.equal(updated.updatedAt, "2025-01-01T00:00:05.000Z");
    const map = await fx.repos.annotations.insert(annotation(o, { kind: "map", mapValue: [["a", "1"]] }));
    assert.deepEqual((await fx.repos.annotations.update(map.id, { mapValue: [["b", "2"], ["a", "1"]] })).mapValue, [["b", "2"], ["a", "1"]]);
    await assert.rejects(fx.repos.annotations.update(999, { textValue: "x" }), { code: "NOT_FOUND" });
  });

  it("lists by kind, namespace and linked object", async () => {
    const o = await owner();
    const image = await fx.build.image(o);
    const tagA = await fx.repos.annotations.insert(annotation(o, { kind: "tag", textValue: "a", namespace: "ns1" }));
    const tagB = await fx.repos.annotations.insert(annotation(o, { kind: "tag", textValue: "b" }));
    const comment = await fx.repos.annotations.insert(annotation(o, { kind: "comment", textValue: "c", namespace: "ns1" }));
    await fx.repos.annotations.insertLink({ ...o, parentKind: "image", parentId: image.id, annotationId: tagB.id });
    await fx.repos.annotations.insertLink({ ...o, parentKind: "image", parentId: image.id, annotationId: comment.id });
    // Same id, another kind: must not count as linked to the image.
    await fx.repos.annotations.insertLink({ ...o, parentKind: "roi", parentId: image.id, annotationId: tagA.id });
    const ids = async (filter: Omit<Parameters<typeof fx.repos.annotations.list>[0], "scope">) =>
      (await fx.repos.annotations.list({ scope: SEE_ALL, ...filter }, FIRST_PAGE)).items.map((a) => a.id);
    assert.deepEqual(await ids({ kind: "tag" }), [tagA.id, tagB.id]);
    assert.deepEqual(await ids({ namespace: "ns1" }), [tagA.id, comment.id]);
    assert.deepEqual(await ids({ linkedTo: { kind: "image", id: image.id } }), [tagB.id, comment.id]);
    assert.deepEqual(await ids({ linkedTo: { kind: "image", id: image.id }, kind: "comment" }), [comment.id]);
    const page = await fx.repos.annotations.list({ scope: SEE_ALL }, { limit: 1, offset: 2 });
    assert.deepEqual(page, { items: [comment], total: 3 });
  });

  it("links, finds and unlinks; a duplicate link is a CONFLICT", async () => {
    const o = await owner();
    const dataset = await fx.build.dataset(o);
    const tag = await fx.repos.annotations.insert(annotation(o, { kind: "tag", textValue: "t" }));
    const link = await fx.repos.annotations.insertLink({ ...o, parentKind: "dataset", parentId: dataset.id, annotationId: tag.id });
    assert.deepEqual(link, { id: link.id, parentId: dataset.id, childId: tag.id, ...o, createdAt: "2025-01-01T00:00:00.000Z" });
    assert.deepEqual(await fx.repos.annotations.findLink("dataset", dataset.id, tag.id), link);
    assert.equal(await fx.repos.annotations.findLink("project", dataset.id, tag.id), undefined);
    await assert.rejects(
      fx.repos.annotations.insertLink({ ...o, parentKind: "dataset", parentId: dataset.id, annotationId: tag.id }),
      { code: "CONFLICT" },
    );
    await fx.repos.annotations.deleteLink(link.id);
    assert.equal(await fx.repos.annotations.findLink("dataset", dataset.id, tag.id), undefined);
    await assert.rejects(fx.repos.annotations.deleteLink(link.id), { code: "NOT_FOUND" });
  });

  it("deletes an annotation with its links", async () => {
    const o = await owner();
    const project = await fx.build.project(o);
    const tag = await fx.repos.annotations.insert(annotation(o, { kind: "tag", textValue: "t" }));
    await fx.repos.annotations.insertLink({ ...o, parentKind: "project", parentId: project.id, annotationId: tag.id });
    await fx.repos.annotations.delete(tag.id);
    assert.equal(await fx.repos.annotations.findById(tag.id), undefined);
    assert.equal(await fx.repos.annotations.findLink("project", project.id, tag.id), undefined);
    await assert.rejects(fx.repos.annotations.delete(tag.id), { code: "NOT_FOUND" });
  });
});
