/** The top bar: brand, navigation, the Scripts (cogs) menu, Activities, and the user's menu. */
import { canManageScripts, logOut, sessionStore } from "../state/session.ts";
import { useStore } from "../state/store.ts";
import { ScriptsMenu } from "../features/scripts/ScriptsMenu.tsx";
import { ActivitiesButton } from "../features/activities/ActivitiesButton.tsx";
import { formatRoute, type Route } from "./router.ts";

export function Header({ route }: { route: Route }) {
  const session = useStore(sessionStore);
  if (session.status !== "ready") return null;
  const { user } = session.info;
  // Group owners manage their groups' members, so they reach the Groups tab too.
  const adminTab = user.isAdmin ? "users" : canManageScripts(user) ? "scripts" : user.groups.some((g) => g.isOwner) ? "groups" : undefined;
  return (
    <header className="app-header">
      <a className="brand" href="#/data" aria-label="Fovea home"><span className="brand-mark" aria-hidden="true" />Fovea</a>
      <nav className="app-nav" aria-label="Main">
        <a href={formatRoute({ page: "data" })} aria-current={route.page === "data" ? "page" : undefined}>Data</a>
        {route.page === "viewer" && <a href={formatRoute(route)} aria-current="page">Viewer</a>}
        {adminTab && <a href={formatRoute({ page: "admin", tab: adminTab })} aria-current={route.page === "admin" ? "page" : undefined}>Admin</a>}
      </nav>
      <div className="header-actions">
        <ScriptsMenu />
        <ActivitiesButton />
        <span className="user-name" title={user.fullName || user.username}>{user.username}</span>
        <button type="button" onClick={() => void logOut()}>Log out</button>
      </div>
    </header>
  );
}
