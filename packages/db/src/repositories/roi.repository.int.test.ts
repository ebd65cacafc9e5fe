import assert from "node:assert/strict";
import { it } from "node:test";
import type { ShapeInput } from "@fovea/model";
import type { ShapeRecord } from "@fovea/core";
import { forEachDialect } from "../testing/test-dialects.ts";
import { ownedBy, FIRST_PAGE, SEE_ALL } from "../testing/test-builders.ts";

/** One shape of every kind, with and without the optional common fields. */
const EVERY_KIND: ShapeInput[] = [
  { kind: "Line", x1: 0.5, y1: 1.25, x2: 10, y2: -3, strokeColor: "#FF0000", strokeWidth: 1.5 },
  { kind: "Polyline", points: [[0, 0], [1, 1.5], [2, 0]], z: 2, t: 0 },
  { kind: "Polygon", points: [[0, 0], [4, 0], [4, 3]], fillColor: "#00FF0080", c: 1 },
  { kind: "Rectangle", x: 1, y: 2, width: 3, height: 4, text: "box" },
  { kind: "Ellipse", x: 5, y: 6, radiusX: 2.5, radiusY: 1 },
  { kind: "Point", x: 7, y: 8, z: 0, t: 3, c: 2 },
  { kind: "Label", x: 9, y: 10, text: "nucleus", strokeColor: "#FFFFFF" },
];

/** What a stored shape should read back as: absent common fields become null. */
function expected(input: ShapeInput, id: number, roiId: number): ShapeRecord {
  return {
    z: null, t: null, c: null, text: null, strokeColor: null, strokeWidth: null, fillColor: null,
    ...input, id, roiId,
  } as ShapeRecord;
}

forEachDialect("RoiRepository", (fx) => {
  const setup = async () => {
    const o = ownedBy(await fx.build.user(), await fx.build.group());
    return { o, image: await fx.build.image(o) };
  };

  it("round-trips shapes of every kind through JSON, in id order", async () => {
    const { o, image } = await setup();
    const roi = await fx.repos.rois.insert({ ...o, imageId: image.id, name: "cell 1", description: "d", shapes: EVERY_KIND });
    assert.equal(roi.shapes.length, EVERY_KIND.length);
    roi.shapes.forEach((s, i) => assert.deepEqual(s, expected(EVERY_KIND[i]!, s.id, roi.id)));
    assert.deepEqual(roi.shapes.map((s) => s.id), [...roi.shapes.map((s) => s.id)].sort((a, b) => a - b));
    const found = await fx.repos.rois.findById(roi.id);
    assert.deepEqual(found, roi);
    assert.equal(found?.imageId, image.id);
    for (const s of roi.shapes) assert.deepEqual(await fx.repos.rois.findShape(s.id), s);
  });

  it("lists an image's ROIs with their shapes, paged", async () => {
    const { o, image } = await setup();
    const other = await fx.build.image(o);
    const rois = [];
    for (let i = 0; i < 3; i++) {
      rois.push(await fx.repos.rois.insert({ ...o, imageId: image.id, name: `r${i}`, description: "", shapes: EVERY_KIND.slice(i, i + 2) }));
    }
    await fx.repos.rois.insert({ ...o, imageId: other.id, name: "elsewhere", description: "", shapes: EVERY_KIND.slice(0, 1) });
    const page = await fx.repos.rois.listByImage(image.id, SEE_ALL, { limit: 2, offset: 1 });
    assert.equal(page.total, 3);
    assert.deepEqual(page.items, [rois[1], rois[2]]);
    assert.deepEqual((await fx.repos.rois.listByImage(999, SEE_ALL, FIRST_PAGE)), { items: [], total: 0 });
  });

  it("updates an ROI and edits its shapes, stamping the ROI's updated_at", async () => {
    const { o, image } = await setup();
    const roi = await fx.repos.rois.insert({ ...o, imageId: image.id, name: "a", description: "", shapes: [EVERY_KIND[0]!] });
    fx.clock.advance(1000);
    const renamed = await fx.repos.rois.update(roi.id, { description: "described" });
    assert.equal(renamed.name, "a");
    assert.equal(renamed.description, "described");
    assert.equal(renamed.updatedAt, "2025-01-01T00:00:01.000Z");
    assert.deepEqual(renamed.shapes, roi.shapes);

    fx.clock.advance(1000);
    const added = await fx.repos.rois.addShapes(roi.id, EVERY_KIND.slice(5));
    assert.deepEqual(added.map((s) => s.kind), ["Point", "Label"]);
    assert.deepEqual(added[1], expected(EVERY_KIND[6]!, added[1]!.id, roi.id));
    const replaced = await fx.repos.rois.replaceShape(roi.shapes[0]!.id, { kind: "Ellipse", x: 1, y: 1, radiusX: 3, radiusY: 4, z: 1 });
    assert.deepEqual(replaced, expected({ kind: "Ellipse", x: 1, y: 1, radiusX: 3, radiusY: 4, z: 1 }, roi.shapes[0]!.id, roi.id));
    await fx.repos.rois.deleteShape(added[0]!.id);
    const after = await fx.repos.rois.findById(roi.id);
    assert.deepEqual(after?.shapes, [replaced, added[1]]);
    assert.equal(after?.updatedAt, "2025-01-01T00:00:02.000Z");
  });

  it("throws NOT_FOUND for missing ROIs, shapes and images", async () => {
    const { o } = await setup();
    await assert.rejects(fx.repos.rois.update(999, { name: "x" }), { code: "NOT_FOUND" });
    await assert.rejects(fx.repos.rois.delete(999), { code: "NOT_FOUND" });
    await assert.rejects(fx.repos.rois.addShapes(999, EVERY_KIND), { code: "NOT_FOUND" });
    await assert.rejects(fx.repos.rois.replaceShape(999, EVERY_KIND[0]!), { code: "NOT_FOUND" });
    await assert.rejects(fx.repos.rois.deleteShape(999), { code: "NOT_FOUND" });
    await assert.rejects(fx.repos.rois.insert({ ...o, imageId: 999, name: "", description: "", shapes: [] }), { code: "NOT_FOUND" });
    assert.equal(await fx.repos.rois.findById(999), undefined);
    assert.equal(await fx.repos.rois.findShape(999), undefined);
  });

  it("deletes an ROI with its shapes and annotation links", async () => {
    const { o, image } = await setup();
    const roi = await fx.repos.rois.insert({ ...o, imageId: image.id, name: "", description: "", shapes: EVERY_KIND });
    const note = await fx.repos.annotations.insert({
      ...o, kind: "comment", namespace: null, description: "", textValue: "hi", mapValue: null,
      fileName: null, mimeType: null, fileSize: null, sha256: null, storageKey: null,
    });
    await fx.repos.annotations.insertLink({ ...o, parentKind: "roi", parentId: roi.id, annotationId: note.id });
    await fx.repos.rois.delete(roi.id);
    assert.equal(await fx.repos.rois.findById(roi.id), undefined);
    assert.equal(await fx.repos.rois.findShape(roi.shapes[0]!.id), undefined);
    assert.equal(await fx.repos.annotations.findLink("roi", roi.id, note.id), undefined);
    assert.ok(await fx.repos.annotations.findById(note.id));
  });
});
