/** One selected image: its metadata, channels and ROI count, and the way into the viewer. */
import type { ReactNode } from "react";
import type { ImageDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { openInViewer } from "../data-actions.ts";
import { DataIcon } from "../icons.tsx";
import {
  formatDateTime, formatDimensions, formatFieldOfView, formatPhysicalSize, formatTimeIncrement,
} from "../metadata-format.ts";
import { ChannelsTable } from "./ChannelsTable.tsx";
import { MetaList, PanelSection, type MetaRow } from "./MetaList.tsx";
import { useOwner } from "./owner-name.ts";
import { RoiCount } from "./RoiCount.tsx";

/** `children` (the attachments) show once the image itself has loaded: a missing image is one error, not three. */
export function ImageDetails({ imageId, tick, children }: { imageId: number; tick: number; children?: ReactNode }) {
  const image = useAsync(() => api.images.get(imageId), [imageId, tick]);
  const owner = useOwner(image.data?.ownerId, image.data?.groupId);
  if (image.status === "error") return <ErrorBanner title="Could not load the image:" error={image.error} onRetry={image.reload} />;
  if (image.data === undefined) return <Spinner label="Loading image…" />;
  const img = image.data;
  return (
    <>
      <div className="panel-title-row">
        <DataIcon kind="image" />
        <h2 className="panel-title" title={img.name}>{img.name}</h2>
      </div>
      <button type="button" className="primary panel-open" onClick={() => openInViewer(img.id)}>
        <DataIcon kind="open" /> Open in viewer
      </button>
      <MetaList label="Image" rows={[
        ["ID", img.id],
        ["Owner", owner ? owner.owner : "…"],
        ["Group", owner?.group ?? null],
        ["Description", img.description || null],
        ["ROIs", <RoiCount imageId={img.id} tick={tick} />],
      ]} />
      <PanelSection title="Dimensions">
        <MetaList label="Dimensions" rows={dimensionRows(img)} />
      </PanelSection>
      <PanelSection title="Channels" count={img.channels.length}>
        <ChannelsTable channels={img.channels} />
      </PanelSection>
      <PanelSection title="Acquisition">
        <MetaList label="Acquisition" rows={[
          ["Format", img.format ?? "unknown"],
          ["Acquired", formatDateTime(img.acquisitionDate)],
          ["Imported", formatDateTime(img.createdAt)],
        ]} />
      </PanelSection>
      {children}
    </>
  );
}

function dimensionRows(img: ImageDto): MetaRow[] {
  const unit = img.physicalSizeUnit;
  return [
    ["Dimensions", (
      <span className="dims">
        {formatDimensions(img)}
        <span className="dims-legend">X × Y × Z × C × T</span>
      </span>
    )],
    ["Pixel type", img.pixelType],
    ["Pixel size X", formatPhysicalSize(img.physicalSizeX, unit)],
    ["Pixel size Y", formatPhysicalSize(img.physicalSizeY, unit)],
    ["Pixel size Z", img.sizeZ > 1 || img.physicalSizeZ !== null ? formatPhysicalSize(img.physicalSizeZ, unit) : null],
    ["Field of view", formatFieldOfView(img)],
    ["Time increment", img.sizeT > 1 || img.timeIncrement !== null ? formatTimeIncrement(img.timeIncrement) : null],
  ];
}
