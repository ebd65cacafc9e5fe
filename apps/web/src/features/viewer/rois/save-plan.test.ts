import { describe, expect, it } from "vitest";
import type { RoiDto, ShapeDto, ShapeInput } from "@fovea/model";
import { addDraft, deleteDrafts, draftStatus, draftsFromRois, editDrafts, liveDrafts, onPlane, type RoiDraft } from "./roi-drafts.ts";
import { applySavedStep, planSave } from "./save-plan.ts";

const PERMS = { canEdit: true, canDelete: true, canAnnotate: true, canLink: true };

function shapeDto(id: number, roiId: number, geometry: Record<string, unknown>): ShapeDto {
  return {
    type: "Shape", id, roiId, z: 0, t: null, c: null, text: null, strokeColor: null, strokeWidth: null, fillColor: null, unit: "µm",
    ...geometry,
  } as ShapeDto;
}

function roi(id: number, shapes: ShapeDto[], canEdit = true): RoiDto {
  return {
    type: "Roi", id, ownerId: 1, groupId: 1, createdAt: "2024-01-01T00:00:00Z", updatedAt: "2024-01-01T00:00:00Z",
    permissions: { ...PERMS, canEdit }, imageId: 7, name: "", description: "", shapes,
  };
}

const STORED = [
  roi(1, [shapeDto(10, 1, { kind: "Line", x1: 0, y1: 0, x2: 5, y2: 5 }), shapeDto(11, 1, { kind: "Point", x: 3, y: 3 })]),
  roi(2, [shapeDto(20, 2, { kind: "Rectangle", x: 1, y: 1, width: 4, height: 4 })], false),
];

describe("ROI drafts and the save plan", () => {
  it("loads stored shapes without their nulls and plans nothing", () => {
    const drafts = draftsFromRois(STORED);
    expect(drafts.map((d) => d.key)).toEqual(["s10", "s11", "s20"]);
    expect(drafts[0]!.shape).toEqual({ kind: "Line", x1: 0, y1: 0, x2: 5, y2: 5, z: 0 });
    expect(drafts.map(draftStatus)).toEqual(["saved", "saved", "saved"]);
    expect(planSave(drafts)).toEqual([]);
  });

  it("plans a creation per drawn shape, a replacement per edit and a deletion per removed shape", () => {
    const drawn: ShapeInput = { kind: "Line", x1: 1, y1: 2, x2: 3, y2: 4, z: 4, t: 0, c: 3 };
    let drafts: RoiDraft[] = addDraft(draftsFromRois(STORED), "n1", drawn);
    drafts = editDrafts(drafts, new Map([["s10", { kind: "Line", x1: 1, y1: 1, x2: 6, y2: 6, z: 0 } as ShapeInput]]));
    drafts = deleteDrafts(drafts, new Set(["s11"]));
    expect(drafts.map(draftStatus)).toEqual(["edited", "deleted", "saved", "new"]);
    expect(planSave(drafts)).toEqual([
      { op: "create", key: "n1", shape: drawn },
      { op: "replace", key: "s10", shapeId: 10, shape: { kind: "Line", x1: 1, y1: 1, x2: 6, y2: 6, z: 0 } },
      { op: "delete", key: "s11", shapeId: 11 },
    ]);
    expect(liveDrafts(drafts).map((d) => d.key)).toEqual(["s10", "s20", "n1"]);
  });

  it("counts an edit undone by hand as no change", () => {
    const drafts = editDrafts(draftsFromRois(STORED), new Map([["s11", { z: 0, y: 3, x: 3, kind: "Point" } as ShapeInput]]));
    expect(planSave(drafts)).toEqual([]);
  });

  it("neither edits nor deletes a shape of an ROI the user may not change", () => {
    let drafts = editDrafts(draftsFromRois(STORED), new Map([["s20", { kind: "Point", x: 0, y: 0 } as ShapeInput]]));
    drafts = deleteDrafts(drafts, new Set(["s20"]));
    expect(planSave(drafts)).toEqual([]);
  });

  it("drops a drawn shape deleted before saving without any request", () => {
    const drafts = deleteDrafts(addDraft([], "n2", { kind: "Point", x: 1, y: 1 }), new Set(["n2"]));
    expect(drafts).toEqual([]);
    expect(planSave(drafts)).toEqual([]);
  });

  it("takes in each saved step, so a retry after a failure sends only the rest", () => {
    const drawn: ShapeInput = { kind: "Point", x: 8, y: 9, z: 1 };
    let drafts = deleteDrafts(addDraft(draftsFromRois(STORED), "n3", drawn), new Set(["s10"]));
    const [create, del] = planSave(drafts);
    drafts = applySavedStep(drafts, create!, roi(3, [shapeDto(30, 3, { kind: "Point", x: 8, y: 9, z: 1 })]));
    expect(drafts.find((d) => d.key === "n3")?.saved).toEqual({ shapeId: 30, roiId: 3, shape: { kind: "Point", x: 8, y: 9, z: 1 }, canEdit: true });
    expect(planSave(drafts)).toEqual([del]);
    drafts = applySavedStep(drafts, del!);
    expect(drafts.map((d) => d.key)).toEqual(["s11", "s20", "n3"]);
    expect(planSave(drafts)).toEqual([]);
  });

  it("shows a shape with null z or t on every plane of that axis", () => {
    expect(onPlane({ kind: "Point", x: 0, y: 0 }, 3, 7)).toBe(true);
    expect(onPlane({ kind: "Point", x: 0, y: 0, z: 3 }, 3, 7)).toBe(true);
    expect(onPlane({ kind: "Point", x: 0, y: 0, z: 2 }, 3, 7)).toBe(false);
    expect(onPlane({ kind: "Point", x: 0, y: 0, t: 6 }, 3, 7)).toBe(false);
  });
});
