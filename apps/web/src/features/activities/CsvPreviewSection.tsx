/**
 * The preview of a CSV file output: the first rows in the panel, more in a larger dialog. The file
 * is read through the cookie session (`apiFetch`) and parsed with papaparse; big files are not
 * previewed, so the panel never pulls megabytes on its own.
 */
import { useState } from "react";
import { apiFetch } from "../../api/web-client.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import { ErrorBanner, Spinner } from "../../ui/feedback.tsx";
import { useAsync } from "../../ui/use-async.ts";
import { CsvTable } from "./CsvTable.tsx";
import { PANEL_PREVIEW_ROWS, parseCsvPreview } from "./csv-preview.ts";

/** Files larger than this are offered for download only. */
const MAX_PREVIEW_BYTES = 5 * 1024 * 1024;
/** Rows in the larger view. */
const DIALOG_PREVIEW_ROWS = 1000;

export function CsvPreviewSection({ annotationId, fileName, size }: { annotationId: number; fileName: string; size: number }) {
  const [large, setLarge] = useState(false);
  const tooBig = size > MAX_PREVIEW_BYTES;
  const csv = useAsync(async (signal) => {
    if (tooBig) return undefined;
    const res = await apiFetch(`/annotations/${annotationId}/file`, { signal });
    if (!res.ok) throw new Error(`The file could not be read (HTTP ${res.status}).`);
    return parseCsvPreview(await res.text(), DIALOG_PREVIEW_ROWS);
  }, [annotationId, tooBig]);
  if (tooBig) return <p className="muted csv-note">Too large to preview here: download it.</p>;
  if (csv.status === "loading") return <Spinner label="Reading the CSV…" />;
  if (csv.status === "error") return <ErrorBanner title="No preview:" error={csv.error} onRetry={csv.reload} />;
  const preview = csv.data;
  if (!preview) return null;
  const count = `${preview.rowCount} ${preview.rowCount === 1 ? "row" : "rows"}`;
  return (
    <div className="csv-preview">
      <div className="csv-preview-bar">
        <span className="csv-count">{count}{preview.rowCount > PANEL_PREVIEW_ROWS && `, first ${PANEL_PREVIEW_ROWS} shown`}</span>
        <button type="button" className="act-link" onClick={() => setLarge(true)}>Larger view</button>
      </div>
      <CsvTable preview={preview} label={`Preview of ${fileName}`} rows={PANEL_PREVIEW_ROWS} />
      {large && (
        <Dialog title={fileName} onClose={() => setLarge(false)} full>
          <p className="csv-count">{count}{preview.rowCount > DIALOG_PREVIEW_ROWS && `, first ${DIALOG_PREVIEW_ROWS} shown`}</p>
          <CsvTable preview={preview} label={`Table of ${fileName}`} rows={DIALOG_PREVIEW_ROWS} />
        </Dialog>
      )}
    </div>
  );
}
