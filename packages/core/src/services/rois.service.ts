/**
 * ROIs and their shapes. Adding an ROI to an image is an annotation right (read-annotate groups
 * let members draw on each other's images); changing or deleting an ROI follows the ROI's own
 * ownership. Shapes are validated by the model's validator, which names every offending field.
 */
import { FoveaError, validateRoi, validateShape, type RoiDto, type ShapeInput } from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import { visibilityOf } from "../access/access-policy.ts";
import { requireAccess } from "../access/guard.ts";
import type { ImageRecord, Page, PageResult, RoiRecord } from "../ports/index.ts";
import { toRoiDto, type Calibration } from "./dto.ts";
import type { ServiceDeps } from "./ports.ts";

function calibrationOf(image: ImageRecord): Calibration {
  return { x: image.physicalSizeX, y: image.physicalSizeY, unit: image.physicalSizeUnit };
}

function assertValid(issues: { field: string; message: string }[]): void {
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new FoveaError("SHAPE_INVALID", `Invalid shape: ${first.field} ${first.message}`, { details: issues });
  }
}

/** Shapes whose plane indices point outside the image are refused: they could never be drawn. */
function checkPlanes(shapes: readonly ShapeInput[], image: ImageRecord, at: (i: number) => string): void {
  const issues: { field: string; message: string }[] = [];
  const sizes = { z: image.sizeZ, t: image.sizeT, c: image.sizeC } as const;
  shapes.forEach((s, i) => {
    for (const axis of ["z", "t", "c"] as const) {
      const v = s[axis];
      if (v !== undefined && v !== null && v >= sizes[axis]) {
        issues.push({ field: `${at(i)}.${axis}`, message: `is ${v} but the image has ${sizes[axis]} (0-based indices)` });
      }
    }
  });
  assertValid(issues);
}

export class RoisService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: Actor, imageId: number, input: unknown): Promise<RoiDto> {
    const image = requireAccess(actor, "annotate", await this.deps.repos.containers.findImage(imageId), `Image ${imageId}`);
    assertValid(validateRoi(input, "body"));
    const roi = input as { name?: string; description?: string; shapes: ShapeInput[] };
    checkPlanes(roi.shapes, image, (i) => `body.shapes[${i}]`);
    const row = await this.deps.repos.rois.insert({
      imageId, name: roi.name ?? "", description: roi.description ?? "", shapes: roi.shapes,
      ownerId: actor.userId, groupId: image.groupId,
    });
    return toRoiDto(actor, row, calibrationOf(image));
  }

  async listByImage(actor: Actor, imageId: number, page: Page): Promise<PageResult<RoiDto>> {
    const image = requireAccess(actor, "read", await this.deps.repos.containers.findImage(imageId), `Image ${imageId}`);
    const res = await this.deps.repos.rois.listByImage(imageId, visibilityOf(actor), page);
    return { items: res.items.map((r) => toRoiDto(actor, r, calibrationOf(image))), total: res.total };
  }

  async get(actor: Actor, id: number): Promise<RoiDto> {
    const { roi, image } = await this.#load(actor, "read", id);
    return toRoiDto(actor, roi, calibrationOf(image));
  }

  async update(actor: Actor, id: number, patch: { name?: string | undefined; description?: string | undefined }): Promise<RoiDto> {
    await this.#load(actor, "edit", id);
    const changes: { name?: string; description?: string } = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.description !== undefined) changes.description = patch.description;
    await this.deps.repos.rois.update(id, changes);
    return this.get(actor, id);
  }

  async delete(actor: Actor, id: number): Promise<void> {
    await this.#load(actor, "delete", id);
    await this.deps.repos.rois.delete(id);
  }

  async addShapes(actor: Actor, roiId: number, shapes: unknown): Promise<RoiDto> {
    const { image } = await this.#load(actor, "edit", roiId);
    if (!Array.isArray(shapes) || shapes.length === 0) {
      throw new FoveaError("SHAPE_INVALID", "shapes must be a non-empty array", { details: [{ field: "body.shapes", message: "must be a non-empty array" }] });
    }
    assertValid(shapes.flatMap((s, i) => validateShape(s, `body.shapes[${i}]`)));
    checkPlanes(shapes as ShapeInput[], image, (i) => `body.shapes[${i}]`);
    await this.deps.repos.rois.addShapes(roiId, shapes as ShapeInput[]);
    return this.get(actor, roiId);
  }

  async replaceShape(actor: Actor, shapeId: number, shape: unknown): Promise<RoiDto> {
    const existing = await this.deps.repos.rois.findShape(shapeId);
    if (!existing) throw new FoveaError("NOT_FOUND", `Shape ${shapeId} not found`);
    const { image } = await this.#load(actor, "edit", existing.roiId, `Shape ${shapeId}`);
    assertValid(validateShape(shape, "body"));
    checkPlanes([shape as ShapeInput], image, () => "body");
    await this.deps.repos.rois.replaceShape(shapeId, shape as ShapeInput);
    return this.get(actor, existing.roiId);
  }

  /** Deletes one shape; an ROI left without shapes is deleted with it. */
  async deleteShape(actor: Actor, shapeId: number): Promise<void> {
    const existing = await this.deps.repos.rois.findShape(shapeId);
    if (!existing) throw new FoveaError("NOT_FOUND", `Shape ${shapeId} not found`);
    const { roi } = await this.#load(actor, "edit", existing.roiId, `Shape ${shapeId}`);
    if (roi.shapes.length <= 1) await this.deps.repos.rois.delete(roi.id);
    else await this.deps.repos.rois.deleteShape(shapeId);
  }

  async #load(actor: Actor, action: "read" | "edit" | "delete", id: number, what = `ROI ${id}`): Promise<{ roi: RoiRecord; image: ImageRecord }> {
    const roi = requireAccess(actor, action, await this.deps.repos.rois.findById(id), what);
    const image = await this.deps.repos.containers.findImage(roi.imageId);
    if (!image) throw new FoveaError("NOT_FOUND", `${what} not found`);
    return { roi, image };
  }
}
