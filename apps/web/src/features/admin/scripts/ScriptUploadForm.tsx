/**
 * Upload a script file: official (the default for script managers) or a user script, into the
 * folder typed here or the one the script declares. The server compiles the file and reads its
 * declaration in describe mode before accepting it.
 */
import { useId, useState, type FormEvent } from "react";
import type { ScriptDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { sessionLost } from "../../../state/session.ts";
import { CheckboxField, TextField } from "../FormField.tsx";
import { ScriptRefusal } from "./ScriptRefusal.tsx";
import { SCRIPT_FILE_TYPES, uploadFieldsOf } from "./script-format.ts";

export interface ScriptUploadFormProps {
  /** An upload starts (the tab clears its last notice). */
  onStart: () => void;
  onUploaded: (script: ScriptDto) => void;
}

export function ScriptUploadForm({ onStart, onUploaded }: ScriptUploadFormProps) {
  const fileId = useId();
  const [file, setFile] = useState<File>();
  const [official, setOfficial] = useState(true);
  const [folder, setFolder] = useState("");
  const [refusal, setRefusal] = useState<{ error: unknown; fileName: string }>();
  const [busy, setBusy] = useState(false);
  // A new key empties the file input after an upload (its value cannot be set from script).
  const [inputKey, setInputKey] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setRefusal(undefined);
    onStart();
    try {
      const script = await api.scripts.upload({ blob: file, name: file.name }, uploadFieldsOf(official, folder));
      setFile(undefined);
      setInputKey((k) => k + 1);
      onUploaded(script);
    } catch (err) {
      if (!sessionLost(err)) setRefusal({ error: err, fileName: file.name });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-upload" aria-labelledby={`${fileId}-title`}>
      <h3 id={`${fileId}-title`}>Upload a script</h3>
      <form className="admin-row admin-row-end" onSubmit={(e) => void submit(e)}>
        <div className="admin-field">
          <label htmlFor={fileId}>Script file</label>
          <input key={inputKey} id={fileId} type="file" accept={SCRIPT_FILE_TYPES}
            onChange={(e) => { setFile(e.target.files?.[0]); setRefusal(undefined); }} />
        </div>
        <TextField label="Folder" value={folder} onChange={setFolder} placeholder="as declared" autoComplete="off" />
        <CheckboxField label="Official" checked={official} onChange={setOfficial} hint={official ? "Everyone may run it" : "Only you see it"} />
        <button type="submit" className="primary" disabled={!file || busy}>{busy ? "Uploading…" : "Upload"}</button>
      </form>
      {refusal && <ScriptRefusal error={refusal.error} fileName={refusal.fileName} />}
    </section>
  );
}
