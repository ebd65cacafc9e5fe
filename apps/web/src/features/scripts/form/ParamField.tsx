/**
 * One parameter's row: its label ("Data Type", with `*` when required), the widget, the
 * description and format hint, and the issues that name it, all tied to the control with
 * aria-describedby. Parameters nested by grouping follow, indented; under an unticked bool they
 * are disabled and not required.
 */
import type { ParamIssue } from "@fovea/model";
import { ParamWidget } from "../widgets/ParamWidget.tsx";
import type { Draft, Drafts } from "./drafts.ts";
import { issuesOf, rowOf } from "./form-check.ts";
import { hintOf, humanize } from "./param-hint.ts";
import type { ParamNode } from "./param-tree.ts";

export interface FieldsContext {
  readonly formId: string;
  readonly drafts: Drafts;
  readonly setDraft: (name: string, draft: Draft) => void;
  /** The issues to show now. */
  readonly shown: readonly ParamIssue[];
  readonly disabled: ReadonlySet<string>;
}

/** The id of a parameter's main control (the error summary moves focus there). */
export function controlIdOf(formId: string, name: string): string {
  return `${formId}-p-${name}`;
}

export function ParamField({ node, form }: { node: ParamNode; form: FieldsContext }) {
  const p = node.param;
  const draft = form.drafts[p.name];
  if (!draft) return null;
  const controlId = controlIdOf(form.formId, p.name);
  const off = form.disabled.has(p.name);
  const required = !p.optional && !off && p.type !== "bool";
  const issues = issuesOf(form.shown, p.name);
  const hint = hintOf(p);
  const ids = { help: `${controlId}-help`, hint: `${controlId}-hint`, errors: `${controlId}-errors` };
  const describedBy = [p.description && ids.help, hint && ids.hint, issues.length > 0 && ids.errors].filter(Boolean).join(" ") || undefined;
  const grouped = draft.kind === "rows" || draft.kind === "map";
  const labelText = <>{humanize(p.name)}{required && <span className="required-mark" aria-hidden="true"> *</span>}</>;
  const childrenOff = node.children.some((c) => form.disabled.has(c.param.name));
  return (
    <>
      <div className={`param-field${off ? " is-disabled" : ""}${issues.length > 0 ? " has-issues" : ""}`} data-param={p.name}>
        {grouped
          ? <span className="param-label" title={p.name}>{labelText}</span>
          : <label className="param-label" htmlFor={controlId} title={p.name}>{labelText}</label>}
        <div className="param-control">
          <ParamWidget
            param={p} draft={draft} label={p.name} controlId={controlId} describedBy={describedBy}
            disabled={off} required={required} invalid={issues.length > 0}
            invalidRows={new Set(issues.map((i) => rowOf(i.param)).filter((r): r is number => r !== undefined))}
            onChange={(d) => form.setDraft(p.name, d)}
          />
          {p.description && <p id={ids.help} className="param-help">{p.description}</p>}
          {hint && <p id={ids.hint} className="param-hint">{hint}</p>}
          {issues.length > 0 && (
            <ul id={ids.errors} className="param-errors">
              {issues.map((issue, i) => <li key={i}>{issue.message}</li>)}
            </ul>
          )}
        </div>
      </div>
      {node.children.length > 0 && (
        <div className={`param-children${childrenOff ? " is-off" : ""}`}>
          {node.children.map((child) => <ParamField key={child.param.name} node={child} form={form} />)}
        </div>
      )}
    </>
  );
}
