/**
 * The form generated from a script's parameters (SPEC §6): one widget per parameter, in grouping
 * order and nesting, with the selection note, the issue summary and per-field issues. Run is a
 * submit button outside (the dialog's footer) pointing at `formId`; it never reaches `launch`
 * while the shared validator finds an issue.
 */
import { useEffect, useMemo, useRef } from "react";
import { ErrorBanner } from "../../../ui/feedback.tsx";
import type { FormScript } from "./form-check.ts";
import type { FormStart } from "./initial-drafts.ts";
import { IssueSummary } from "./IssueSummary.tsx";
import { ParamField } from "./ParamField.tsx";
import { buildParamTree } from "./param-tree.ts";
import { useScriptForm, type Launch } from "./use-script-form.ts";

export interface ScriptFormProps {
  readonly script: FormScript;
  readonly start: FormStart;
  /** id of the <form>, for the Run button's `form` attribute; also prefixes the field ids. */
  readonly formId: string;
  readonly launch: Launch;
  readonly onBusyChange?: (busy: boolean) => void;
}

export function ScriptForm({ script, start, formId, launch, onBusyChange }: ScriptFormProps) {
  const form = useScriptForm(script, start.drafts, launch);
  const tree = useMemo(() => buildParamTree(script.params), [script.params]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The dialog opened on a spinner; once the form is there, the first field takes the focus.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input:not([disabled]), select:not([disabled]), textarea:not([disabled])")?.focus();
  }, []);
  useEffect(() => {
    if (form.refusals > 0) summaryRef.current?.focus();
  }, [form.refusals]);
  useEffect(() => onBusyChange?.(form.busy), [form.busy, onBusyChange]);

  const fields = { formId, drafts: form.drafts, setDraft: form.setDraft, shown: form.shown, disabled: form.check.disabled };
  return (
    <form
      ref={formRef} id={formId} className="script-form" noValidate aria-label={`Parameters of ${script.title}`}
      onSubmit={(e) => { e.preventDefault(); void form.submit(); }}
    >
      {start.note && <p className={`script-selection-note is-${start.note.kind}`}>{start.note.text}</p>}
      {form.refusals > 0 && form.shown.length > 0 && <IssueSummary ref={summaryRef} formId={formId} issues={form.shown} />}
      {form.launchError !== undefined && <ErrorBanner title="The script could not be launched:" error={form.launchError} />}
      {tree.length === 0
        ? <p className="muted">This script takes no parameters.</p>
        : (
          <fieldset className="script-params" disabled={form.busy}>
            <legend className="visually-hidden">Parameters</legend>
            {tree.map((node) => <ParamField key={node.param.name} node={node} form={fields} />)}
          </fieldset>
        )}
    </form>
  );
}
