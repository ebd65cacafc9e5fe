/** A selected project or dataset: name, description, owner and how much it holds. */
import type { ReactNode } from "react";
import type { DatasetDto, ProjectDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { DataIcon } from "../icons.tsx";
import { formatDateTime, plural } from "../metadata-format.ts";
import { MetaList } from "./MetaList.tsx";
import { useOwner } from "./owner-name.ts";

/** `children` (the attachments) show once the container itself has loaded. */
export function ContainerDetails({ type, id, tick, children }: { type: "Project" | "Dataset"; id: number; tick: number; children?: ReactNode }) {
  const dto = useAsync<ProjectDto | DatasetDto>(() => (type === "Project" ? api.projects.get(id) : api.datasets.get(id)), [type, id, tick]);
  // The children's total from a one-item page: datasets of a project, images of a dataset.
  const childCount = useAsync<{ total: number }>(
    () => (type === "Project" ? api.projects.datasets(id, { limit: 1 }) : api.datasets.images(id, { limit: 1 })),
    [type, id, tick],
  );
  const owner = useOwner(dto.data?.ownerId, dto.data?.groupId);
  if (dto.status === "error") return <ErrorBanner title={`Could not load the ${type.toLowerCase()}:`} error={dto.error} onRetry={dto.reload} />;
  if (dto.data === undefined) return <Spinner label={`Loading ${type.toLowerCase()}…`} />;
  const c = dto.data;
  const childName = type === "Project" ? "dataset" : "image";
  const count = childCount.status === "error" ? "unavailable" : childCount.data === undefined ? "…" : plural(childCount.data.total, childName);
  return (
    <>
      <div className="panel-title-row">
        <DataIcon kind={type === "Project" ? "project" : "dataset"} />
        <h2 className="panel-title" title={c.name}>{c.name}</h2>
      </div>
      {c.description
        ? <p className="panel-description">{c.description}</p>
        : <p className="panel-description muted">No description.</p>}
      <MetaList label={type} rows={[
        ["Type", type],
        ["ID", c.id],
        ["Owner", owner ? owner.owner : "…"],
        ["Group", owner?.group ?? null],
        [type === "Project" ? "Datasets" : "Images", count],
        ["Created", formatDateTime(c.createdAt)],
      ]} />
      {children}
    </>
  );
}
