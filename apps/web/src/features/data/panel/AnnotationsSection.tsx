/**
 * What is attached to the selected object: its files (each a download link with its size) and
 * its tags as chips. Reloaded with the panel, so a CSV a script attached shows after a refresh.
 */
import type { AnnotatableType, AnnotationDto, FileAnnotationDto } from "@fovea/model";
import { listAll } from "@fovea/client";
import { api, fileAnnotationUrl } from "../../../api/web-client.ts";
import { ErrorBanner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { DataIcon } from "../icons.tsx";
import { formatBytes } from "../metadata-format.ts";
import { PanelSection } from "./MetaList.tsx";

type TagDto = Extract<AnnotationDto, { type: "TagAnnotation" }>;

export function AnnotationsSection({ type, id, tick }: { type: AnnotatableType; id: number; tick: number }) {
  const annotations = useAsync(() => listAll((page) => api.annotations.listOn({ type, id }, page)), [type, id, tick]);
  if (annotations.status === "error") {
    return <ErrorBanner title="Could not load the attachments:" error={annotations.error} onRetry={annotations.reload} />;
  }
  const all = annotations.data;
  const files = all?.filter((a): a is FileAnnotationDto => a.type === "FileAnnotation") ?? [];
  const tags = all?.filter((a): a is TagDto => a.type === "TagAnnotation") ?? [];
  return (
    <>
      <PanelSection title="Attachments" count={all && files.length}>
        {all === undefined ? <p className="muted panel-note">Loading…</p>
          : files.length === 0 ? <p className="muted panel-note">No files attached.</p>
          : <ul className="attachment-list">{files.map((f) => <Attachment key={f.id} file={f} />)}</ul>}
      </PanelSection>
      <PanelSection title="Tags" count={all && tags.length}>
        {all === undefined ? <p className="muted panel-note">Loading…</p>
          : tags.length === 0 ? <p className="muted panel-note">No tags.</p>
          : <ul className="tag-list" aria-label="Tags">{tags.map((t) => <li key={t.id} className="tag-chip" title={t.description || t.value}>{t.value}</li>)}</ul>}
      </PanelSection>
    </>
  );
}

function Attachment({ file }: { file: FileAnnotationDto }) {
  const note = [formatBytes(file.file.size), file.namespace].filter(Boolean).join(" · ");
  return (
    <li className="attachment">
      <DataIcon kind="file" />
      <a href={fileAnnotationUrl(file.id)} download={file.file.name} title={file.description || file.file.name}>{file.file.name}</a>
      <span className="attachment-meta">{note}</span>
    </li>
  );
}
