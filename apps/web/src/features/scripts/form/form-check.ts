/**
 * Checks the whole form the way the server will: drafts → inputs (parameters switched off by an
 * unticked bool parent are left out), then **the server's own validator**, `validateInputs` from
 * @fovea/model, on a declaration built from the script. Text that is no value at all ("abc" in an
 * int) is reported by the conversion instead, and the validator's MISSING for that field dropped.
 */
import { validateInputs, type ParamDecl, type ParamIssue, type ScriptDeclaration, type ScriptDto } from "@fovea/model";
import { draftToInput } from "./draft-to-input.ts";
import type { Drafts } from "./drafts.ts";
import { boolAncestors, orderParams } from "./param-tree.ts";

export type FormScript = Pick<ScriptDto, "title" | "params">;

export interface FormCheck {
  /** What Run sends: only the parameters that are enabled and filled in. */
  readonly inputs: Record<string, unknown>;
  /** Every issue, in form order; `param` may name a list element (`IDs[2]`). */
  readonly issues: readonly ParamIssue[];
  /** Parameters under an unticked bool: disabled, not sent, not required. */
  readonly disabled: ReadonlySet<string>;
}

/** The parameter an issue belongs to: `IDs[2]` → `IDs`. */
export function fieldOf(param: string): string {
  const i = param.indexOf("[");
  return i < 0 ? param : param.slice(0, i);
}

/** The row of a list an issue names (`IDs[2]` → 2), if any. */
export function rowOf(param: string): number | undefined {
  const m = /\[(\d+)\]/.exec(param);
  return m ? Number(m[1]) : undefined;
}

export function declarationOf(script: FormScript): ScriptDeclaration {
  return { name: script.title, params: script.params };
}

function disabledParams(params: readonly ParamDecl[], drafts: Drafts): Set<string> {
  const ancestors = boolAncestors(params);
  const byName = new Map(params.map((p) => [p.name, p]));
  const ticked = (name: string) => {
    const p = byName.get(name);
    const d = drafts[name];
    return p !== undefined && d !== undefined && draftToInput(p, d).value === true;
  };
  return new Set(params.filter((p) => (ancestors.get(p.name) ?? []).some((a) => !ticked(a))).map((p) => p.name));
}

export function checkForm(script: FormScript, drafts: Drafts): FormCheck {
  const disabled = disabledParams(script.params, drafts);
  const inputs: Record<string, unknown> = {};
  const parseIssues: ParamIssue[] = [];
  const emptied: ParamDecl[] = [];
  for (const p of script.params) {
    const draft = drafts[p.name];
    if (disabled.has(p.name) || draft === undefined) continue;
    const r = draftToInput(p, draft);
    parseIssues.push(...r.issues);
    if (r.value !== undefined) inputs[p.name] = r.value;
    else if (r.issues.length === 0 && !p.optional && p.default !== undefined) emptied.push(p);
  }
  const unreadable = new Set(parseIssues.map((i) => fieldOf(i.param)));
  const checked = validateInputs(declarationOf(script), inputs);
  const issues = [
    ...parseIssues,
    ...checked.issues.filter((i) => !unreadable.has(fieldOf(i.param))),
    // The validator would quietly use the default of a required field the user emptied; a person
    // who cleared it should be told instead of having a value they removed sent after all.
    ...emptied.map((p): ParamIssue => ({ param: p.name, code: "MISSING", message: `${p.name} is required` })),
  ];
  const order = new Map(orderParams(script.params).map((p, i) => [p.name, i]));
  issues.sort((a, b) => (order.get(fieldOf(a.param)) ?? 0) - (order.get(fieldOf(b.param)) ?? 0));
  return { inputs, issues, disabled };
}

/** Issues of one field (its own and its elements'). */
export function issuesOf(issues: readonly ParamIssue[], name: string): ParamIssue[] {
  return issues.filter((i) => fieldOf(i.param) === name);
}
