/**
 * The list of every issue at the top of the form after a refused Run. It takes focus (and is an
 * alert) so the refusal is announced; each entry moves focus to the field it names.
 */
import type { Ref } from "react";
import type { ParamIssue } from "@fovea/model";
import { fieldOf } from "./form-check.ts";
import { controlIdOf } from "./ParamField.tsx";

const FOCUSABLE = "input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])";

function focusField(formId: string, name: string): void {
  const el = document.getElementById(controlIdOf(formId, name));
  const target = el?.matches(FOCUSABLE) ? el : el?.querySelector<HTMLElement>(FOCUSABLE);
  target?.focus();
}

export function IssueSummary({ formId, issues, ref }: { formId: string; issues: readonly ParamIssue[]; ref?: Ref<HTMLDivElement> }) {
  const n = issues.length;
  return (
    <div ref={ref} className="issue-summary" role="alert" tabIndex={-1} aria-label="Problems to fix">
      <p className="issue-summary-title">{n === 1 ? "1 problem" : `${n} problems`} to fix before the script can run:</p>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>
            <button type="button" className="issue-link" onClick={() => focusField(formId, fieldOf(issue.param))}>{issue.message}</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
