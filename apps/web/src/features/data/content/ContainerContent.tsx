/**
 * The centre column: the open container's name and counts above its content — a project's
 * datasets as cards, or a dataset's (or the orphans') thumbnail grid.
 */
import type { DatasetDto, ImageDto, ProjectDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { EmptyState, ErrorBanner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import type { DataContainer } from "../data-actions.ts";
import { DataIcon } from "../icons.tsx";
import { plural } from "../metadata-format.ts";
import type { PagedList } from "../use-paged-list.ts";
import { DatasetCards } from "./DatasetCards.tsx";
import { ImagesView } from "./ImagesView.tsx";

export interface ContainerContentProps {
  container: DataContainer | undefined;
  /** The open dataset's or the orphans' images (unused for a project). */
  images: PagedList<ImageDto>;
  selected: readonly number[];
  onSelect(ids: readonly number[]): void;
}

function loadContainer(container: DataContainer | undefined): Promise<ProjectDto | DatasetDto | null> {
  if (typeof container !== "object") return Promise.resolve(null);
  return container.type === "project" ? api.projects.get(container.id) : api.datasets.get(container.id);
}

export function ContainerContent({ container, images, selected, onSelect }: ContainerContentProps) {
  const key = typeof container === "object" ? `${container.type}:${container.id}` : String(container);
  const dto = useAsync(() => loadContainer(container), [key]);
  if (container === undefined) {
    return (
      <section className="data-content" aria-label="Content">
        <EmptyState title="Choose a project or dataset">Pick one in the tree on the left to see its images.</EmptyState>
      </section>
    );
  }
  if (dto.status === "error") {
    return (
      <section className="data-content" aria-label="Content">
        <ErrorBanner title="Could not open this container:" error={dto.error} onRetry={dto.reload} />
      </section>
    );
  }
  const name = container === "orphans" ? "Orphaned images" : dto.data?.name ?? "…";
  const isProject = typeof container === "object" && container.type === "project";
  const count = isProject || images.status !== "ready" ? undefined : plural(images.total, "image");
  return (
    <section className="data-content" aria-label="Content">
      <header className="content-header">
        <DataIcon kind={isProject ? "project" : container === "orphans" ? "orphans" : "dataset"} />
        <h1 className="content-title" title={name}>{name}</h1>
        {count && <span className="content-count">{count}</span>}
        {selected.length > 0 && <span className="content-selected" aria-live="polite">{selected.length} selected</span>}
        {!isProject && images.status === "ready" && images.total > 0 && (
          <span className="content-hint">Click, Ctrl-click or Shift-click to select · double-click to open</span>
        )}
      </header>
      {isProject
        ? <DatasetCards projectId={container.id} />
        : <ImagesView label={container === "orphans" ? "Orphaned images" : `Images in ${name}`} list={images} datasetId={container === "orphans" ? undefined : container.id} selected={selected} onSelect={onSelect} />}
    </section>
  );
}
