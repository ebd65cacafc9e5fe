/**
 * Turns one widget's draft into the value the launch API expects (numbers as numbers, lists as
 * arrays, maps as objects, colours as `#RRGGBB`, references as `Type:ID` text), or into issues
 * when the text cannot be read at all ("abc" or "1.5" for an int): those are reported before the
 * shared validator runs, since the validator only ever sees typed values. An empty widget gives
 * `undefined` (not given), so that the validator's MISSING and defaults apply.
 */
import type { ParamDecl, ParamIssue } from "@fovea/model";
import { elementDecl, type Draft } from "./drafts.ts";

export interface Converted {
  /** undefined: the widget is empty. */
  readonly value: unknown;
  readonly issues: readonly ParamIssue[];
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const HEX_COLOR = /^#?([0-9a-f]{6})$/i;

const EMPTY: Converted = { value: undefined, issues: [] };
const ok = (value: unknown): Converted => ({ value, issues: [] });
const wrong = (param: string, message: string): Converted => ({ value: undefined, issues: [{ param, code: "WRONG_TYPE", message }] });

function parseNumber(type: ParamDecl["type"], text: string, at: string): Converted {
  const t = text.trim();
  if (t === "") return EMPTY;
  if (type === "float") return DECIMAL.test(t) ? ok(Number(t)) : wrong(at, `${at} must be a number, not "${t}"`);
  return INTEGER.test(t) ? ok(Number(t)) : wrong(at, `${at} must be a whole number, not "${t}"`);
}

function textValue(p: ParamDecl, text: string): Converted {
  if (p.type === "string") return text === "" ? EMPTY : ok(text);
  const t = text.trim();
  if (t === "") return EMPTY;
  // The validator upper-cases too; doing it here makes the inputs shown and sent the same.
  const hex = p.type === "color" ? HEX_COLOR.exec(t) : null;
  return ok(hex ? `#${hex[1]!.toUpperCase()}` : t);
}

function listValue(p: ParamDecl, draft: Extract<Draft, { kind: "numberList" | "rows" }>, at: string): Converted {
  const element = elementDecl(p);
  const values: unknown[] = [];
  const issues: ParamIssue[] = [];
  if (draft.kind === "numberList") {
    const items = draft.text.split(/[\s,;]+/).filter((s) => s !== "");
    items.forEach((item, i) => {
      const r = parseNumber(element.type, item, `${at}[${i}]`);
      issues.push(...r.issues);
      values.push(r.value);
    });
  } else {
    draft.rows.forEach((row, i) => {
      const r = draftToInput(element, row, `${at}[${i}]`);
      issues.push(...r.issues);
      if (r.value === undefined && r.issues.length === 0) issues.push({ param: `${at}[${i}]`, code: "MISSING", message: `${at}[${i}] is empty: fill it in or remove the row` });
      values.push(r.value);
    });
  }
  if (issues.length > 0) return { value: undefined, issues };
  return values.length === 0 ? EMPTY : ok(values);
}

function mapValue(draft: Extract<Draft, { kind: "map" }>, at: string): Converted {
  const out: Record<string, string> = {};
  const issues: ParamIssue[] = [];
  for (const { key, value } of draft.rows) {
    const k = key.trim();
    if (k === "" && value === "") continue;
    if (k === "") issues.push({ param: at, code: "WRONG_TYPE", message: `${at}: the value "${value}" has no key` });
    else if (k in out) issues.push({ param: at, code: "WRONG_TYPE", message: `${at}: the key "${k}" is given twice` });
    else out[k] = value;
  }
  if (issues.length > 0) return { value: undefined, issues };
  return Object.keys(out).length === 0 ? EMPTY : ok(out);
}

/** The input value of parameter `p` (or list element at `at`) from its draft. */
export function draftToInput(p: ParamDecl, draft: Draft, at: string = p.name): Converted {
  switch (draft.kind) {
    case "choice":
      return draft.index < 0 ? EMPTY : ok(p.values?.[draft.index]);
    case "bool":
      return ok(draft.checked);
    case "number":
      return draft.badInput ? wrong(at, `${at} must be a number`) : parseNumber(p.type, draft.text, at);
    case "text":
      return textValue(p, draft.text);
    case "numberList":
    case "rows":
      return listValue(p, draft, at);
    case "map":
      return mapValue(draft, at);
  }
}
