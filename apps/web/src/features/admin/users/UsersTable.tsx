/** One row per account: who it is, what it may do, and where it belongs. */
import type { UserDto } from "@fovea/model";
import { EmptyState } from "../../../ui/feedback.tsx";

export function UsersTable({ users, onEdit }: { users: readonly UserDto[]; onEdit: (user: UserDto) => void }) {
  if (users.length === 0) return <EmptyState title="No users on this page." />;
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Username</th><th scope="col">Full name</th><th scope="col">Email</th><th scope="col">Admin</th>
            <th scope="col">Privileges</th><th scope="col">Groups</th><th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" className="admin-strong">{u.username}</th>
              <td>{u.fullName || <span className="muted">—</span>}</td>
              <td>{u.email || <span className="muted">—</span>}</td>
              <td>{u.isAdmin ? <span className="admin-flag admin-flag-on">Admin</span> : <span className="muted">—</span>}</td>
              <td>{u.privileges.length > 0 ? u.privileges.join(", ") : <span className="muted">—</span>}</td>
              <td><UserGroups user={u} /></td>
              <td className="admin-actions">
                <button type="button" onClick={() => onEdit(u)} aria-label={`Edit ${u.username}`}>Edit</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserGroups({ user }: { user: UserDto }) {
  if (user.groups.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="admin-chips">
      {user.groups.map((g) => (
        <li key={g.id} className={g.id === user.defaultGroupId ? "admin-chip admin-chip-default" : "admin-chip"}
          title={[g.id === user.defaultGroupId && "default group", g.isOwner && "owner", g.permissions].filter(Boolean).join(" · ")}>
          {g.name}{g.isOwner && <span className="admin-chip-note"> owner</span>}
        </li>
      ))}
    </ul>
  );
}
