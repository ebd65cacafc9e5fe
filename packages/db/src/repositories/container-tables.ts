/** Which table holds each container kind and which link tables connect them. */
import type { ContainerKind } from "@fovea/core";

/** Names used in error messages. */
export const CONTAINER_LABEL: Record<ContainerKind, string> = { project: "Project", dataset: "Dataset", image: "Image" };

/** The table of each container kind. */
export const CONTAINER_TABLE = { project: "projects", dataset: "datasets", image: "images" } as const;

/** The link table from a parent kind to its children. */
export const CHILD_LINKS = { project: "project_dataset_links", dataset: "dataset_image_links" } as const;

/** The link table from a child kind to its parents. */
export const PARENT_LINKS = { dataset: "project_dataset_links", image: "dataset_image_links" } as const;

/**
 * The three container tables share their common columns, so queries that read only those are
 * typed against `projects`; typing the union instead would let image-only columns through.
 */
export function containerTable(kind: ContainerKind): "projects" {
  return CONTAINER_TABLE[kind] as "projects";
}
