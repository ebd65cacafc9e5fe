/**
 * What each widget holds while the user edits: the text as typed (so "1.5" in an int field can be
 * shown and refused rather than silently rounded), a choice index, a tick. `draft-to-input.ts`
 * turns drafts into the inputs object; this file decides which widget a parameter gets and the
 * draft a value (a default, a selection, an earlier job's input) starts it with.
 */
import type { ListElementType, ParamDecl } from "@fovea/model";

export interface MapRow {
  readonly key: string;
  readonly value: string;
}

/** One draft per widget kind (`kind` tags them). */
export type Draft =
  /** string, color, object, file: the text ("Image:12", "#FF0000"). */
  | { readonly kind: "text"; readonly text: string }
  /** long, int, float. `badInput`: the browser holds text it could not read as a number. */
  | { readonly kind: "number"; readonly text: string; readonly badInput: boolean }
  /** A parameter with `values`: the index of the chosen value, -1 for none. */
  | { readonly kind: "choice"; readonly index: number }
  | { readonly kind: "bool"; readonly checked: boolean }
  /** A list of long/int/float without `values`, typed as "1, 2, 3". */
  | { readonly kind: "numberList"; readonly text: string }
  /** Any other list: one element draft per row. */
  | { readonly kind: "rows"; readonly rows: readonly Draft[] }
  | { readonly kind: "map"; readonly rows: readonly MapRow[] };

export type Drafts = Readonly<Record<string, Draft>>;

/** The declaration of one list element: the list's own values/min/max apply to each element. */
export function elementDecl(p: ParamDecl): ParamDecl {
  // The list's default is a whole list, not an element's: left out.
  const { element, default: _listDefault, ...rest } = p;
  return { ...rest, type: element ?? "string" };
}

function isNumeric(type: ParamDecl["type"] | ListElementType): boolean {
  return type === "long" || type === "int" || type === "float";
}

/** True for lists edited as one comma-separated text ("IDs": 1, 2, 3). */
export function isNumberList(p: ParamDecl): boolean {
  return p.type === "list" && p.values === undefined && isNumeric(p.element ?? "string");
}

/** `Image:12` for a `{ type, id }` reference (as job inputs store them), else the text itself. */
function refText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) {
    const { type, id } = value as { type?: unknown; id?: unknown };
    if (typeof type === "string" && typeof id === "number") return `${type}:${id}`;
  }
  return "";
}

/** The draft a widget starts with for `value` (undefined: empty, or unticked). */
export function draftFromValue(p: ParamDecl, value: unknown): Draft {
  if (p.type !== "list" && p.values !== undefined) return { kind: "choice", index: p.values.findIndex((v) => v === value) };
  switch (p.type) {
    case "bool":
      return { kind: "bool", checked: value === true };
    case "long":
    case "int":
    case "float":
      return { kind: "number", text: typeof value === "number" ? String(value) : "", badInput: false };
    case "string":
    case "color":
      return { kind: "text", text: typeof value === "string" ? value : "" };
    case "object":
    case "file":
      return { kind: "text", text: refText(value) };
    case "map":
      return {
        kind: "map",
        rows: typeof value === "object" && value !== null && !Array.isArray(value)
          ? Object.entries(value).map(([key, v]) => ({ key, value: String(v) })) : [],
      };
    case "list": {
      const items = Array.isArray(value) ? value : [];
      if (isNumberList(p)) return { kind: "numberList", text: items.map(String).join(", ") };
      const element = elementDecl(p);
      return { kind: "rows", rows: items.map((item) => draftFromValue(element, item)) };
    }
  }
}

/** The draft of a new, empty list row. */
export function emptyElementDraft(p: ParamDecl): Draft {
  return draftFromValue(elementDecl(p), undefined);
}
