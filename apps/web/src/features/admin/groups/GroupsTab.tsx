/**
 * The Groups tab: the groups (all of them for administrators, their own for group owners) with
 * their permission level; choosing one shows its members beside the list.
 */
import { useState } from "react";
import type { UserDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { AccessNotice } from "../AccessNotice.tsx";
import { mayUseAdminTab } from "../admin-access.ts";
import { Pager } from "../Pager.tsx";
import { useCurrentUser } from "../use-current-user.ts";
import { CreateGroupDialog } from "./CreateGroupDialog.tsx";
import { GroupDetail } from "./GroupDetail.tsx";
import { GroupsTable } from "./GroupsTable.tsx";

const PAGE_SIZE = 50;

export function GroupsTab() {
  const me = useCurrentUser();
  if (!me || !mayUseAdminTab("groups", me)) {
    return <AccessNotice title="Only administrators and group owners can manage groups.">Ask an administrator to create a group or to add you to one.</AccessNotice>;
  }
  return <GroupsAdmin me={me} />;
}

function GroupsAdmin({ me }: { me: UserDto }) {
  const [offset, setOffset] = useState(0);
  const [selectedId, setSelectedId] = useState<number>();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState("");
  const groups = useAsync(() => api.groups.list({ limit: PAGE_SIZE, offset }), [offset]);
  return (
    <div className="admin-tab">
      <div className="admin-toolbar">
        <h2>Groups</h2>
        {me.isAdmin && <button type="button" className="primary" onClick={() => setCreating(true)}>New group…</button>}
        <p className="admin-notice" role="status">{notice}</p>
      </div>
      {groups.status === "error" && <ErrorBanner title="Groups could not be loaded:" error={groups.error} onRetry={groups.reload} />}
      {groups.status === "loading" && !groups.data && <Spinner label="Loading groups…" />}
      {groups.data && (
        <div className="admin-split">
          <div className="admin-split-main">
            <GroupsTable groups={groups.data.items} selectedId={selectedId} onSelect={setSelectedId} />
            <Pager label="Groups" offset={offset} limit={PAGE_SIZE} shown={groups.data.items.length} total={groups.data.total} onOffset={setOffset} />
          </div>
          {selectedId === undefined
            ? <p className="admin-split-side admin-placeholder muted">Choose a group to see and manage its members.</p>
            : <GroupDetail key={selectedId} groupId={selectedId} me={me} onChanged={groups.reload} onClose={() => setSelectedId(undefined)} />}
        </div>
      )}
      {creating && (
        <CreateGroupDialog onClose={() => setCreating(false)} onCreated={(g) => {
          setCreating(false);
          setNotice(`Created group ${g.name}.`);
          setSelectedId(g.id);
          groups.reload();
        }} />
      )}
    </div>
  );
}
