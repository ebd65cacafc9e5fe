import { describe, expect, it } from "vitest";
import type LineString from "ol/geom/LineString.js";
import { addDraft, deleteDrafts, draftsFromRois, editDrafts, type RoiDraft } from "./roi-drafts.ts";
import { createRoiLayer, syncShapeFeatures } from "./roi-layer.ts";
import { isEditable, shapeOf } from "./roi-feature.ts";
import type { RoiDto, ShapeInput } from "@fovea/model";

const stored = {
  type: "Roi", id: 1, ownerId: 2, groupId: 1, createdAt: "", updatedAt: "", imageId: 7, name: "", description: "",
  permissions: { canEdit: false, canDelete: false, canAnnotate: true, canLink: false },
  shapes: [{ type: "Shape", id: 10, roiId: 1, kind: "Point", x: 1, y: 1, z: null, t: null, c: null, text: null, strokeColor: null, strokeWidth: null, fillColor: null, unit: "µm" }],
} as unknown as RoiDto;

describe("the ROI layer", () => {
  it("shows the live shapes of the plane on show and updates features in place", () => {
    const { source } = createRoiLayer();
    let drafts: RoiDraft[] = draftsFromRois([stored]);
    drafts = addDraft(drafts, "n1", { kind: "Line", x1: 0, y1: 0, x2: 10, y2: 0, z: 2, t: 0 });
    drafts = addDraft(drafts, "n2", { kind: "Point", x: 5, y: 5, z: 3, t: 0 });

    syncShapeFeatures(source, drafts, 2, 0);
    expect(source.getFeatures().map((f) => f.getId()).sort()).toEqual(["n1", "s10"]);
    expect(isEditable(source.getFeatureById("s10")!)).toBe(false);
    expect(isEditable(source.getFeatureById("n1")!)).toBe(true);

    const line = source.getFeatureById("n1")!;
    const moved: ShapeInput = { kind: "Line", x1: 0, y1: 5, x2: 10, y2: 5, z: 2, t: 0 };
    drafts = editDrafts(drafts, new Map([["n1", moved]]));
    syncShapeFeatures(source, drafts, 2, 0);
    expect(source.getFeatureById("n1")).toBe(line);
    expect(shapeOf(line)).toBe(moved);
    expect((line.getGeometry() as LineString).getCoordinates()).toEqual([[0, -5], [10, -5]]);

    syncShapeFeatures(source, drafts, 3, 0);
    expect(source.getFeatures().map((f) => f.getId()).sort()).toEqual(["n2", "s10"]);
    syncShapeFeatures(source, deleteDrafts(drafts, new Set(["n2"])), 3, 0);
    expect(source.getFeatures().map((f) => f.getId())).toEqual(["s10"]);
  });
});
