/**
 * The dialog of one script: its metadata, *View script* (the highlighted source), the generated
 * form and Run. A launch that succeeds shows the job in Activities and closes the dialog; one
 * the server refuses keeps the form with the server's issues next to their fields.
 */
import { lazy, Suspense, useCallback, useId, useMemo, useState } from "react";
import { api } from "../../api/web-client.ts";
import { closeScriptForm } from "../../state/script-dialog.ts";
import { selectionStore } from "../../state/selection.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import { ErrorBanner, Spinner } from "../../ui/feedback.tsx";
import { useAsync } from "../../ui/use-async.ts";
import { openActivities } from "../activities/activities-panel-state.ts";
import { jobLaunched } from "../activities/jobs-store.ts";
import { initialDrafts } from "./form/initial-drafts.ts";
import { ScriptForm } from "./form/ScriptForm.tsx";
import { ScriptMeta } from "./ScriptMeta.tsx";
import "./scripts.css";

const ScriptSource = lazy(() => import("./source/ScriptSource.tsx").then((m) => ({ default: m.ScriptSource })));

export interface ScriptFormDialogProps {
  readonly scriptId: number;
  /** An earlier job's inputs (run again): they override defaults and the selection. */
  readonly inputs: Readonly<Record<string, unknown>> | undefined;
}

export function ScriptFormDialog({ scriptId, inputs }: ScriptFormDialogProps) {
  const loaded = useAsync(() => api.scripts.get(scriptId), [scriptId]);
  const script = loaded.data;
  const formId = `script-form-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const [showSource, setShowSource] = useState(false);
  const [busy, setBusy] = useState(false);
  // The selection is read once, when the form opens: changing it later must not rewrite the form.
  const start = useMemo(() => script && initialDrafts(script.params, selectionStore.get(), inputs), [script, inputs]);
  const launch = useCallback(async (values: Record<string, unknown>) => {
    const job = await api.scripts.launch(scriptId, values);
    jobLaunched(job);
    openActivities();
    closeScriptForm();
  }, [scriptId]);

  const footer = script && start ? (
    <>
      <button
        type="button" className="script-view-source" aria-expanded={showSource} aria-controls={`${formId}-source`}
        onClick={() => setShowSource((s) => !s)}
      >
        {showSource ? "Hide script" : "View script"}
      </button>
      <button type="button" onClick={closeScriptForm}>Cancel</button>
      <button type="submit" form={formId} className="primary" disabled={busy}>{busy ? "Launching…" : "Run"}</button>
    </>
  ) : <button type="button" onClick={closeScriptForm}>Close</button>;

  return (
    <Dialog title={script?.title ?? "Script"} onClose={closeScriptForm} footer={footer} wide={showSource} testId="script-dialog">
      <div className="script-dialog-body">
        {loaded.status === "error" && <ErrorBanner title="The script could not be loaded:" error={loaded.error} onRetry={loaded.reload} />}
        {loaded.status === "loading" && <Spinner label="Loading the script…" />}
        {script && start && (
          <>
            <ScriptMeta script={script} />
            {showSource && (
              <Suspense fallback={<Spinner label="Loading the source…" />}>
                <ScriptSource scriptId={script.id} language={script.language} id={`${formId}-source`} />
              </Suspense>
            )}
            <ScriptForm script={script} start={start} formId={formId} launch={launch} onBusyChange={setBusy} />
          </>
        )}
      </div>
    </Dialog>
  );
}
