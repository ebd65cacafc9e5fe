/**
 * The open script form, if any. Opened from the Scripts menu (inputs pre-filled from the
 * selection) or from Activities' *run again* (inputs of the earlier job).
 */
import { createStore } from "./store.ts";

export interface ScriptDialogState {
  scriptId: number;
  /** Values to start from instead of the defaults and the selection (run again). */
  inputs?: Readonly<Record<string, unknown>>;
}

export const scriptDialogStore = createStore<ScriptDialogState | null>(null);

export function openScriptForm(scriptId: number, inputs?: Readonly<Record<string, unknown>>): void {
  scriptDialogStore.set(inputs ? { scriptId, inputs } : { scriptId });
}

export function closeScriptForm(): void {
  scriptDialogStore.set(null);
}
