/**
 * A dataset's (or the orphans') images in the centre column: the grid with its loading, error
 * and empty states, and "show more" for long lists. The list itself is loaded by the page, which
 * shares it with the right panel.
 */
import type { ImageDto } from "@fovea/model";
import { EmptyState, ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { openInViewer } from "../data-actions.ts";
import type { PagedList } from "../use-paged-list.ts";
import { ImageGrid } from "./ImageGrid.tsx";

export interface ImagesViewProps {
  /** The listbox's accessible name, e.g. "Images in siRNA-HeLa". */
  label: string;
  list: PagedList<ImageDto>;
  /** Undefined for the orphaned images. */
  datasetId: number | undefined;
  selected: readonly number[];
  onSelect(ids: readonly number[]): void;
}

export function ImagesView({ label, list, datasetId, selected, onSelect }: ImagesViewProps) {
  if (list.status === "loading") return <Spinner label="Loading images…" />;
  if (list.status === "error") return <ErrorBanner title="Could not load the images:" error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <NoImages datasetId={datasetId} />;
  return (
    <div className="content-scroll">
      <ImageGrid label={label} images={list.items} selected={selected} onSelect={onSelect} onOpen={openInViewer} />
      {list.error !== undefined && <ErrorBanner title="Could not load more images:" error={list.error} onRetry={list.loadMore} />}
      {list.hasMore && (
        <div className="load-more">
          <button type="button" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? "Loading…" : `Show more images (${list.items.length} of ${list.total})`}
          </button>
        </div>
      )}
    </div>
  );
}

function NoImages({ datasetId }: { datasetId: number | undefined }) {
  if (datasetId === undefined) {
    return (
      <EmptyState title="No orphaned images">
        Images that are in no dataset appear here, e.g. after <code>npx fovea import FILE</code> without <code>-d</code>.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="This dataset has no images yet">
      Import files into it from a terminal: <code>npx fovea import FILE -d Dataset:{datasetId}</code>
    </EmptyState>
  );
}
