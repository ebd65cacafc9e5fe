/**
 * The shapes of one image as the viewer holds them between saves: each stored shape with the
 * version last saved, plus the shapes drawn since. Edits replace a draft's `shape`; deleting a
 * stored shape only marks it, so that Save can delete it on the server and a failed save loses
 * nothing. Every function here is pure and returns a new list.
 */
import type { RoiDto, ShapeInput } from "@fovea/model";
import { sameShape, shapeInputFromDto } from "./shape-input.ts";

/** The stored version of a draft. */
export interface SavedShape {
  readonly shapeId: number;
  readonly roiId: number;
  readonly shape: ShapeInput;
  /** Whether the user may change or delete it (the ROI's permissions). */
  readonly canEdit: boolean;
}

/** One shape as the viewer holds it. */
export interface RoiDraft {
  /** Stable across saves (a shape drawn here keeps its key once stored), used as the feature id. */
  readonly key: string;
  readonly shape: ShapeInput;
  /** Absent for a shape drawn since the last save. */
  readonly saved?: SavedShape;
  /** A stored shape the user deleted; it disappears once the deletion is saved. */
  readonly deleted?: boolean;
}

/** Where a draft stands against the server. */
export type DraftStatus = "new" | "edited" | "deleted" | "saved";

/** New (never saved), edited (differs from the stored version), deleted (to delete), or saved. */
export function draftStatus(d: RoiDraft): DraftStatus {
  if (!d.saved) return "new";
  if (d.deleted) return "deleted";
  return sameShape(d.shape, d.saved.shape) ? "saved" : "edited";
}

/** A shape drawn here is the user's; a stored one follows its ROI's permissions. */
export function canEditDraft(d: RoiDraft): boolean {
  return d.saved?.canEdit ?? true;
}

/** The drafts of freshly loaded ROIs, one per shape, in ROI then shape order. */
export function draftsFromRois(rois: readonly RoiDto[]): RoiDraft[] {
  return rois.flatMap((roi) =>
    roi.shapes.map((s) => {
      const shape = shapeInputFromDto(s);
      return { key: `s${s.id}`, shape, saved: { shapeId: s.id, roiId: roi.id, shape, canEdit: roi.permissions.canEdit } };
    }),
  );
}

let drawn = 0;
/** A key for a shape drawn here; never the `s<id>` form of a stored one. */
export function newDraftKey(): string {
  drawn += 1;
  return `n${drawn}`;
}

/** The drafts with a newly drawn shape at the end. */
export function addDraft(drafts: readonly RoiDraft[], key: string, shape: ShapeInput): RoiDraft[] {
  return [...drafts, { key, shape }];
}

/** Replaces the shapes of the given drafts (after a move or an edit on the map). */
export function editDrafts(drafts: readonly RoiDraft[], edits: ReadonlyMap<string, ShapeInput>): RoiDraft[] {
  return drafts.map((d) => {
    const shape = edits.get(d.key);
    return shape && canEditDraft(d) ? { ...d, shape } : d;
  });
}

/** Deletes drafts the user may edit: a new one goes at once, a stored one is marked for Save. */
export function deleteDrafts(drafts: readonly RoiDraft[], keys: ReadonlySet<string>): RoiDraft[] {
  return drafts.flatMap((d): RoiDraft[] => {
    if (!keys.has(d.key) || !canEditDraft(d)) return [d];
    return d.saved ? [{ ...d, deleted: true }] : [];
  });
}

/** Drafts shown in the table and on the map: everything not deleted. */
export function liveDrafts(drafts: readonly RoiDraft[]): RoiDraft[] {
  return drafts.filter((d) => !d.deleted);
}

/** Whether a shape shows on plane (z, t): null/absent z or t means every plane of that axis. */
export function onPlane(shape: ShapeInput, z: number, t: number): boolean {
  return (shape.z === undefined || shape.z === z) && (shape.t === undefined || shape.t === t);
}
