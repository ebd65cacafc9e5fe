/**
 * The Data page (SPEC §6): the tree of projects and datasets on the left, the open container's
 * thumbnails (or a project's datasets) in the centre, and the selection's details on the right.
 * The route says which container is open; the shared selection store says what is selected in
 * it, so the script form pre-fills `Data_Type` + `IDs` from exactly what the user sees.
 */
import { useCallback, useEffect } from "react";
import type { ImageDto } from "@fovea/model";
import type { Route } from "../../app/router.ts";
import { api } from "../../api/web-client.ts";
import { select, selectionStore } from "../../state/selection.ts";
import { useStore } from "../../state/store.ts";
import { ContainerContent } from "./content/ContainerContent.tsx";
import { selectContainer, type DataContainer } from "./data-actions.ts";
import { DetailsPanel } from "./panel/DetailsPanel.tsx";
import { DataTree } from "./tree/DataTree.tsx";
import { usePagedList, type PageFetcher } from "./use-paged-list.ts";
import "./data.css";

const IMAGE_PAGE = 200;

function imagesOf(container: DataContainer | undefined): PageFetcher<ImageDto> {
  if (container === "orphans") return (page) => api.images.list({ ...page, orphaned: true });
  if (typeof container === "object" && container.type === "dataset") return (page) => api.datasets.images(container.id, page);
  // A project or nothing: no images in the centre.
  return () => Promise.resolve({ items: [], total: 0, limit: IMAGE_PAGE, offset: 0 });
}

function containerKey(container: DataContainer | undefined): string {
  return typeof container === "object" ? `${container.type}:${container.id}` : String(container);
}

export function DataPage({ route }: { route: Extract<Route, { page: "data" }> }) {
  const { container } = route;
  const key = containerKey(container);
  const selection = useStore(selectionStore);
  const images = usePagedList(imagesOf(container), [key], IMAGE_PAGE);

  // Opening a container (a link, Back, a reload) makes it the selection; picks inside start afresh.
  useEffect(() => {
    selectContainer(container);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const selectedImages = selection?.type === "Image" ? selection.ids : [];
  const onSelect = useCallback((ids: readonly number[]) => {
    if (ids.length === 0) selectContainer(container);
    else select("Image", ids);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <div className="data-page">
      <nav className="data-tree-pane" aria-label="Data tree">
        <header className="pane-header"><h2>Data</h2></header>
        <div className="data-tree-scroll">
          <DataTree container={container} />
        </div>
      </nav>
      <ContainerContent container={container} images={images} selected={selectedImages} onSelect={onSelect} />
      <DetailsPanel container={container} selection={selection} images={images} />
    </div>
  );
}
