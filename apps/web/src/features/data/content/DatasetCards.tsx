/** A project's content: its datasets as cards, each a link that opens the dataset. */
import type { DatasetDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { formatRoute } from "../../../app/router.ts";
import { EmptyState, ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { DataIcon } from "../icons.tsx";
import { plural } from "../metadata-format.ts";
import { usePagedList } from "../use-paged-list.ts";

const PAGE = 100;

export function DatasetCards({ projectId }: { projectId: number }) {
  const list = usePagedList((page) => api.projects.datasets(projectId, page), [projectId], PAGE);
  if (list.status === "loading") return <Spinner label="Loading datasets…" />;
  if (list.status === "error") return <ErrorBanner title="Could not load the datasets:" error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) {
    return (
      <EmptyState title="This project has no datasets">
        Create one with <code>npx fovea obj new Dataset name=NAME</code>, then link it with <code>npx fovea obj link Project:{projectId} Dataset:ID</code>.
      </EmptyState>
    );
  }
  return (
    <div className="content-scroll">
      <ul className="dataset-cards" aria-label="Datasets in this project">
        {list.items.map((d) => <DatasetCard key={d.id} dataset={d} />)}
      </ul>
      {list.hasMore && (
        <div className="load-more">
          <button type="button" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? "Loading…" : `Show more datasets (${list.items.length} of ${list.total})`}
          </button>
        </div>
      )}
    </div>
  );
}

function DatasetCard({ dataset }: { dataset: DatasetDto }) {
  // One small request per card for its image count (the list DTO does not carry it).
  const count = useAsync(() => api.datasets.images(dataset.id, { limit: 1 }), [dataset.id]);
  return (
    <li>
      <a className="dataset-card" href={formatRoute({ page: "data", container: { type: "dataset", id: dataset.id } })}>
        <DataIcon kind="dataset" className="dataset-card-icon" />
        <span className="dataset-card-name">{dataset.name}</span>
        <span className="dataset-card-meta">
          {count.status === "ready" ? plural(count.data.total, "image") : count.status === "error" ? "count unavailable" : "…"}
        </span>
        {dataset.description && <span className="dataset-card-desc">{dataset.description}</span>}
      </a>
    </li>
  );
}
