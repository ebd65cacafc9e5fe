/** A CSV preview as a scrollable table with its header row. */
import type { CsvPreview } from "./csv-preview.ts";

export function CsvTable({ preview, label, rows }: { preview: CsvPreview; label: string; rows: number }) {
  const shown = preview.rows.slice(0, rows);
  return (
    // Focusable so that keyboard users can scroll it.
    <div className="csv-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="csv-table">
        <thead>
          <tr>{preview.header.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {shown.map((row, r) => (
            <tr key={r}>{preview.header.map((_, c) => <td key={c}>{row[c] ?? ""}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
