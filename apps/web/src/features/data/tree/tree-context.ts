/**
 * What every row of the Data tree needs from the tree itself: which row holds the keyboard focus
 * (one tab stop for the whole tree, WAI-ARIA's roving tabindex), which projects are open, and
 * what the route has selected. A context, because rows nest to any depth.
 */
import { createContext, useContext } from "react";

/** `project:1`, `project:1/dataset:3` (a dataset under a project), `dataset:3`, `orphans`. */
export type TreeKey = string;

export interface TreeState {
  /** The row that is the tree's tab stop. */
  activeKey: TreeKey;
  setActiveKey(key: TreeKey): void;
  isExpanded(projectId: number): boolean;
  setExpanded(projectId: number, open: boolean): void;
}

export const TreeContext = createContext<TreeState | null>(null);

export function useTree(): TreeState {
  const tree = useContext(TreeContext);
  if (!tree) throw new Error("a tree row must be rendered inside <DataTree>");
  return tree;
}

export function projectKey(id: number): TreeKey {
  return `project:${id}`;
}

export function datasetKey(id: number, projectId?: number): TreeKey {
  return projectId === undefined ? `dataset:${id}` : `${projectKey(projectId)}/dataset:${id}`;
}

export const ORPHANS_KEY: TreeKey = "orphans";
