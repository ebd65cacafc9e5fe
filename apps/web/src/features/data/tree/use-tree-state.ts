/**
 * The Data tree's own state: which projects are open and which row is the tab stop. Opening a
 * project by its route (a link, Back, a reload) opens it in the tree and puts the tab stop on it;
 * opening a dataset by its route opens the projects it sits in.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "../../../api/web-client.ts";
import type { DataContainer } from "../data-actions.ts";
import { datasetKey, ORPHANS_KEY, projectKey, type TreeKey, type TreeState } from "./tree-context.ts";

function keyOfRoute(container: DataContainer | undefined): TreeKey | undefined {
  if (container === undefined) return undefined;
  if (container === "orphans") return ORPHANS_KEY;
  return container.type === "project" ? projectKey(container.id) : datasetKey(container.id);
}

/** Open projects and the tab stop; the project the route opens is opened in the tree too. */
export function useTreeState(container: DataContainer | undefined): TreeState {
  const routeKey = keyOfRoute(container);
  const [expanded, setExpandedSet] = useState<ReadonlySet<number>>(() => new Set());
  const [activeKey, setActiveKey] = useState<TreeKey>(routeKey ?? "");
  const openedProject = typeof container === "object" && container.type === "project" ? container.id : undefined;
  const [seenRoute, setSeenRoute] = useState<TreeKey | undefined>(undefined);
  if (seenRoute !== routeKey) {
    // Adjusting state while rendering (React's documented pattern) so the row is open on first paint.
    setSeenRoute(routeKey);
    if (routeKey) setActiveKey(routeKey);
    if (openedProject !== undefined && !expanded.has(openedProject)) setExpandedSet(new Set([...expanded, openedProject]));
  }
  const setExpanded = useCallback((projectId: number, open: boolean) => {
    setExpandedSet((prev) => {
      const next = new Set(prev);
      if (open) next.add(projectId);
      else next.delete(projectId);
      return next;
    });
    // Closing a project whose dataset held the tab stop hands it to the project.
    if (!open) setActiveKey((k) => (k.startsWith(`${projectKey(projectId)}/`) ? projectKey(projectId) : k));
  }, []);
  useOpenProjectsOfDataset(typeof container === "object" && container.type === "dataset" ? container.id : undefined, setExpanded);
  return useMemo(() => ({ activeKey, setActiveKey, isExpanded: (id: number) => expanded.has(id), setExpanded }), [activeKey, expanded, setExpanded]);
}

/**
 * A dataset opened by its route may sit in projects: open them so the dataset's row shows. A
 * failure here only leaves them closed (the dataset's own content reports its errors).
 */
function useOpenProjectsOfDataset(datasetId: number | undefined, setExpanded: (projectId: number, open: boolean) => void): void {
  useEffect(() => {
    if (datasetId === undefined) return;
    let current = true;
    api.datasets.projects(datasetId).then(
      (projects) => { if (current) for (const p of projects) setExpanded(p.id, true); },
      () => undefined,
    );
    return () => { current = false; };
  }, [datasetId, setExpanded]);
}
