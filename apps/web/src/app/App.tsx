/**
 * The application shell: the login page until a session exists, then the header (navigation,
 * the Scripts cogs menu, Activities, the user) over the routed page, with the script form and
 * the Activities panel available everywhere.
 */
import { useEffect, useState } from "react";
import { ErrorBanner, Spinner } from "../ui/feedback.tsx";
import { loadSession, sessionStore } from "../state/session.ts";
import { useStore } from "../state/store.ts";
import { LoginPage } from "../features/auth/LoginPage.tsx";
import { DataPage } from "../features/data/DataPage.tsx";
import { ViewerPage } from "../features/viewer/ViewerPage.tsx";
import { AdminPage } from "../features/admin/AdminPage.tsx";
import { ScriptDialogHost } from "../features/scripts/ScriptDialogHost.tsx";
import { ActivitiesPanel } from "../features/activities/ActivitiesPanel.tsx";
import { activitiesOpenStore } from "../features/activities/activities-panel-state.ts";
import { Header } from "./Header.tsx";
import { useRoute } from "./router.ts";
import { select } from "../state/selection.ts";

export function App() {
  const session = useStore(sessionStore);
  const [startError, setStartError] = useState<unknown>();
  useEffect(() => {
    loadSession().catch(setStartError);
  }, []);
  if (startError) return <main className="page-center"><ErrorBanner title="Fovea could not start:" error={startError} onRetry={() => location.reload()} /></main>;
  if (session.status === "loading") return <main className="page-center"><Spinner label="Connecting…" /></main>;
  if (session.status === "anonymous") return <LoginPage reason={session.reason} />;
  return <AuthenticatedApp />;
}

function AuthenticatedApp() {
  const route = useRoute();
  const activitiesOpen = useStore(activitiesOpenStore);
  // The image on show is the selection, so the Scripts menu offers to run on it (Data_Type=Image).
  const viewedImage = route.page === "viewer" ? route.imageId : undefined;
  useEffect(() => {
    if (viewedImage !== undefined) select("Image", [viewedImage]);
  }, [viewedImage]);
  return (
    <div className={activitiesOpen ? "app with-activities" : "app"}>
      <Header route={route} />
      <div className="app-body">
        <main className="app-main">
          {route.page === "data" && <DataPage route={route} />}
          {route.page === "viewer" && <ViewerPage key={route.imageId} imageId={route.imageId} />}
          {route.page === "admin" && <AdminPage tab={route.tab} />}
        </main>
        {activitiesOpen && <ActivitiesPanel />}
      </div>
      <ScriptDialogHost />
    </div>
  );
}
