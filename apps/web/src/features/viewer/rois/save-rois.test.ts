import { describe, expect, it } from "vitest";
import type { CreateRoiRequest, RoiDto } from "@fovea/client";
import { FoveaError, type ShapeInput } from "@fovea/model";
import { addDraft, deleteDrafts, draftStatus, draftsFromRois } from "./roi-drafts.ts";
import { createRoiStore, loadDrafts } from "./roi-store.ts";
import { describeSaveError, shapeField } from "./save-error.ts";
import { saveRois, type RoiWriter } from "./save-rois.ts";

const PERMS = { canEdit: true, canDelete: true, canAnnotate: true, canLink: true };
const STAMP = "2024-01-01T00:00:00Z";

function storedRoi(id: number, shapeId: number, shape: ShapeInput): RoiDto {
  return {
    type: "Roi", id, ownerId: 1, groupId: 1, createdAt: STAMP, updatedAt: STAMP, permissions: PERMS, imageId: 7, name: "", description: "",
    shapes: [{ z: null, t: null, c: null, text: null, strokeColor: null, strokeWidth: null, fillColor: null, ...shape, type: "Shape", id: shapeId, roiId: id, unit: "µm" }],
  } as RoiDto;
}

/** A strict stand-in for the HTTP API: it answers like the server and refuses a shape on a plane beyond the image. */
function fakeServer(sizeZ: number) {
  const calls: string[] = [];
  let nextId = 100;
  const writer: RoiWriter = {
    async create(imageId: number, body: CreateRoiRequest) {
      calls.push(`create ${imageId}`);
      const shape = body.shapes[0]!;
      if (shape.z !== undefined && shape.z >= sizeZ) {
        throw new FoveaError("SHAPE_INVALID", "Invalid shape: body.shapes[0].z is 12", { details: [{ field: "body.shapes[0].z", message: `is ${shape.z} but the image has ${sizeZ} (0-based indices)` }] });
      }
      nextId += 1;
      return storedRoi(nextId, nextId + 1000, shape);
    },
    async replaceShape(id: number) {
      calls.push(`replace ${id}`);
      return undefined;
    },
    async deleteShape(id: number) {
      calls.push(`delete ${id}`);
    },
  };
  return { writer, calls };
}

describe("saving ROIs", () => {
  it("stops at a refused shape, keeps everything unsaved, and retries only the rest", async () => {
    const store = createRoiStore();
    let drafts = draftsFromRois([storedRoi(1, 10, { kind: "Point", x: 1, y: 1 })]);
    drafts = addDraft(drafts, "a", { kind: "Line", x1: 0, y1: 0, x2: 3, y2: 4, z: 0 });
    drafts = addDraft(drafts, "b", { kind: "Point", x: 5, y: 5, z: 12 });
    drafts = deleteDrafts(drafts, new Set(["s10"]));
    loadDrafts(store, drafts);
    const server = fakeServer(9);

    await saveRois(store, 7, server.writer);
    expect(server.calls).toEqual(["create 7", "create 7"]);
    const failed = store.get();
    expect(failed.save).toMatchObject({ status: "failed", key: "b" });
    expect(failed.drafts.map((d) => [d.key, draftStatus(d)])).toEqual([["s10", "deleted"], ["a", "saved"], ["b", "new"]]);
    expect(describeSaveError(failed.save.status === "failed" ? failed.save.error : undefined)).toEqual({
      code: "SHAPE_INVALID", message: "Invalid shape: body.shapes[0].z is 12", fields: ["z is 12 but the image has 9 (0-based indices)"],
    });

    // The user fixes nothing but removes the bad shape; Save sends only the deletion left.
    store.set((s) => ({ ...s, drafts: deleteDrafts(s.drafts, new Set(["b"])) }));
    server.calls.length = 0;
    await saveRois(store, 7, server.writer);
    expect(server.calls).toEqual(["delete 10"]);
    expect(store.get().save).toEqual({ status: "saved" });
    expect(store.get().drafts.map((d) => d.key)).toEqual(["a"]);
  });

  it("sends nothing when nothing changed", async () => {
    const store = createRoiStore();
    const server = fakeServer(1);
    await saveRois(store, 7, server.writer);
    expect(server.calls).toEqual([]);
    expect(store.get().save).toEqual({ status: "idle" });
  });

  it("names the field of a replaced shape", () => {
    expect(shapeField("body.z")).toBe("z");
    expect(shapeField("body.shapes[3].points[1][0]")).toBe("points[1][0]");
  });
});
