/** The CSV preview of a job's file output: the header, the first rows and the row count. */
import Papa from "papaparse";

/** Rows shown in the panel; the dialog view shows more. */
export const PANEL_PREVIEW_ROWS = 50;

export interface CsvPreview {
  header: string[];
  rows: string[][];
  /** Data rows in the whole file (the header excluded). */
  rowCount: number;
}

/** Whether a file output is a CSV (by its recorded type, or its name as OMERO scripts name them). */
export function isCsvFile(file: { name: string; mimeType: string }): boolean {
  return /\.csv$/i.test(file.name) || file.mimeType.split(";")[0]?.trim().toLowerCase() === "text/csv";
}

/** Parses the file (quoted fields, embedded commas, quotes and line breaks) and keeps `maxRows` rows. */
export function parseCsvPreview(text: string, maxRows: number): CsvPreview {
  // A leading byte-order mark (spreadsheet exports) would otherwise stick to the first column name.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { header, rows: rows.slice(0, Math.max(0, maxRows)), rowCount: rows.length };
}
