/**
 * Keeps `jobsStore` in step with the server while the user is logged in: the live stream of all
 * the user's jobs first (so nothing falls between the list and the stream), then the latest page.
 * A `status` event re-fetches that job (for its outputs, error and exit code); a `progress` event
 * of a job the store does not know (launched from the CLI or another tab) fetches and adds it.
 */
import { api, eventsUrl } from "../../api/web-client.ts";
import { isAbort } from "../../api/error-message.ts";
import { sessionLost } from "../../state/session.ts";
import { createJobRefresher } from "./job-refresher.ts";
import { followJobEvents, type EventSourceLike } from "./job-events-stream.ts";
import { jobProgressed, resetJobs, upsertJob } from "./jobs-store.ts";
import { jobsPagingStore, loadLatestJobs } from "./jobs-paging.ts";
import { resetDismissedJobs } from "./dismissed-jobs.ts";

export interface JobsSyncOptions {
  /** Replaces `new EventSource` (tests). */
  open?: (url: string) => EventSourceLike;
}

/** Starts following; the returned function stops and forgets the user's jobs (logout). */
export function startJobsSync(options: JobsSyncOptions = {}): () => void {
  const controller = new AbortController();
  const refresher = createJobRefresher(
    (id) => api.jobs.get(id),
    upsertJob,
    // A job that cannot be read (removed meanwhile) stays as it was; a lost session logs out.
    (err) => { if (!isAbort(err)) sessionLost(err); },
  );
  const stopStream = followJobEvents({
    ready(reconnected) {
      if (reconnected) void loadLatestJobs(controller.signal);
    },
    status: (e) => refresher.refresh(e.jobId),
    progress(e) {
      if (!jobProgressed(e.jobId, e.fraction, e.message)) refresher.refresh(e.jobId);
    },
    lost() {
      // EventSource hides the status of a refused stream: ask once whether the session ended.
      api.session.get().catch((err: unknown) => { sessionLost(err); });
    },
  }, { url: eventsUrl("/jobs/events"), ...(options.open && { open: options.open }) });
  void loadLatestJobs(controller.signal);

  return () => {
    controller.abort();
    refresher.stop();
    stopStream();
    resetJobs();
    resetDismissedJobs();
    jobsPagingStore.set({ status: "idle", total: 0 });
  };
}
