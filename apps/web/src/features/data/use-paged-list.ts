/**
 * A list endpoint read page by page (`limit`/`offset`): the first page when `deps` change, more
 * on `loadMore()`. Lists of projects, datasets or images can be long, and a user looking for one
 * dataset should not wait for ten thousand images to arrive first. A lost session goes back to
 * the login page; a newer request makes older answers be ignored.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from "react";
import type { Page, PageQuery } from "@fovea/client";
import { isAbort } from "../../api/error-message.ts";
import { sessionLost } from "../../state/session.ts";

export type PageFetcher<T> = (page: Required<PageQuery>) => Promise<Page<T>>;

export interface PagedList<T> {
  status: "loading" | "ready" | "error";
  items: readonly T[];
  /** Across all pages, as the server counts it. */
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore(): void;
  /** Starts again from the first page (Retry, or after a change). */
  reload(): void;
}

interface ListState<T> {
  status: PagedList<T>["status"];
  items: readonly T[];
  total: number;
  loadingMore: boolean;
  error: unknown;
}

const INITIAL = { status: "loading", items: [], total: 0, loadingMore: false, error: undefined } as const;

export function usePagedList<T>(fetchPage: PageFetcher<T>, deps: DependencyList, pageSize = 200): PagedList<T> {
  const [state, setState] = useState<ListState<T>>(INITIAL);
  const [tick, setTick] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  // Bumped on every new first-page load, so a late answer for an older list is dropped.
  const generation = useRef(0);

  const run = useCallback((offset: number, gen: number) => {
    fetchRef.current({ limit: pageSize, offset }).then(
      (page) => {
        if (gen !== generation.current) return;
        setState((s) => ({
          status: "ready", total: page.total, loadingMore: false, error: undefined,
          items: offset === 0 ? page.items : [...s.items, ...page.items],
        }));
      },
      (error: unknown) => {
        if (gen !== generation.current || isAbort(error) || sessionLost(error)) return;
        setState((s) => ({ ...s, status: offset === 0 ? "error" : s.status, loadingMore: false, error }));
      },
    );
  }, [pageSize]);

  useEffect(() => {
    generation.current += 1;
    setState(INITIAL);
    run(0, generation.current);
    return () => { generation.current += 1; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, run]);

  const stateRef = useRef(state);
  stateRef.current = state;
  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.loadingMore || s.status !== "ready" || s.items.length >= s.total) return;
    const next = { ...s, loadingMore: true, error: undefined };
    stateRef.current = next; // a second click before the re-render must not fetch the same page twice
    setState(next);
    run(s.items.length, generation.current);
  }, [run]);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  return { ...state, hasMore: state.status === "ready" && state.items.length < state.total, loadMore, reload };
}
