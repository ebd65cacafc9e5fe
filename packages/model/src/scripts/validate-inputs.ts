/**
 * Validates a job's inputs against a declaration (SPEC §4). One implementation for the server
 * (before a job exists), the CLI (KEY=VALUE), the SDK and the web form, so all four agree. Every
 * offending parameter is listed; valid values are normalised (defaults filled in, colours as
 * `#RRGGBB`, object references as `{ type, id }`).
 */
import { parseRef, type ObjectRef, type ObjectType } from "../refs.ts";
import type { ParamDecl, ScriptDeclaration } from "./declaration.schema.ts";
import type { ParamIssue } from "./param-issues.ts";

export type InputValue = string | number | boolean | ObjectRef | InputValue[] | { [key: string]: string };

export interface ValidatedInputs {
  readonly values: Record<string, InputValue>;
  readonly issues: ParamIssue[];
  /** Object references the server must check are visible to the user (IDs with Data_Type, object params). */
  readonly refs: { param: string; ref: ObjectRef }[];
}

const COLOR = /^#?([0-9a-fA-F]{6})$/;

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "an object" : `${typeof v} ${JSON.stringify(v)}`;
}

type Scalar = Exclude<ParamDecl["type"], "list" | "map">;

/** Normalises one scalar; returns issues instead of throwing. */
function scalar(type: Scalar, p: ParamDecl, v: unknown, at: string): { value?: InputValue; issues: ParamIssue[] } {
  const wrong = (expected: string): { issues: ParamIssue[] } => ({ issues: [{ param: at, code: "WRONG_TYPE", message: `${at} must be ${expected}, not ${describe(v)}` }] });
  switch (type) {
    case "string":
      return typeof v === "string" ? { value: v, issues: [] } : wrong("a string");
    case "long":
    case "int":
      return typeof v === "number" && Number.isSafeInteger(v) ? { value: v, issues: [] } : wrong("a whole number");
    case "float":
      return typeof v === "number" && Number.isFinite(v) ? { value: v, issues: [] } : wrong("a finite number");
    case "bool":
      return typeof v === "boolean" ? { value: v, issues: [] } : wrong("true or false");
    case "color": {
      const m = typeof v === "string" ? COLOR.exec(v) : null;
      return m ? { value: `#${m[1]!.toUpperCase()}`, issues: [] } : wrong("a colour #RRGGBB");
    }
    case "object":
    case "file": {
      const ref = typeof v === "string" ? parseRef(v)
        : typeof v === "object" && v !== null && typeof (v as ObjectRef).type === "string" && typeof (v as ObjectRef).id === "number"
          ? parseRef(`${(v as ObjectRef).type}:${(v as ObjectRef).id}`) : undefined;
      const allowed: readonly ObjectType[] = type === "file" ? ["FileAnnotation"] : (p.objectTypes ?? []);
      if (!ref) return wrong(type === "file" ? "a file (FileAnnotation:ID)" : "an object reference Type:ID");
      if (allowed.length > 0 && !allowed.includes(ref.type)) {
        return { issues: [{ param: at, code: "NOT_ALLOWED", message: `${at} must be ${allowed.map((t) => `${t}:ID`).join(" or ")}, not ${ref.type}:${ref.id}` }] };
      }
      return { value: ref, issues: [] };
    }
  }
}

/** Range and choice checks shared by scalars and list elements. */
function constraints(p: ParamDecl, value: InputValue, at: string): ParamIssue[] {
  const issues: ParamIssue[] = [];
  if (p.values !== undefined && !p.values.some((allowed) => allowed === value)) {
    issues.push({ param: at, code: "NOT_ALLOWED", message: `${at} must be one of ${p.values.map((x) => JSON.stringify(x)).join(", ")}, not ${JSON.stringify(value)}` });
  }
  if (typeof value === "number") {
    if (p.min !== undefined && value < p.min) issues.push({ param: at, code: "OUT_OF_RANGE", message: `${at} must be ≥ ${p.min}, not ${value}` });
    if (p.max !== undefined && value > p.max) issues.push({ param: at, code: "OUT_OF_RANGE", message: `${at} must be ≤ ${p.max}, not ${value}` });
  }
  return issues;
}

/** Validates one parameter's value (used for inputs and for declared defaults). */
export function validateValue(p: ParamDecl, v: unknown, at = p.name): ParamIssue[] {
  return normalise(p, v, at).issues;
}

function normalise(p: ParamDecl, v: unknown, at: string): { value?: InputValue; issues: ParamIssue[] } {
  if (p.type === "map") {
    if (typeof v !== "object" || v === null || Array.isArray(v) || Object.values(v).some((x) => typeof x !== "string")) {
      return { issues: [{ param: at, code: "WRONG_TYPE", message: `${at} must be a map of text keys to text values` }] };
    }
    return { value: { ...(v as Record<string, string>) }, issues: [] };
  }
  if (p.type === "list") {
    if (!Array.isArray(v)) return { issues: [{ param: at, code: "WRONG_TYPE", message: `${at} must be a list, not ${describe(v)}` }] };
    const element = p.element ?? "string";
    const out: InputValue[] = [];
    const issues: ParamIssue[] = [];
    v.forEach((item, i) => {
      const r = scalar(element, p, item, `${at}[${i}]`);
      issues.push(...r.issues);
      if (r.value !== undefined) {
        issues.push(...constraints(p, r.value, `${at}[${i}]`));
        out.push(r.value);
      }
    });
    return issues.length > 0 ? { issues } : { value: out, issues };
  }
  const r = scalar(p.type, p, v, at);
  if (r.value === undefined) return r;
  const issues = constraints(p, r.value, at);
  return issues.length > 0 ? { issues } : r;
}

/** True when `p` sits under a bool parameter (by grouping) that is switched off. */
function disabledByParent(p: ParamDecl, decl: ScriptDeclaration, values: Record<string, InputValue>): boolean {
  if (p.grouping === undefined) return false;
  const parts = p.grouping.split(".");
  for (let n = parts.length - 1; n >= 1; n--) {
    const parentKey = parts.slice(0, n).join(".");
    const parent = decl.params.find((q) => q.grouping === parentKey);
    if (parent?.type === "bool" && values[parent.name] !== true) return true;
  }
  return false;
}

/** The object type that `Data_Type` names, for the conventional Data_Type + IDs pair. */
function dataTypeOf(values: Record<string, InputValue>): ObjectType | undefined {
  const t = values.Data_Type;
  return typeof t === "string" && ["Project", "Dataset", "Image", "Roi", "FileAnnotation"].includes(t) ? (t as ObjectType) : undefined;
}

export function validateInputs(decl: ScriptDeclaration, raw: Readonly<Record<string, unknown>>): ValidatedInputs {
  const issues: ParamIssue[] = [];
  const values: Record<string, InputValue> = {};
  const known = new Set(decl.params.map((p) => p.name));
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) issues.push({ param: name, code: "UNKNOWN_PARAM", message: `${name} is not a parameter of ${decl.name}` });
  }
  for (const p of decl.params) {
    const given = raw[p.name];
    if (given === undefined || given === null) {
      if (p.default !== undefined) values[p.name] = normalise(p, p.default, p.name).value ?? (p.default as InputValue);
      continue;
    }
    const r = normalise(p, given, p.name);
    issues.push(...r.issues);
    if (r.value !== undefined) values[p.name] = r.value;
  }
  // Required parameters, unless switched off by their bool parent (SPEC §4 grouping).
  for (const p of decl.params) {
    if (p.optional || values[p.name] !== undefined || issues.some((i) => i.param === p.name || i.param.startsWith(`${p.name}[`))) continue;
    if (disabledByParent(p, decl, values)) continue;
    issues.push({ param: p.name, code: "MISSING", message: `${p.name} is required` });
  }
  const refs: { param: string; ref: ObjectRef }[] = [];
  const dataType = dataTypeOf(values);
  for (const p of decl.params) {
    const v = values[p.name];
    if (v === undefined) continue;
    if (p.name === "IDs" && dataType && Array.isArray(v)) {
      v.forEach((id, i) => { if (typeof id === "number") refs.push({ param: `IDs[${i}]`, ref: { type: dataType, id } }); });
    } else if (p.type === "object" || p.type === "file") {
      refs.push({ param: p.name, ref: v as ObjectRef });
    } else if (p.type === "list" && p.element === "object" && Array.isArray(v)) {
      v.forEach((r, i) => refs.push({ param: `${p.name}[${i}]`, ref: r as ObjectRef }));
    }
  }
  return { values, issues, refs };
}
