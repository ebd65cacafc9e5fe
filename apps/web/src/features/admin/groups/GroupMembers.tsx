/** The members of a group, owners first, each removable (after a confirmation) by its managers. */
import { useState } from "react";
import type { GroupDto, UserDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { EmptyState } from "../../../ui/feedback.tsx";
import { ConfirmDialog } from "../ConfirmDialog.tsx";
import { mayManageMembers } from "./group-form.ts";

type Member = NonNullable<GroupDto["members"]>[number];

export function GroupMembers({ group, me, onChanged }: { group: GroupDto; me: UserDto; onChanged: () => void }) {
  const [removing, setRemoving] = useState<Member>();
  const members = [...(group.members ?? [])].sort((a, b) => Number(b.isOwner) - Number(a.isOwner) || a.username.localeCompare(b.username));
  const manage = mayManageMembers(me, group);
  return (
    <div className="admin-members">
      <h4>Members <span className="muted">({members.length})</span></h4>
      {members.length === 0 ? <EmptyState title="No members yet." /> : (
        <table className="admin-table" aria-label={`Members of ${group.name}`}>
          <thead><tr><th scope="col">Username</th><th scope="col">Role</th>{manage && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr></thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row" className="admin-strong">{m.username}{m.id === me.id && <span className="muted"> (you)</span>}</th>
                <td>{m.isOwner ? <span className="admin-flag admin-flag-on">Owner</span> : "Member"}</td>
                {manage && (
                  <td className="admin-actions">
                    <button type="button" className="danger" onClick={() => setRemoving(m)} aria-label={`Remove ${m.username} from ${group.name}`}>Remove</button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removing && (
        <ConfirmDialog title={`Remove ${removing.username}?`} confirmLabel="Remove" onClose={() => setRemoving(undefined)}
          onConfirm={async () => {
            await api.groups.removeMember(group.id, removing.id);
            onChanged();
          }}>
          <p>{removing.username} will no longer see the data of <strong>{group.name}</strong>. Their own data stays in the group.</p>
          {removing.id === me.id && <p className="admin-warning">You are removing yourself: you will lose access to this group.</p>}
        </ConfirmDialog>
      )}
    </div>
  );
}
