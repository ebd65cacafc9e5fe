/**
 * Administration: users, groups and scripts, one tab each (`#/admin/<tab>`). The tabs are links,
 * so a tab can be bookmarked and the browser's back button moves between them. Each tab checks
 * for itself who may use it, because the server decides per endpoint (administrators for users,
 * administrators and group owners for members, script managers for official scripts).
 */
import { formatRoute } from "../../app/router.ts";
import { UsersTab } from "./users/UsersTab.tsx";
import { GroupsTab } from "./groups/GroupsTab.tsx";
import { ScriptsTab } from "./scripts/ScriptsTab.tsx";
import { mayUseAdminTab, type AdminTab } from "./admin-access.ts";
import { useCurrentUser } from "./use-current-user.ts";
import "./admin.css";

const TABS: readonly { tab: AdminTab; label: string }[] = [
  { tab: "users", label: "Users" },
  { tab: "groups", label: "Groups" },
  { tab: "scripts", label: "Scripts" },
];

export function AdminPage({ tab }: { tab: AdminTab }) {
  const me = useCurrentUser();
  const current = TABS.find((t) => t.tab === tab) ?? TABS[0]!;
  // Only the tabs this user may use (and the one a link opened, which then says who may).
  const shown = TABS.filter((t) => t.tab === tab || mayUseAdminTab(t.tab, me));
  return (
    <section className="admin-page" aria-labelledby="admin-title">
      <header className="admin-header">
        <h1 id="admin-title">Administration</h1>
        <nav className="admin-tabs" aria-label="Administration">
          {shown.map((t) => (
            <a key={t.tab} href={formatRoute({ page: "admin", tab: t.tab })} aria-current={t.tab === tab ? "page" : undefined}>{t.label}</a>
          ))}
        </nav>
      </header>
      <div className="admin-body" aria-label={current.label} role="region">
        {tab === "users" && <UsersTab />}
        {tab === "groups" && <GroupsTab />}
        {tab === "scripts" && <ScriptsTab />}
      </div>
    </section>
  );
}
