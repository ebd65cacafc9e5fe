/** The registry as a dense table, one row per script with its actions. */
import type { ScriptDto } from "@fovea/model";
import { EmptyState } from "../../../ui/feedback.tsx";
import { formatDate, shortSha } from "./script-format.ts";

export type ScriptAction = "source" | "versions" | "replace" | "toggle" | "delete";

export interface ScriptsTableProps {
  scripts: readonly ScriptDto[];
  /** The script whose enable/disable is in flight. */
  busyId: number | undefined;
  onAction: (action: ScriptAction, script: ScriptDto) => void;
}

export function ScriptsTable({ scripts, busyId, onAction }: ScriptsTableProps) {
  if (scripts.length === 0) return <EmptyState title="No scripts yet.">Upload one above.</EmptyState>;
  return (
    <div className="admin-table-wrap">
      <table className="admin-table admin-scripts" aria-label="Scripts">
        <thead>
          <tr>
            <th scope="col">Title</th><th scope="col">Name</th><th scope="col">Folder</th><th scope="col">Language</th>
            <th scope="col">Official</th><th scope="col">Enabled</th><th scope="col">Version</th><th scope="col">SHA-256</th>
            <th scope="col">Updated</th><th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {scripts.map((s) => (
            <tr key={s.id} className={s.enabled ? undefined : "admin-row-disabled"}>
              <th scope="row" className="admin-strong" title={s.description || undefined}>{s.title}</th>
              <td><code>{s.name}</code></td>
              <td>{s.folder}</td>
              <td>{s.language}</td>
              <td>{s.official ? "Yes" : <span className="muted">user</span>}</td>
              <td>{s.enabled ? <span className="admin-flag admin-flag-on">Enabled</span> : <span className="admin-flag admin-flag-off">Disabled</span>}</td>
              <td>{s.version || <span className="muted">—</span>}</td>
              <td><code title={s.sha256}>{shortSha(s.sha256)}</code></td>
              <td className="admin-nowrap">{formatDate(s.updatedAt)}</td>
              <td className="admin-actions">
                <button type="button" onClick={() => onAction("source", s)} aria-label={`Source of ${s.title}`}>Source</button>
                <button type="button" onClick={() => onAction("versions", s)} aria-label={`Versions of ${s.title}`}>Versions</button>
                <button type="button" onClick={() => onAction("replace", s)} aria-label={`Replace ${s.title}`}>Replace…</button>
                <button type="button" disabled={busyId === s.id} onClick={() => onAction("toggle", s)} aria-label={`${s.enabled ? "Disable" : "Enable"} ${s.title}`}>
                  {s.enabled ? "Disable" : "Enable"}
                </button>
                <button type="button" className="danger" onClick={() => onAction("delete", s)} aria-label={`Delete ${s.title}`}>Delete</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
