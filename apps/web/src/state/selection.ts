/**
 * What the user has selected in the Data page (or is looking at in the viewer). The script form
 * pre-fills the conventional `Data_Type` + `IDs` pair from it (SPEC §4).
 */
import { createStore } from "./store.ts";

export type SelectableType = "Project" | "Dataset" | "Image";

export interface Selection {
  type: SelectableType;
  ids: readonly number[];
}

export const selectionStore = createStore<Selection | null>(null);

export function select(type: SelectableType, ids: readonly number[]): void {
  selectionStore.set(ids.length === 0 ? null : { type, ids: [...ids] });
}

export function clearSelection(): void {
  selectionStore.set(null);
}
