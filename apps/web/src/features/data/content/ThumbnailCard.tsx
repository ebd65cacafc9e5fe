/**
 * One image in the thumbnail grid: an `option` of the grid's listbox, named by the image name,
 * with its 96 px thumbnail (lazy, so a long dataset does not fetch every thumbnail at once) and
 * a one-line size summary.
 */
import { memo, useState } from "react";
import type { ImageDto } from "@fovea/model";
import { thumbnailUrl } from "../../../api/web-client.ts";
import { DataIcon } from "../icons.tsx";

export interface ThumbnailCardProps {
  image: ImageDto;
  index: number;
  selected: boolean;
  /** The grid's tab stop (roving tabindex). */
  focusable: boolean;
  onPick(index: number, e: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): void;
  onOpen(imageId: number): void;
}

function sizeSummary(image: ImageDto): string {
  const extra = [image.sizeZ > 1 && `${image.sizeZ} Z`, image.sizeC > 1 && `${image.sizeC} C`, image.sizeT > 1 && `${image.sizeT} T`];
  return [`${image.sizeX} × ${image.sizeY}`, ...extra.filter(Boolean)].join(" · ");
}

export const ThumbnailCard = memo(function ThumbnailCard({ image, index, selected, focusable, onPick, onOpen }: ThumbnailCardProps) {
  const [broken, setBroken] = useState(false);
  return (
    <div
      role="option" aria-selected={selected} aria-label={image.name} tabIndex={focusable ? 0 : -1}
      className={selected ? "thumb-card selected" : "thumb-card"} data-image-id={image.id} title={image.name}
      onClick={(e) => onPick(index, e)} onDoubleClick={() => onOpen(image.id)}
    >
      <div className="thumb-frame">
        {broken
          ? <DataIcon kind="image" className="thumb-missing" />
          : <img src={thumbnailUrl(image.id)} alt="" loading="lazy" draggable={false} onError={() => setBroken(true)} />}
      </div>
      <div className="thumb-name">{image.name}</div>
      <div className="thumb-meta">{sizeSummary(image)}</div>
    </div>
  );
});
