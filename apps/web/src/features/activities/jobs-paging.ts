/**
 * Loads the user's jobs page by page, newest first: the latest page at start (and again after the
 * live stream reconnects, to catch what happened meanwhile), older pages on "Load more".
 */
import { api } from "../../api/web-client.ts";
import { isAbort } from "../../api/error-message.ts";
import { sessionLost } from "../../state/session.ts";
import { createStore } from "../../state/store.ts";
import { jobsStore, upsertJobPage } from "./jobs-store.ts";

/** Jobs per page: the panel shows the latest ~50 and offers more. */
export const JOBS_PAGE_SIZE = 50;

export interface JobsPagingState {
  status: "idle" | "loading" | "ready" | "error";
  error?: unknown;
  /** Every job of the user on the server, at the last page read. */
  total: number;
}

export const jobsPagingStore = createStore<JobsPagingState>({ status: "idle", total: 0 });

/** Whether older jobs than the ones known exist on the server. */
export function hasMoreJobs(state: JobsPagingState, known: number): boolean {
  return state.status === "ready" && known < state.total;
}

async function loadPage(offset: number, signal?: AbortSignal): Promise<void> {
  jobsPagingStore.set((s) => ({ status: "loading", total: s.total }));
  try {
    const page = await api.jobs.list({ limit: JOBS_PAGE_SIZE, offset });
    if (signal?.aborted) return;
    upsertJobPage(page.items);
    jobsPagingStore.set({ status: "ready", total: page.total });
  } catch (error) {
    if (signal?.aborted || isAbort(error) || sessionLost(error)) return;
    jobsPagingStore.set((s) => ({ status: "error", error, total: s.total }));
  }
}

/** The newest page (merged into what is known: nothing is dropped). */
export function loadLatestJobs(signal?: AbortSignal): Promise<void> {
  return loadPage(0, signal);
}

/**
 * The next older page. The store holds the newest jobs without gaps (the first page plus every job
 * seen live since), so its length is the offset of the next older job; a job created meanwhile only
 * shifts the window by one, which the merge de-duplicates.
 */
export function loadMoreJobs(): Promise<void> {
  return loadPage(jobsStore.get().length);
}
