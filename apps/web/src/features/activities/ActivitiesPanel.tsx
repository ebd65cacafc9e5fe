/**
 * The user's jobs, live, in a right-hand column (SPEC §6 Activities): newest first, the latest
 * page and "Load more". Escape or the close button hides it and gives focus back to the button.
 */
import { isFinished } from "@fovea/model";
import { EmptyState, ErrorBanner, Spinner } from "../../ui/feedback.tsx";
import { useStore } from "../../state/store.ts";
import { JobCard } from "./JobCard.tsx";
import { ACTIVITIES_BUTTON_ID, ACTIVITIES_PANEL_ID, closeActivities } from "./activities-panel-state.ts";
import { clearFinishedJobs, dismissedJobsStore, visibleJobs } from "./dismissed-jobs.ts";
import { hasMoreJobs, jobsPagingStore, loadLatestJobs, loadMoreJobs } from "./jobs-paging.ts";
import { jobsStore } from "./jobs-store.ts";
import "./activities.css";

function closeAndReturnFocus(): void {
  closeActivities();
  document.getElementById(ACTIVITIES_BUTTON_ID)?.focus();
}

export function ActivitiesPanel() {
  const jobs = useStore(jobsStore);
  const dismissed = useStore(dismissedJobsStore);
  const paging = useStore(jobsPagingStore);
  const shown = visibleJobs(jobs, dismissed);
  const anyFinished = shown.some((j) => isFinished(j.status));
  const firstLoad = jobs.length === 0 && (paging.status === "loading" || paging.status === "idle");
  return (
    <aside
      id={ACTIVITIES_PANEL_ID} className="activities-panel" aria-label="Activities"
      onKeyDown={(e) => { if (e.key === "Escape") { e.stopPropagation(); closeAndReturnFocus(); } }}
    >
      <header className="activities-head">
        <h2>Activities</h2>
        <button type="button" className="act-link" onClick={clearFinishedJobs} disabled={!anyFinished}>Clear finished</button>
        <button type="button" className="icon-button" aria-label="Close Activities" onClick={closeAndReturnFocus}>×</button>
      </header>
      <div className="activities-body">
        {paging.status === "error" && <ErrorBanner title="Your jobs could not be loaded:" error={paging.error} onRetry={() => void loadLatestJobs()} />}
        {firstLoad && <Spinner label="Loading your jobs…" />}
        {!firstLoad && paging.status !== "error" && shown.length === 0 && (
          <EmptyState title={jobs.length === 0 ? "No jobs yet" : "No jobs to show"}>
            {jobs.length === 0 ? "Run a script from the Scripts menu (⚙)." : "Finished jobs were cleared; reload the page to see them again."}
          </EmptyState>
        )}
        {shown.length > 0 && (
          <ol className="job-list" aria-label="Jobs, newest first">
            {shown.map((job) => <li key={job.id}><JobCard job={job} /></li>)}
          </ol>
        )}
        {hasMoreJobs(paging, jobs.length) && (
          <button type="button" className="jobs-load-more" onClick={() => void loadMoreJobs()}>Load more</button>
        )}
        {paging.status === "loading" && jobs.length > 0 && <Spinner label="Loading more jobs…" />}
      </div>
    </aside>
  );
}
