/**
 * Turns `NAME=VALUE` command-line text into JSON input values using the declaration: lists as
 * `1,2,3`, bools as true/false, maps as `k1:v1,k2:v2`, numbers as numbers. Text that does not
 * parse is passed on as text, so validateInputs reports it with the parameter's name.
 */
import type { ParamDecl, ScriptDeclaration } from "./declaration.schema.ts";

function scalarFromText(type: string, text: string): unknown {
  switch (type) {
    case "long":
    case "int":
      return /^-?\d+$/.test(text.trim()) ? Number(text) : text;
    case "float":
      return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
    case "bool":
      return /^(true|yes|1)$/i.test(text) ? true : /^(false|no|0)$/i.test(text) ? false : text;
    default:
      return text;
  }
}

export function valueFromText(p: ParamDecl, text: string): unknown {
  if (p.type === "list") return text.trim() === "" ? [] : text.split(",").map((t) => scalarFromText(p.element ?? "string", t.trim()));
  if (p.type === "map") {
    const out: Record<string, string> = {};
    for (const pair of text.split(",").filter((s) => s.trim() !== "")) {
      const i = pair.indexOf(":");
      if (i < 0) return text;
      out[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
    }
    return out;
  }
  return scalarFromText(p.type, text);
}

/** Parses `NAME=VALUE` arguments; unknown names are kept as text for the validator to report. */
export function inputsFromArgs(decl: ScriptDeclaration, args: readonly string[]): { inputs: Record<string, unknown>; malformed: string[] } {
  const inputs: Record<string, unknown> = {};
  const malformed: string[] = [];
  for (const arg of args) {
    const i = arg.indexOf("=");
    if (i <= 0) {
      malformed.push(arg);
      continue;
    }
    const name = arg.slice(0, i);
    const p = decl.params.find((q) => q.name === name);
    inputs[name] = p ? valueFromText(p, arg.slice(i + 1)) : arg.slice(i + 1);
  }
  return { inputs, malformed };
}
