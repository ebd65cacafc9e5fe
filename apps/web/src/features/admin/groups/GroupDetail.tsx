/**
 * One group: its permission level (administrators may change it) and its members, who can be
 * added by username or removed by administrators and the group's owners.
 */
import { useId, useState } from "react";
import type { GroupDto, GroupPermissions, UserDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { sessionLost } from "../../../state/session.ts";
import { ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { AddMemberForm } from "./AddMemberForm.tsx";
import { GroupMembers } from "./GroupMembers.tsx";
import { mayManageMembers, PERMISSION_CHOICES, PERMISSION_LEVELS } from "./group-form.ts";

export interface GroupDetailProps {
  groupId: number;
  me: UserDto;
  /** The group changed (level or members): the list refreshes too. */
  onChanged: () => void;
  onClose: () => void;
}

export function GroupDetail({ groupId, me, onChanged, onClose }: GroupDetailProps) {
  const group = useAsync(() => api.groups.get(groupId), [groupId]);
  const changed = () => {
    group.reload();
    onChanged();
  };
  return (
    <section className="admin-split-side admin-panel" aria-label={group.data ? `Group ${group.data.name}` : "Group"}>
      <header className="admin-panel-header">
        <h3>{group.data?.name ?? "Group"}</h3>
        <button type="button" className="icon-button" aria-label="Close group" onClick={onClose}>×</button>
      </header>
      {group.status === "error" && <ErrorBanner title="The group could not be loaded:" error={group.error} onRetry={group.reload} />}
      {group.status === "loading" && !group.data && <Spinner label="Loading the group…" />}
      {group.data && (
        <>
          {group.data.description && <p className="muted">{group.data.description}</p>}
          {me.isAdmin ? <LevelEditor key={group.data.permissions} group={group.data} onSaved={changed} />
            : <p>Permission level: <strong>{PERMISSION_LEVELS[group.data.permissions].label}</strong> — {PERMISSION_LEVELS[group.data.permissions].meaning}</p>}
          <GroupMembers group={group.data} me={me} onChanged={changed} />
          {mayManageMembers(me, group.data) && <AddMemberForm group={group.data} asAdmin={me.isAdmin} onAdded={changed} />}
        </>
      )}
    </section>
  );
}

/** Changing the level changes what every member sees of the others' data, so it is its own step. */
function LevelEditor({ group, onSaved }: { group: GroupDto; onSaved: () => void }) {
  const id = useId();
  const [level, setLevel] = useState<GroupPermissions>(group.permissions);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.groups.update(group.id, { permissions: level });
      onSaved();
    } catch (err) {
      if (sessionLost(err)) return;
      setError(err);
      setBusy(false);
    }
  };
  return (
    <div className="admin-level-editor">
      <label htmlFor={id}>Permission level</label>
      <div className="admin-row">
        <select id={id} aria-describedby={`${id}-meaning`} value={level} onChange={(e) => setLevel(e.target.value as GroupPermissions)}>
          {PERMISSION_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
        <button type="button" disabled={busy || level === group.permissions} onClick={() => void save()}>{busy ? "Saving…" : "Change level"}</button>
      </div>
      <span id={`${id}-meaning`} className="admin-hint">{PERMISSION_LEVELS[level].meaning}</span>
      {error !== undefined && <ErrorBanner error={error} />}
    </div>
  );
}
