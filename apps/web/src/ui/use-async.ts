/**
 * Loads data for a component: re-runs when `deps` change, aborts the previous request, and sends
 * a lost session back to the login page. `reload()` runs it again (after an edit, or Retry).
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from "react";
import { isAbort } from "../api/error-message.ts";
import { sessionLost } from "../state/session.ts";

export type AsyncState<T> =
  | { status: "loading"; data?: T | undefined }
  | { status: "ready"; data: T }
  | { status: "error"; error: unknown; data?: T | undefined };

export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ status: "loading", data: s.data }));
    loadRef.current(controller.signal).then(
      (data) => { if (!controller.signal.aborted) setState({ status: "ready", data }); },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error) || sessionLost(error)) return;
        setState((s) => ({ status: "error", error, data: s.data }));
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
