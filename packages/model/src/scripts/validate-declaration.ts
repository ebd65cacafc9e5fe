/**
 * Checks a declaration beyond its JSON Schema: unique names and groupings, list element types,
 * min ≤ max, and defaults that satisfy their own parameter. A script whose declaration fails here
 * is refused at upload with these messages.
 */
import { Compile } from "typebox/compile";
import type { FieldIssue } from "../errors.ts";
import { ScriptDeclarationSchema, type ParamDecl, type ScriptDeclaration } from "./declaration.schema.ts";
import { validateValue } from "./validate-inputs.ts";

const check = Compile(ScriptDeclarationSchema);

function semanticIssues(decl: ScriptDeclaration): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const names = new Set<string>();
  const groupings = new Map<string, string>();
  decl.params.forEach((p: ParamDecl, i) => {
    const at = `params[${i}]`;
    if (names.has(p.name)) issues.push({ field: `${at}.name`, message: `duplicate parameter name ${p.name}` });
    names.add(p.name);
    if (p.grouping !== undefined) {
      const other = groupings.get(p.grouping);
      if (other) issues.push({ field: `${at}.grouping`, message: `grouping ${p.grouping} is already used by ${other}` });
      groupings.set(p.grouping, p.name);
    }
    if (p.type === "list" && p.element === undefined) issues.push({ field: `${at}.element`, message: "a list needs an element type" });
    if (p.type !== "list" && p.element !== undefined) issues.push({ field: `${at}.element`, message: "only lists have an element type" });
    if (p.min !== undefined && p.max !== undefined && p.min > p.max) issues.push({ field: `${at}.min`, message: `min ${p.min} is above max ${p.max}` });
    if (p.default !== undefined) {
      for (const issue of validateValue(p, p.default, p.name)) issues.push({ field: `${at}.default`, message: issue.message });
    }
  });
  return issues;
}

/** Every problem of `value` as a declaration; empty when it is valid. */
export function validateDeclaration(value: unknown): FieldIssue[] {
  if (!check.Check(value)) {
    return [...check.Errors(value)].map((e) => ({
      field: e.instancePath.split("/").filter(Boolean).map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join("").replace(/^\./, "") || "declaration",
      message: e.message,
    }));
  }
  return semanticIssues(value);
}
