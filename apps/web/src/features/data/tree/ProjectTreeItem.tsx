/** A project in the Data tree, with its datasets loaded (page by page) when it is opened. */
import type { ProjectDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { errorMessage } from "../../../api/error-message.ts";
import { isOpen, openDataset, openProject, type DataContainer } from "../data-actions.ts";
import { usePagedList } from "../use-paged-list.ts";
import { LoadMoreItem, TreeItem } from "./TreeItem.tsx";
import { datasetKey, projectKey, useTree } from "./tree-context.ts";

const PAGE = 200;

export function ProjectTreeItem({ project, container }: { project: ProjectDto; container: DataContainer | undefined }) {
  const tree = useTree();
  const open = tree.isExpanded(project.id);
  return (
    <TreeItem
      treeKey={projectKey(project.id)} label={project.name} icon="project" level={1}
      selected={isOpen(container, "project", project.id)} expanded={open}
      onExpandedChange={(next) => tree.setExpanded(project.id, next)}
      onActivate={() => { openProject(project.id); tree.setExpanded(project.id, true); }}
    >
      {open && <ProjectDatasets projectId={project.id} container={container} />}
    </TreeItem>
  );
}

function ProjectDatasets({ projectId, container }: { projectId: number; container: DataContainer | undefined }) {
  const list = usePagedList((page) => api.projects.datasets(projectId, page), [projectId], PAGE);
  if (list.status === "loading") return <li role="none" className="tree-status">Loading datasets…</li>;
  if (list.status === "error") {
    return (
      <li role="none" className="tree-status tree-status-error">
        Could not load datasets: {errorMessage(list.error)} <button type="button" className="link-button" onClick={list.reload}>Retry</button>
      </li>
    );
  }
  if (list.items.length === 0) return <li role="none" className="tree-status">No datasets</li>;
  return (
    <>
      {list.items.map((d) => (
        <TreeItem
          key={d.id} treeKey={datasetKey(d.id, projectId)} label={d.name} icon="dataset" level={2}
          selected={isOpen(container, "dataset", d.id)} onActivate={() => openDataset(d.id)}
        />
      ))}
      {list.hasMore && (
        <LoadMoreItem
          treeKey={`${projectKey(projectId)}/more`} level={2} loading={list.loadingMore} onLoad={list.loadMore}
          label={`Show more datasets (${list.items.length} of ${list.total})`}
        />
      )}
    </>
  );
}
