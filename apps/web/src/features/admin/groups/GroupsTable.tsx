/** The groups with their permission level; the name opens the group's members. */
import type { GroupDto } from "@fovea/model";
import { EmptyState } from "../../../ui/feedback.tsx";

export interface GroupsTableProps {
  groups: readonly GroupDto[];
  selectedId: number | undefined;
  onSelect: (id: number) => void;
}

export function GroupsTable({ groups, selectedId, onSelect }: GroupsTableProps) {
  if (groups.length === 0) return <EmptyState title="No groups yet." />;
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" aria-label="Groups">
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Permissions</th><th scope="col">Description</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id} className={g.id === selectedId ? "admin-row-selected" : undefined}>
              <th scope="row" className="admin-strong">{g.name}</th>
              <td><span className={`admin-level admin-level-${g.permissions}`}>{g.permissions}</span></td>
              <td className="admin-wrap">{g.description || <span className="muted">—</span>}</td>
              <td className="admin-actions">
                <button type="button" onClick={() => onSelect(g.id)} aria-pressed={g.id === selectedId} aria-label={`Members of ${g.name}`}>Members</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
