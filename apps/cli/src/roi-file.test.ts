import { test } from "node:test";
import assert from "node:assert/strict";
import { isFoveaError, type FieldIssue } from "@fovea/model";
import { parseRoiFile } from "./roi-file.ts";

function issuesOf(text: string): FieldIssue[] {
  try {
    parseRoiFile(text, "shapes.json");
  } catch (err) {
    assert.ok(isFoveaError(err, "SHAPE_INVALID"), `expected SHAPE_INVALID, got ${String(err)}`);
    assert.match(err.message, /^shapes\.json: .*nothing was created$/);
    return err.details as FieldIssue[];
  }
  return assert.fail("expected the file to be refused");
}

test("accepts one ROI object or an array of them", () => {
  const one = parseRoiFile(JSON.stringify({ name: "a", shapes: [{ kind: "Point", x: 1, y: 2 }] }), "f");
  assert.equal(one.length, 1);
  const two = parseRoiFile(JSON.stringify([{ shapes: [{ kind: "Point", x: 1, y: 2 }] }, { shapes: [{ kind: "Line", x1: 0, y1: 0, x2: 1, y2: 1 }] }]), "f");
  assert.equal(two.length, 2);
});

test("names every offending field across all ROIs: missing points, 1e999, negative width", () => {
  const text = `[{"shapes":[{"kind":"Point","x":1,"y":1}]},
    {"shapes":[{"kind":"Polygon"},{"kind":"Point","x":1e999,"y":2},{"kind":"Rectangle","x":0,"y":0,"width":-3,"height":2}]}]`;
  assert.deepEqual(issuesOf(text).map((i) => i.field), ["rois[1].shapes[0].points", "rois[1].shapes[1].x", "rois[1].shapes[2].width"]);
});

test("a single object's fields are prefixed with roi", () => {
  assert.deepEqual(issuesOf(`{"shapes":[{"kind":"Ellipse","x":0,"y":0,"radiusX":-1,"radiusY":1}]}`).map((i) => i.field), ["roi.shapes[0].radiusX"]);
});

test("invalid JSON and an empty array are refused with the file name", () => {
  assert.throws(() => parseRoiFile("{", "s.json"), (e) => isFoveaError(e, "MALFORMED_JSON") && e.message.startsWith("s.json is not valid JSON"));
  assert.throws(() => parseRoiFile("[]", "s.json"), (e) => isFoveaError(e, "SHAPE_INVALID"));
});
