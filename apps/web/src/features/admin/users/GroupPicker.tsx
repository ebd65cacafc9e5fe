/**
 * Which groups a new user joins, and which of them is the default (where their new data goes).
 * Checkboxes rather than a <select multiple>: they can be ticked with the keyboard without
 * modifier keys, and each has its own label.
 */
import { listAll } from "@fovea/client";
import type { GroupDto } from "@fovea/model";
import { useId } from "react";
import { api } from "../../../api/web-client.ts";
import { ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";

export interface GroupPickerProps {
  groupIds: readonly number[];
  defaultGroupId: number | undefined;
  onChange: (groupIds: readonly number[], defaultGroupId: number | undefined) => void;
  error?: string | undefined;
}

export function GroupPicker({ groupIds, defaultGroupId, onChange, error }: GroupPickerProps) {
  const id = useId();
  const groups = useAsync(() => listAll((page) => api.groups.list(page)), []);
  const toggle = (group: GroupDto, on: boolean) => {
    const next = on ? [...groupIds, group.id] : groupIds.filter((g) => g !== group.id);
    onChange(next, next.includes(defaultGroupId ?? -1) ? defaultGroupId : next[0]);
  };
  const ticked = (groups.data ?? []).filter((g) => groupIds.includes(g.id));
  return (
    <fieldset className="admin-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Groups</legend>
      {groups.status === "loading" && <Spinner label="Loading groups…" />}
      {groups.status === "error" && <ErrorBanner title="Groups could not be loaded:" error={groups.error} onRetry={groups.reload} />}
      {groups.data && groups.data.length === 0 && <p className="muted">No groups yet.</p>}
      {groups.data && (
        <div className="admin-group-choices">
          {groups.data.map((g) => (
            <label key={g.id} className="admin-inline-check">
              <input type="checkbox" checked={groupIds.includes(g.id)} onChange={(e) => toggle(g, e.target.checked)} />
              {g.name} <span className="muted">({g.permissions})</span>
            </label>
          ))}
        </div>
      )}
      {ticked.length > 1 && (
        <label className="admin-field">
          Default group
          <select value={defaultGroupId ?? ""} onChange={(e) => onChange(groupIds, Number(e.target.value))}>
            {ticked.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </label>
      )}
      {error && <span id={`${id}-error`} className="admin-field-error">{error}</span>}
    </fieldset>
  );
}
