/**
 * The Data page's left column: projects (opening to their datasets), the datasets in no project,
 * and the images in no dataset, as one WAI-ARIA tree. Up/Down/Home/End move between visible
 * rows, Right/Left open and close, Enter selects; one Tab stop for the whole tree.
 */
import { useLayoutEffect, useRef, type KeyboardEvent } from "react";
import { api } from "../../../api/web-client.ts";
import { ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { isOpen, openDataset, openOrphans, type DataContainer } from "../data-actions.ts";
import { usePagedList } from "../use-paged-list.ts";
import { ProjectTreeItem } from "./ProjectTreeItem.tsx";
import { LoadMoreItem, TreeItem } from "./TreeItem.tsx";
import { datasetKey, ORPHANS_KEY, TreeContext } from "./tree-context.ts";
import { useTreeState } from "./use-tree-state.ts";
import { isTreeMoveKey, moveInTree, rowOf } from "./tree-nav.ts";

const PAGE = 200;

export function DataTree({ container }: { container: DataContainer | undefined }) {
  const projects = usePagedList((page) => api.projects.list(page), [], PAGE);
  const datasets = usePagedList((page) => api.datasets.list({ ...page, orphaned: true }), [], PAGE);
  const orphanImages = useAsync(() => api.images.list({ orphaned: true, limit: 1 }), []);
  const tree = useTreeState(container);
  const ref = useRef<HTMLUListElement>(null);

  // The roving tab stop must always exist: when its row is gone (collapsed, not loaded yet, or a
  // dataset opened from a project's cards), the first row takes it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || el.querySelector('[role="treeitem"][tabindex="0"]')) return;
    const first = el.querySelector<HTMLElement>('[role="treeitem"]')?.dataset.treeKey;
    if (first) tree.setActiveKey(first);
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!isTreeMoveKey(e.key) || !ref.current) return;
    e.preventDefault();
    moveInTree(ref.current, rowOf(e.target), e.key);
  };

  const failed = projects.status === "error" ? projects : datasets.status === "error" ? datasets : undefined;
  const loading = projects.status === "loading" || datasets.status === "loading";
  const orphanCount = orphanImages.status === "ready" ? orphanImages.data.total : undefined;
  return (
    <TreeContext.Provider value={tree}>
      {failed && <ErrorBanner title="Could not load the tree:" error={failed.error} onRetry={() => { projects.reload(); datasets.reload(); }} />}
      {loading && <Spinner label="Loading projects and datasets…" />}
      <ul ref={ref} role="tree" aria-label="Projects and datasets" className="data-tree" onKeyDown={onKeyDown}>
        {projects.items.map((p) => <ProjectTreeItem key={p.id} project={p} container={container} />)}
        {projects.hasMore && (
          <LoadMoreItem treeKey="projects/more" level={1} loading={projects.loadingMore} onLoad={projects.loadMore}
            label={`Show more projects (${projects.items.length} of ${projects.total})`} />
        )}
        {datasets.items.map((d) => (
          <TreeItem key={d.id} treeKey={datasetKey(d.id)} label={d.name} icon="dataset" level={1}
            selected={isOpen(container, "dataset", d.id)} onActivate={() => openDataset(d.id)} />
        ))}
        {datasets.hasMore && (
          <LoadMoreItem treeKey="datasets/more" level={1} loading={datasets.loadingMore} onLoad={datasets.loadMore}
            label={`Show more datasets (${datasets.items.length} of ${datasets.total})`} />
        )}
        {!loading && (
          <TreeItem treeKey={ORPHANS_KEY} label="Orphaned images" icon="orphans" level={1} selected={container === "orphans"}
            onActivate={openOrphans} note={orphanCount} />
        )}
      </ul>
    </TreeContext.Provider>
  );
}
