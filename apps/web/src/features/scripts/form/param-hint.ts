/**
 * The short format hint under a widget ("Whole number, 1 to 10", "Image:ID or Dataset:ID"), so
 * the constraints the validator will apply are visible before anything is typed.
 */
import type { ParamDecl } from "@fovea/model";
import { isNumberList } from "./drafts.ts";

function range(p: ParamDecl): string {
  if (p.min !== undefined && p.max !== undefined) return `from ${p.min} to ${p.max}`;
  if (p.min !== undefined) return `at least ${p.min}`;
  if (p.max !== undefined) return `at most ${p.max}`;
  return "";
}

function joined(...parts: string[]): string {
  return parts.filter((s) => s !== "").join(", ");
}

export function hintOf(p: ParamDecl): string | undefined {
  if (p.values !== undefined) return undefined;
  const type = p.type === "list" ? (p.element ?? "string") : p.type;
  const refs = (p.objectTypes ?? []).map((t) => `${t}:ID`);
  if (isNumberList(p)) {
    const kind = type === "float" ? "numbers" : "whole numbers";
    return joined(`Comma-separated ${kind}`, range(p) && `each ${range(p)}`);
  }
  switch (type) {
    case "long":
    case "int":
      return joined("Whole number", range(p));
    case "float":
      return joined("Number", range(p));
    case "color":
      return p.type === "list" ? "Colours as #RRGGBB" : "#RRGGBB";
    case "object":
      return refs.length > 0 ? `A reference: ${refs.join(" or ")}` : "A reference: Type:ID, e.g. Image:12";
    case "file":
      return "One of the selection's attached files, or a new upload";
    default:
      return undefined;
  }
}

/** "Data_Type" → "Data Type": the label shown (the exact name stays the accessible name). */
export function humanize(name: string): string {
  return name.replace(/_+/g, " ").trim();
}
