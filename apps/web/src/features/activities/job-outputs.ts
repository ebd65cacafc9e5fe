/**
 * Sorts a job's outputs into what the panel shows for each (SPEC §5 outputs): the `Message` as
 * text, FileAnnotation references as downloads, Image references (Image, New_Image, First_Image…)
 * as viewer links, `{ kind: "url" }` as link buttons, any other reference as "Type:ID", and every
 * other value as "name: value".
 */
import { OBJECT_TYPES, type ObjectRef, type ObjectType } from "@fovea/model";

export interface JobResults {
  message?: string;
  files: { name: string; id: number }[];
  images: { name: string; id: number }[];
  urls: { name: string; href: string; title: string }[];
  refs: { name: string; ref: ObjectRef }[];
  scalars: { name: string; value: string }[];
}

function asRef(v: unknown): ObjectRef | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const r = v as { type?: unknown; id?: unknown };
  if (typeof r.type !== "string" || !(OBJECT_TYPES as readonly string[]).includes(r.type)) return undefined;
  if (typeof r.id !== "number" || !Number.isSafeInteger(r.id) || r.id <= 0) return undefined;
  return { type: r.type as ObjectType, id: r.id };
}

function asUrl(v: unknown): { href: string; title?: string } | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const u = v as { kind?: unknown; href?: unknown; title?: unknown };
  if (u.kind !== "url" || typeof u.href !== "string") return undefined;
  return typeof u.title === "string" ? { href: u.href, title: u.title } : { href: u.href };
}

/** Only web links are offered: a `javascript:` href from a script must not become clickable. */
export function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href, "http://relative.invalid/");
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function scalarText(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
}

export function classifyOutputs(outputs: Readonly<Record<string, unknown>>): JobResults {
  const results: JobResults = { files: [], images: [], urls: [], refs: [], scalars: [] };
  for (const [name, value] of Object.entries(outputs)) {
    if (value === undefined || value === null) continue;
    if (name === "Message" && typeof value === "string") {
      results.message = value;
      continue;
    }
    const ref = asRef(value);
    if (ref?.type === "FileAnnotation") results.files.push({ name, id: ref.id });
    else if (ref?.type === "Image") results.images.push({ name, id: ref.id });
    else if (ref) results.refs.push({ name, ref });
    else {
      const url = asUrl(value);
      if (url && isSafeHref(url.href)) results.urls.push({ name, href: url.href, title: url.title ?? name.replace(/_/g, " ") });
      else results.scalars.push({ name, value: scalarText(value) });
    }
  }
  return results;
}

export function hasResults(r: JobResults): boolean {
  return r.message !== undefined || r.files.length + r.images.length + r.urls.length + r.refs.length + r.scalars.length > 0;
}

/** An output's name as a label: `File_Annotation` → "File Annotation". */
export function outputLabel(name: string): string {
  return name.replace(/_/g, " ");
}
