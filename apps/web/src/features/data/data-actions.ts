/**
 * What the Data page's controls do, in one place: the route is the source of truth for which
 * container is open, and the shared selection (read by the script form for `Data_Type` + `IDs`)
 * follows it.
 */
import { navigate, type Route } from "../../app/router.ts";
import { clearSelection, select } from "../../state/selection.ts";

export type DataContainer = NonNullable<Extract<Route, { page: "data" }>["container"]>;

export function openProject(id: number): void {
  navigate({ page: "data", container: { type: "project", id } });
  select("Project", [id]);
}

export function openDataset(id: number): void {
  navigate({ page: "data", container: { type: "dataset", id } });
  select("Dataset", [id]);
}

export function openOrphans(): void {
  navigate({ page: "data", container: "orphans" });
  clearSelection();
}

/** The selection when nothing inside the container is picked: the container itself. */
export function selectContainer(container: DataContainer | undefined): void {
  if (container === undefined || container === "orphans") clearSelection();
  else select(container.type === "project" ? "Project" : "Dataset", [container.id]);
}

export function openInViewer(imageId: number): void {
  navigate({ page: "viewer", imageId });
}

/** True when `container` is the project or dataset with this id. */
export function isOpen(container: DataContainer | undefined, type: "project" | "dataset", id: number): boolean {
  return typeof container === "object" && container.type === type && container.id === id;
}
