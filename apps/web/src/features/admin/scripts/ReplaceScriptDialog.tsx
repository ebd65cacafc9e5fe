/**
 * Replace a script with a new version (same language). The old versions are kept for the jobs
 * that ran them; a refused file leaves the current version in place and shows why.
 */
import { useId, useState, type FormEvent } from "react";
import type { ScriptDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { sessionLost } from "../../../state/session.ts";
import { Dialog } from "../../../ui/Dialog.tsx";
import { ScriptRefusal } from "./ScriptRefusal.tsx";
import { SCRIPT_FILE_TYPES, shortSha } from "./script-format.ts";

export interface ReplaceScriptDialogProps {
  script: ScriptDto;
  onClose: () => void;
  onReplaced: (before: ScriptDto, after: ScriptDto) => void;
}

export function ReplaceScriptDialog({ script, onClose, onReplaced }: ReplaceScriptDialogProps) {
  const formId = useId();
  const fileId = useId();
  const [file, setFile] = useState<File>();
  const [refusal, setRefusal] = useState<{ error: unknown; fileName: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setRefusal(undefined);
    try {
      onReplaced(script, await api.scripts.replace(script.id, { blob: file, name: file.name }));
    } catch (err) {
      if (sessionLost(err)) return;
      setRefusal({ error: err, fileName: file.name });
      setBusy(false);
    }
  };

  return (
    <Dialog wide title={`Replace ${script.title}`} onClose={onClose} testId="replace-script-dialog" footer={<>
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="submit" form={formId} className="primary" disabled={!file || busy}>{busy ? "Uploading…" : "Upload new version"}</button>
    </>}>
      <form id={formId} className="admin-form" onSubmit={(e) => void submit(e)}>
        <p className="muted">
          Current version <code>{shortSha(script.sha256)}</code> ({script.language}). The new file must be {script.language} too;
          earlier versions are kept for the jobs that ran them.
        </p>
        <div className="admin-field">
          <label htmlFor={fileId}>New version</label>
          <input id={fileId} type="file" accept={SCRIPT_FILE_TYPES} data-autofocus
            onChange={(e) => { setFile(e.target.files?.[0]); setRefusal(undefined); }} />
        </div>
      </form>
      {refusal && <ScriptRefusal error={refusal.error} fileName={refusal.fileName} />}
    </Dialog>
  );
}
