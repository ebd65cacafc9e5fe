/**
 * A counter the right panel's loads depend on: bumped by the Refresh button and whenever the
 * window regains focus or becomes visible again, so a file a script attached while the user was
 * in another tab (or in the Activities panel's download) shows without a manual reload.
 */
import { useCallback, useEffect, useRef, useState } from "react";

export function useRefreshTick(): [tick: number, refresh: () => void] {
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  const lastAuto = useRef(0);
  useEffect(() => {
    // Coming back to the tab fires both events; one reload is enough.
    const auto = () => {
      const now = Date.now();
      if (now - lastAuto.current > 1000) refresh();
      lastAuto.current = now;
    };
    const onVisible = () => { if (document.visibilityState === "visible") auto(); };
    window.addEventListener("focus", auto);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("focus", auto);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [refresh]);
  return [tick, refresh];
}
