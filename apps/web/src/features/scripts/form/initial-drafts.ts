/**
 * What the form starts with (SPEC §4): each parameter's default; then the conventional
 * `Data_Type` + `IDs` pair from what the user has selected, when the script takes that type; or,
 * for *run again*, the earlier job's inputs, which override everything.
 */
import type { ParamDecl } from "@fovea/model";
import type { Selection } from "../../../state/selection.ts";
import { draftFromValue, type Draft, type Drafts } from "./drafts.ts";

/** Tells the user what the selection did to the form. */
export interface SelectionNote {
  readonly kind: "filled" | "unusable";
  readonly text: string;
}

export interface FormStart {
  readonly drafts: Drafts;
  readonly note?: SelectionNote;
}

function described(selection: Selection): string {
  const n = selection.ids.length;
  return `${n} ${selection.type}${n === 1 ? "" : "s"}`;
}

/** Data_Type + IDs from the selection, or why they could not be. */
function fromSelection(params: readonly ParamDecl[], selection: Selection | null): { values: Record<string, unknown>; note?: SelectionNote } {
  const dataType = params.find((p) => p.name === "Data_Type");
  const ids = params.find((p) => p.name === "IDs");
  if (!selection || !dataType || !ids || ids.type !== "list" || dataType.type !== "string") return { values: {} };
  const accepted = dataType.values ?? [selection.type];
  if (!accepted.includes(selection.type)) {
    return {
      values: {},
      note: { kind: "unusable", text: `Your selection (${described(selection)}) was not filled in: this script takes ${accepted.map(String).join(" or ")}.` },
    };
  }
  return {
    values: { Data_Type: selection.type, IDs: [...selection.ids] },
    note: { kind: "filled", text: `Data_Type and IDs are filled in from your selection (${described(selection)}).` },
  };
}

export function initialDrafts(
  params: readonly ParamDecl[],
  selection: Selection | null,
  inputs?: Readonly<Record<string, unknown>>,
): FormStart {
  const picked: { values: Record<string, unknown>; note?: SelectionNote } =
    inputs === undefined ? fromSelection(params, selection) : { values: { ...inputs } };
  const drafts: Record<string, Draft> = {};
  for (const p of params) {
    const value = p.name in picked.values ? picked.values[p.name] : p.default;
    drafts[p.name] = draftFromValue(p, value);
  }
  return picked.note ? { drafts, note: picked.note } : { drafts };
}
