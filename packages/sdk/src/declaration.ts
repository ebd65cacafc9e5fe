/** Turns a script definition into the language-neutral declaration JSON (validated by the runner). */
import type { ParamDecl, ScriptDeclaration } from "@fovea/model";
import type { ScriptDefinition } from "./define-script.ts";
import type { Params } from "./params.ts";

const META_KEYS = ["name", "description", "folder", "authors", "institutions", "contact", "version", "timeoutSeconds", "memoryMb", "rerunnable"] as const;

/** The declaration of a definition: its metadata and its params in declaration order. */
export function toDeclaration(def: ScriptDefinition<Params>): ScriptDeclaration {
  const decl: Record<string, unknown> = {};
  // Undefined fields are left out: the declaration schema does not allow nulls.
  for (const key of META_KEYS) {
    const v = def[key];
    if (v !== undefined) decl[key] = Array.isArray(v) ? [...v] : v;
  }
  const params: ParamDecl[] = Object.entries(def.params ?? {}).map(([name, param]) => ({ name, ...param.spec }));
  decl.params = params;
  return decl as ScriptDeclaration;
}
