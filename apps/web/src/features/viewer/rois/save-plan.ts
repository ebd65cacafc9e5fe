/**
 * What Save must send: one new ROI per drawn shape (as OMERO.iviewer does), a replacement for each
 * stored shape whose geometry or plane changed, and a deletion for each stored shape removed. After
 * each request the draft list takes in the answer, so a save that fails half-way keeps what was
 * stored and retries only the rest.
 */
import type { RoiDto, ShapeInput } from "@fovea/model";
import { draftStatus, type RoiDraft } from "./roi-drafts.ts";
import { sameShape, shapeInputFromDto } from "./shape-input.ts";

/** One request of a save, with the key of the draft it is for. */
export type SaveStep =
  | { readonly op: "create"; readonly key: string; readonly shape: ShapeInput }
  | { readonly op: "replace"; readonly key: string; readonly shapeId: number; readonly shape: ShapeInput }
  | { readonly op: "delete"; readonly key: string; readonly shapeId: number };

/** The requests that bring the server in line with the drafts: creations, then replacements, then deletions. */
export function planSave(drafts: readonly RoiDraft[]): SaveStep[] {
  const creates: SaveStep[] = [];
  const replaces: SaveStep[] = [];
  const deletes: SaveStep[] = [];
  for (const d of drafts) {
    const status = draftStatus(d);
    if (status === "new") creates.push({ op: "create", key: d.key, shape: d.shape });
    else if (status === "edited" && d.saved) replaces.push({ op: "replace", key: d.key, shapeId: d.saved.shapeId, shape: d.shape });
    else if (status === "deleted" && d.saved) deletes.push({ op: "delete", key: d.key, shapeId: d.saved.shapeId });
  }
  return [...creates, ...replaces, ...deletes];
}

/** The drafts once `step` succeeded; `created` is the new ROI for a creation. */
export function applySavedStep(drafts: readonly RoiDraft[], step: SaveStep, created?: RoiDto): RoiDraft[] {
  if (step.op === "delete") return drafts.filter((d) => d.key !== step.key);
  return drafts.map((d) => {
    if (d.key !== step.key) return d;
    if (step.op === "replace") return d.saved ? { ...d, saved: { ...d.saved, shape: step.shape } } : d;
    const stored = created?.shapes[0];
    if (!created || !stored) throw new Error("The server answered an ROI creation without its shape");
    // The shape as the user sees it is what was sent; the server's copy only adds ids.
    const shape = sameShape(d.shape, step.shape) ? shapeInputFromDto(stored) : d.shape;
    return { ...d, shape, saved: { shapeId: stored.id, roiId: created.id, shape: shapeInputFromDto(stored), canEdit: created.permissions.canEdit } };
  });
}
