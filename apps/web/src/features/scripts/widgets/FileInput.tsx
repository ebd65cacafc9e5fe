/**
 * A `file` parameter: one of the selection's attached files, or a new upload, either way given
 * to the script as `FileAnnotation:ID`. An uploaded file is not linked to anything: the job reads
 * it by reference, and the user owns it.
 */
import { useState } from "react";
import type { FileAnnotationDto } from "@fovea/client";
import { api } from "../../../api/web-client.ts";
import { errorMessage } from "../../../api/error-message.ts";
import { sessionLost } from "../../../state/session.ts";
import type { Draft } from "../form/drafts.ts";
import { useAttachedFiles } from "./use-attached-files.ts";
import { controlAttrs, type WidgetProps } from "./widget-props.ts";

const refOf = (f: FileAnnotationDto) => `FileAnnotation:${f.id}`;

export function FileInput(props: WidgetProps<Extract<Draft, { kind: "text" }>>) {
  const attached = useAttachedFiles();
  const [uploaded, setUploaded] = useState<FileAnnotationDto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const files = [...uploaded, ...(attached.data ?? []).filter((f) => !uploaded.some((u) => u.id === f.id))];
  const current = props.draft.text.trim();
  const choose = (text: string) => props.onChange({ kind: "text", text });

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setUploadError(undefined);
    try {
      const created = await api.annotations.upload(file, { fileName: file.name });
      setUploaded((u) => [created, ...u]);
      choose(refOf(created));
    } catch (err) {
      if (!sessionLost(err)) setUploadError(`Upload failed: ${errorMessage(err)}`);
    } finally {
      setUploading(false);
    }
  };

  const empty = attached.status === "loading" ? "Loading attached files…" : files.length > 0 ? "Choose a file…" : "No attached files: upload one";
  return (
    <span className="param-file">
      <select {...controlAttrs(props)} value={current} onChange={(e) => choose(e.target.value)}>
        <option value="">{empty}</option>
        {files.map((f) => <option key={f.id} value={refOf(f)}>{f.file.name} ({refOf(f)})</option>)}
        {current !== "" && !files.some((f) => refOf(f) === current) && <option value={current}>{current}</option>}
      </select>
      <label className={props.disabled || uploading ? "button param-upload is-disabled" : "button param-upload"}>
        {uploading ? "Uploading…" : "Upload…"}
        <input
          type="file" className="visually-hidden" aria-label="Upload a new file" disabled={props.disabled || uploading}
          onChange={(e) => { void upload(e.target.files?.[0]); e.target.value = ""; }}
        />
      </label>
      {attached.status === "error" && <span className="param-file-note" role="alert">Attached files could not be listed: {errorMessage(attached.error)}</span>}
      {uploadError && <span className="param-file-note" role="alert">{uploadError}</span>}
    </span>
  );
}
