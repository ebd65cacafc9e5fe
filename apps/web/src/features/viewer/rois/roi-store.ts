/**
 * The state of one viewer's ROI panel (one store per mounted panel, since it belongs to one image):
 * the drafts, the selection, the tool and the save in progress, with the actions that change them.
 * A store rather than React state because the map's interactions read and change it outside
 * React's render cycle.
 */
import type { ShapeGeometry, ShapeInput } from "@fovea/model";
import { createStore, type Store } from "../../../state/store.ts";
import type { RoiTool } from "./draw-tools.ts";
import { addDraft, deleteDrafts, editDrafts, newDraftKey, type RoiDraft } from "./roi-drafts.ts";

/** Save: idle, in progress (requests done of total), done, or stopped by an error. */
export type SaveState =
  | { readonly status: "idle" }
  | { readonly status: "saving"; readonly done: number; readonly total: number }
  | { readonly status: "saved" }
  /** `key`: the draft whose request failed, when there was one. */
  | { readonly status: "failed"; readonly error: unknown; readonly key?: string | undefined };

/** Everything the ROI panel shows. */
export interface RoiState {
  readonly drafts: readonly RoiDraft[];
  readonly selected: ReadonlySet<string>;
  readonly tool: RoiTool;
  readonly save: SaveState;
}

/** The store of one mounted ROI panel. */
export type RoiStore = Store<RoiState>;

/** An empty store: no drafts, nothing selected, the Select tool. */
export function createRoiStore(): RoiStore {
  return createStore<RoiState>({ drafts: [], selected: new Set(), tool: "Select", save: { status: "idle" } });
}

/** The plane a new shape is recorded on, and its channel when exactly one is on (SPEC §6). */
export interface DrawingPlane {
  readonly z: number;
  readonly t: number;
  readonly activeChannels: readonly number[];
}

/** Any change to the drafts makes an earlier "Saved" or failure stale. */
function changed(state: RoiState, drafts: readonly RoiDraft[]): RoiState {
  const save: SaveState = state.save.status === "saving" ? state.save : { status: "idle" };
  return { ...state, drafts, save };
}

/** Replaces the drafts with freshly loaded ones, keeping the tool. */
export function loadDrafts(store: RoiStore, drafts: readonly RoiDraft[]): void {
  store.set((s) => ({ ...s, drafts, selected: new Set(), save: { status: "idle" } }));
}

/** Picks the tool in use. */
export function setTool(store: RoiStore, tool: RoiTool): void {
  store.set((s) => (s.tool === tool ? s : { ...s, tool }));
}

/** `toggle`: Ctrl/Shift-click adds or removes the keys instead of replacing the selection. */
export function selectShapes(store: RoiStore, keys: readonly string[], toggle = false): void {
  store.set((s) => {
    const next = new Set(toggle ? s.selected : []);
    for (const k of keys) {
      if (toggle && next.has(k)) next.delete(k);
      else next.add(k);
    }
    const same = next.size === s.selected.size && [...next].every((k) => s.selected.has(k));
    return same ? s : { ...s, selected: next };
  });
}

/** Adds a drawn shape on the plane on show, and selects it. */
export function addDrawnShape(store: RoiStore, geometry: ShapeGeometry, plane: DrawingPlane): void {
  const only = plane.activeChannels.length === 1 ? plane.activeChannels[0] : undefined;
  const shape = { ...geometry, z: plane.z, t: plane.t, ...(only !== undefined && { c: only }) } as ShapeInput;
  const key = newDraftKey();
  store.set((s) => ({ ...changed(s, addDraft(s.drafts, key, shape)), selected: new Set([key]) }));
}

/** Takes in shapes moved or reshaped on the map (shapes the user may not edit are ignored). */
export function editShapes(store: RoiStore, edits: ReadonlyMap<string, ShapeInput>): void {
  store.set((s) => changed(s, editDrafts(s.drafts, edits)));
}

/** Deletes the selected shapes the user may edit; the others stay selected. */
export function deleteSelected(store: RoiStore): void {
  store.set((s) => {
    if (s.selected.size === 0 || s.save.status === "saving") return s;
    const drafts = deleteDrafts(s.drafts, s.selected);
    const left = new Set([...s.selected].filter((k) => drafts.some((d) => d.key === k && !d.deleted)));
    return { ...changed(s, drafts), selected: left };
  });
}
