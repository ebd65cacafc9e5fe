/**
 * The Data page's right column: what is selected — one image, several, or the open project or
 * dataset — with its attachments and tags. Everything reloads when the selection changes, on
 * Refresh, and when the window regains focus (a script may have attached a file meanwhile).
 */
import { useMemo } from "react";
import type { ImageDto } from "@fovea/model";
import type { Selection } from "../../../state/selection.ts";
import { EmptyState } from "../../../ui/feedback.tsx";
import type { DataContainer } from "../data-actions.ts";
import { DataIcon } from "../icons.tsx";
import { plural } from "../metadata-format.ts";
import type { PagedList } from "../use-paged-list.ts";
import { AnnotationsSection } from "./AnnotationsSection.tsx";
import { ContainerDetails } from "./ContainerDetails.tsx";
import { ImageDetails } from "./ImageDetails.tsx";
import { ImagesSummary } from "./ImagesSummary.tsx";
import { MetaList } from "./MetaList.tsx";
import { useRefreshTick } from "./use-refresh-tick.ts";

export interface DetailsPanelProps {
  container: DataContainer | undefined;
  selection: Selection | null;
  /** The centre column's images, for naming a multiple selection without more requests. */
  images: PagedList<ImageDto>;
}

export function DetailsPanel({ container, selection, images }: DetailsPanelProps) {
  const [tick, refresh] = useRefreshTick();
  const known = useMemo(() => new Map(images.items.map((i) => [i.id, i])), [images.items]);
  return (
    <aside className="data-panel" aria-label="Details">
      <header className="pane-header">
        <h2>Details</h2>
        <button type="button" className="pane-action" onClick={refresh} aria-label="Refresh details" title="Reload the details, attachments and tags">
          <DataIcon kind="refresh" /> Refresh
        </button>
      </header>
      <div className="panel-body">
        <PanelBody container={container} selection={selection} images={images} known={known} tick={tick} />
      </div>
    </aside>
  );
}

function PanelBody({ container, selection, images, known, tick }: DetailsPanelProps & { known: ReadonlyMap<number, ImageDto>; tick: number }) {
  const first = selection?.ids[0];
  if (selection && first !== undefined) {
    if (selection.type === "Image" && selection.ids.length > 1) return <ImagesSummary ids={selection.ids} known={known} />;
    const attachments = <AnnotationsSection type={selection.type} id={first} tick={tick} />;
    return (
      <div key={`${selection.type}:${first}`}>
        {selection.type === "Image"
          ? <ImageDetails imageId={first} tick={tick}>{attachments}</ImageDetails>
          : <ContainerDetails type={selection.type} id={first} tick={tick}>{attachments}</ContainerDetails>}
      </div>
    );
  }
  if (container === "orphans") {
    return (
      <>
        <div className="panel-title-row">
          <DataIcon kind="orphans" />
          <h2 className="panel-title">Orphaned images</h2>
        </div>
        <p className="panel-description">Images that are in no dataset.</p>
        <MetaList label="Orphaned images" rows={[["Images", images.status === "ready" ? plural(images.total, "image") : "…"]]} />
      </>
    );
  }
  return <EmptyState title="Nothing selected">Select a project, a dataset or images to see their details here.</EmptyState>;
}
