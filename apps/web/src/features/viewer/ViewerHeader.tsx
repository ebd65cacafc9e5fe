/** The strip above the map: back to the dataset, the image's name and dimensions, Previous / Next. */
import type { ImageDto } from "@fovea/model";
import { formatRoute } from "../../app/router.ts";
import { useImageNeighbours } from "./use-image-neighbours.ts";
import { viewerOriginDataset } from "./viewer-origin.ts";

export function ViewerHeader({ image }: { image: ImageDto }) {
  const neighbours = useImageNeighbours(image.id, viewerOriginDataset());
  const back = neighbours
    ? { href: formatRoute({ page: "data", container: { type: "dataset", id: neighbours.dataset.id } }), text: neighbours.dataset.name }
    : { href: formatRoute({ page: "data" }), text: "Data" };
  return (
    <div className="viewer-header">
      <a className="viewer-back" href={back.href} title="Back to the data">← {back.text}</a>
      <h1 className="viewer-title" title={image.name}>{image.name}</h1>
      <span className="viewer-dims muted">{describeDimensions(image)}</span>
      {neighbours && (
        <nav className="viewer-neighbours" aria-label="Images in the dataset">
          <NeighbourLink image={neighbours.previous} rel="prev" text="← Previous" />
          <span className="muted">{neighbours.position + 1} / {neighbours.count}</span>
          <NeighbourLink image={neighbours.next} rel="next" text="Next →" />
        </nav>
      )}
    </div>
  );
}

function NeighbourLink({ image, rel, text }: { image: ImageDto | undefined; rel: "prev" | "next"; text: string }) {
  if (!image) return <span className="button is-disabled" aria-disabled="true">{text}</span>;
  return <a className="button" rel={rel} href={formatRoute({ page: "viewer", imageId: image.id })} title={image.name}>{text}</a>;
}

/** "512 × 512 px · 9 Z · 4 C · 1 T · uint16 · 0.1075 µm/px". */
export function describeDimensions(image: ImageDto): string {
  const parts = [
    `${image.sizeX} × ${image.sizeY} px`, `${image.sizeZ} Z`, `${image.sizeC} C`, `${image.sizeT} T`, image.pixelType,
  ];
  if (image.physicalSizeX !== null) parts.push(`${image.physicalSizeX} ${image.physicalSizeUnit}/px`);
  return parts.join(" · ");
}
