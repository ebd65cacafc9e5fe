/**
 * Script outputs (SPEC §5): a map of names to strings, numbers, booleans, object references or
 * link buttons. Checked before they are sent, so that a script returning something the server
 * cannot show fails with the output's name rather than losing it silently in JSON.stringify.
 */
import type { ObjectRef } from "@fovea/model";
import { OBJECT_TYPES } from "@fovea/model";

/** Shown as a link button in the web UI. */
export interface UrlOutput {
  readonly kind: "url";
  readonly href: string;
  readonly title?: string;
}

export type OutputValue = string | number | boolean | ObjectRef | UrlOutput;

/** Conventional names: `Message`, `File_Annotation`, `Image`; undefined values are left out. */
export type Outputs = Readonly<Record<string, OutputValue | undefined>>;

function isRef(v: object): boolean {
  const r = v as { type?: unknown; id?: unknown };
  return Object.keys(v).length === 2 && typeof r.type === "string" && (OBJECT_TYPES as readonly string[]).includes(r.type)
    && typeof r.id === "number" && Number.isSafeInteger(r.id) && r.id > 0;
}

function isUrl(v: object): boolean {
  const u = v as { kind?: unknown; href?: unknown; title?: unknown };
  return u.kind === "url" && typeof u.href === "string" && (u.title === undefined || typeof u.title === "string");
}

/** The outputs as plain JSON; throws naming each output that is not one of the allowed kinds. */
export function checkOutputs(value: unknown): Record<string, OutputValue> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new TypeError(`run() must return an object of outputs, not ${Array.isArray(value) ? "a list" : typeof value}`);
  const out: Record<string, OutputValue> = {};
  const bad: string[] = [];
  for (const [name, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const ok = typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))
      || (typeof v === "object" && v !== null && (isRef(v) || isUrl(v)));
    if (ok) out[name] = typeof v === "object" ? { ...(v as object) } as OutputValue : v as OutputValue;
    else bad.push(name);
  }
  if (bad.length > 0) {
    throw new TypeError(`invalid output${bad.length > 1 ? "s" : ""} ${bad.join(", ")}: an output must be a string, a finite number, a boolean, an object reference { type, id } or { kind: "url", href, title }`);
  }
  return out;
}
