/** A FileAnnotation output: a download link named after the file, and a preview when it is a CSV. */
import { api, fileAnnotationUrl } from "../../api/web-client.ts";
import { ErrorBanner } from "../../ui/feedback.tsx";
import { useAsync } from "../../ui/use-async.ts";
import { outputLabel } from "./job-outputs.ts";
import { CsvPreviewSection } from "./CsvPreviewSection.tsx";
import { isCsvFile } from "./csv-preview.ts";

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  // "KB", as the Data page's attachments spell the same file's size.
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function FileOutput({ label, annotationId }: { label: string; annotationId: number }) {
  const annotation = useAsync(() => api.annotations.get(annotationId), [annotationId]);
  const file = annotation.status === "ready" && annotation.data.type === "FileAnnotation" ? annotation.data.file : undefined;
  return (
    <li className="job-output job-output-file">
      <span className="job-output-label">{outputLabel(label)}:</span>
      <a className="job-file-link" href={fileAnnotationUrl(annotationId)} download={file?.name ?? true}>
        <span aria-hidden="true">⤓ </span>{file?.name ?? `File ${annotationId}`}
      </a>
      {file && <span className="muted job-file-size">{formatBytes(file.size)}</span>}
      {annotation.status === "error" && <ErrorBanner title="File details unavailable:" error={annotation.error} onRetry={annotation.reload} />}
      {file && isCsvFile(file) && <CsvPreviewSection annotationId={annotationId} fileName={file.name} size={file.size} />}
    </li>
  );
}
