/** The Users tab: every account, paged, with New user and Edit (administrators only). */
import { useState } from "react";
import type { UserDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { AccessNotice } from "../AccessNotice.tsx";
import { mayUseAdminTab } from "../admin-access.ts";
import { Pager } from "../Pager.tsx";
import { useCurrentUser } from "../use-current-user.ts";
import { CreateUserDialog } from "./CreateUserDialog.tsx";
import { EditUserDialog } from "./EditUserDialog.tsx";
import { UsersTable } from "./UsersTable.tsx";

const PAGE_SIZE = 50;

type OpenDialog = { kind: "create" } | { kind: "edit"; user: UserDto } | null;

export function UsersTab() {
  const me = useCurrentUser();
  if (!mayUseAdminTab("users", me)) {
    return <AccessNotice title="Only administrators can manage users.">Ask an administrator to create an account or to change privileges.</AccessNotice>;
  }
  return <UsersAdmin />;
}

function UsersAdmin() {
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState("");
  const users = useAsync(() => api.users.list({ limit: PAGE_SIZE, offset }), [offset]);
  const done = (text: string) => {
    setDialog(null);
    setNotice(text);
    users.reload();
  };
  return (
    <div className="admin-tab">
      <div className="admin-toolbar">
        <h2>Users</h2>
        <button type="button" className="primary" onClick={() => setDialog({ kind: "create" })}>New user…</button>
        <p className="admin-notice" role="status">{notice}</p>
      </div>
      {users.status === "error" && <ErrorBanner title="Users could not be loaded:" error={users.error} onRetry={users.reload} />}
      {users.status === "loading" && !users.data && <Spinner label="Loading users…" />}
      {users.data && (
        <>
          <UsersTable users={users.data.items} onEdit={(user) => setDialog({ kind: "edit", user })} />
          <Pager label="Users" offset={offset} limit={PAGE_SIZE} shown={users.data.items.length} total={users.data.total} onOffset={setOffset} />
        </>
      )}
      {dialog?.kind === "create" && <CreateUserDialog onClose={() => setDialog(null)} onCreated={(u) => done(`Created user ${u.username}.`)} />}
      {dialog?.kind === "edit" && <EditUserDialog user={dialog.user} onClose={() => setDialog(null)} onSaved={(u) => done(`Saved ${u.username}.`)} />}
    </div>
  );
}
