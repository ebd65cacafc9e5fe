import assert from "node:assert/strict";
import { it } from "node:test";
import type { AnnotatableKind, Ownership } from "@fovea/core";
import { forEachDialect } from "../testing/test-dialects.ts";
import { ownedBy, FIRST_PAGE, SEE_ALL } from "../testing/test-builders.ts";

forEachDialect("container delete cascade", (fx) => {
  const tag = (o: Ownership) => fx.repos.annotations.insert({
    ...o, kind: "tag", namespace: null, description: "", textValue: "t", mapValue: null,
    fileName: null, mimeType: null, fileSize: null, sha256: null, storageKey: null,
  });
  const annotate = (o: Ownership, parentKind: AnnotatableKind, parentId: number, annotationId: number) =>
    fx.repos.annotations.insertLink({ ...o, parentKind, parentId, annotationId });
  const count = async (table: "channels" | "rois" | "shapes" | "annotation_links" | "dataset_image_links" | "annotations") => {
    const row = await fx.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it("deleting an image removes its links, channels, ROIs, shapes and annotation links, and nothing else", async () => {
    const o = ownedBy(await fx.build.user(), await fx.build.group());
    const dataset = await fx.build.dataset(o);
    const [doomed, kept] = [await fx.build.image(o), await fx.build.image(o)];
    const annotation = await tag(o);
    for (const image of [doomed, kept]) {
      await fx.repos.containers.insertLink("dataset", { ...o, parentId: dataset.id, childId: image.id });
      const roi = await fx.repos.rois.insert({
        ...o, imageId: image.id, name: "r", description: "",
        shapes: [{ kind: "Point", x: 1, y: 1 }, { kind: "Rectangle", x: 0, y: 0, width: 2, height: 2 }],
      });
      await annotate(o, "image", image.id, annotation.id);
      await annotate(o, "roi", roi.id, annotation.id);
    }
    await annotate(o, "dataset", dataset.id, annotation.id);
    assert.deepEqual([await count("channels"), await count("rois"), await count("shapes"), await count("annotation_links")], [4, 2, 4, 5]);

    await fx.repos.containers.delete("image", doomed.id);

    assert.equal(await fx.repos.containers.findImage(doomed.id), undefined);
    assert.deepEqual([await count("channels"), await count("rois"), await count("shapes"), await count("annotation_links")], [2, 1, 2, 3]);
    assert.deepEqual(await fx.repos.containers.findImage(kept.id), kept);
    assert.equal((await fx.repos.rois.listByImage(kept.id, SEE_ALL, FIRST_PAGE)).items[0]?.shapes.length, 2);
    const images = await fx.repos.containers.list("image", { scope: SEE_ALL, parentId: dataset.id }, FIRST_PAGE);
    assert.deepEqual(images.items.map((i) => i.id), [kept.id]);
    // The annotation itself may be shared, so it stays, still linked to the dataset and the other image.
    assert.ok(await fx.repos.annotations.findById(annotation.id));
    assert.ok(await fx.repos.annotations.findLink("dataset", dataset.id, annotation.id));
    assert.ok(await fx.repos.annotations.findLink("image", kept.id, annotation.id));
    assert.equal(await fx.repos.annotations.findLink("image", doomed.id, annotation.id), undefined);
  });

  it("deleting a dataset unlinks it from projects and images but keeps them", async () => {
    const o = ownedBy(await fx.build.user(), await fx.build.group());
    const project = await fx.build.project(o);
    const dataset = await fx.build.dataset(o);
    const image = await fx.build.image(o);
    await fx.repos.containers.insertLink("project", { ...o, parentId: project.id, childId: dataset.id });
    await fx.repos.containers.insertLink("dataset", { ...o, parentId: dataset.id, childId: image.id });
    await annotate(o, "dataset", dataset.id, (await tag(o)).id);
    await fx.repos.containers.delete("dataset", dataset.id);
    assert.equal(await fx.repos.containers.findById("dataset", dataset.id), undefined);
    assert.deepEqual(await fx.repos.containers.parentIds("image", image.id), []);
    assert.equal(await count("annotation_links"), 0);
    assert.deepEqual((await fx.repos.containers.list("image", { scope: SEE_ALL, orphaned: true }, FIRST_PAGE)).items.map((i) => i.id), [image.id]);
    assert.ok(await fx.repos.containers.findById("project", project.id));
  });

  it("deleting a project orphans its datasets", async () => {
    const o = ownedBy(await fx.build.user(), await fx.build.group());
    const project = await fx.build.project(o);
    const dataset = await fx.build.dataset(o);
    await fx.repos.containers.insertLink("project", { ...o, parentId: project.id, childId: dataset.id });
    await fx.repos.containers.delete("project", project.id);
    assert.deepEqual(await fx.repos.containers.parentIds("dataset", dataset.id), []);
    assert.ok(await fx.repos.containers.findById("dataset", dataset.id));
  });
});
