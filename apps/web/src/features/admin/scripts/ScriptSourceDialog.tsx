/**
 * "View source" for managers: the current version of a script, in the same highlighted view the
 * script form's *View script* uses (one highlight.js setup for the app), loaded only when opened.
 */
import { lazy, Suspense } from "react";
import type { ScriptDto } from "@fovea/model";
import { Dialog } from "../../../ui/Dialog.tsx";
import { Spinner } from "../../../ui/feedback.tsx";
import { shortSha } from "./script-format.ts";

const ScriptSource = lazy(() => import("../../scripts/source/ScriptSource.tsx").then((m) => ({ default: m.ScriptSource })));

export function ScriptSourceDialog({ script, onClose }: { script: ScriptDto; onClose: () => void }) {
  return (
    <Dialog wide title={<>{script.title} <span className="muted admin-dialog-sub">{script.folder}/{script.name} · {shortSha(script.sha256)}</span></>}
      onClose={onClose} testId="script-source-dialog" footer={<button type="button" onClick={onClose}>Close</button>}>
      <Suspense fallback={<Spinner label="Loading the source…" />}>
        <ScriptSource scriptId={script.id} language={script.language} />
      </Suspense>
    </Dialog>
  );
}
