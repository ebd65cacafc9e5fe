/**
 * The header's Activities button: toggles the panel and counts the jobs queued or running. It
 * lives as long as the user is logged in, so it also keeps the jobs in step with the server.
 */
import { useStore } from "../../state/store.ts";
import { ACTIVITIES_BUTTON_ID, ACTIVITIES_PANEL_ID, activitiesOpenStore, toggleActivities } from "./activities-panel-state.ts";
import { activeJobCount } from "./job-list.ts";
import { jobsStore } from "./jobs-store.ts";
import { useJobsSync } from "./use-jobs-sync.ts";
import "./activities.css";

export function ActivitiesButton() {
  useJobsSync();
  const open = useStore(activitiesOpenStore);
  const active = useStore(jobsStore, activeJobCount);
  return (
    <button
      type="button" id={ACTIVITIES_BUTTON_ID} className="activities-button" onClick={toggleActivities}
      aria-expanded={open} {...(open && { "aria-controls": ACTIVITIES_PANEL_ID })}
    >
      Activities
      {active > 0 && (
        <>
          <span className="badge" aria-hidden="true">{active}</span>
          <span className="visually-hidden">, {active} running or queued</span>
        </>
      )}
    </button>
  );
}
