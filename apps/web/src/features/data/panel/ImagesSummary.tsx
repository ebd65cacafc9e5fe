/** Several selected images: how many, and which (with their sizes), from the grid's list. */
import type { ImageDto } from "@fovea/model";
import { DataIcon } from "../icons.tsx";
import { plural } from "../metadata-format.ts";
import { MetaList, PanelSection } from "./MetaList.tsx";

export function ImagesSummary({ ids, known }: { ids: readonly number[]; known: ReadonlyMap<number, ImageDto> }) {
  const images = ids.map((id) => known.get(id));
  const shown = images.filter((i): i is ImageDto => i !== undefined);
  const planes = shown.reduce((n, i) => n + i.sizeZ * i.sizeC * i.sizeT, 0);
  const owners = new Set(shown.map((i) => i.ownerId)).size;
  return (
    <>
      <div className="panel-title-row">
        <DataIcon kind="image" />
        <h2 className="panel-title">{plural(ids.length, "image")} selected</h2>
      </div>
      <MetaList label="Selection" rows={[
        ["Images", ids.length],
        ["Planes", shown.length === ids.length ? planes.toLocaleString() : null],
        ["Owners", owners > 1 ? owners : null],
      ]} />
      <PanelSection title="Selected images" count={ids.length}>
        <ol className="selected-list">
          {ids.map((id, i) => {
            const image = images[i];
            return (
              <li key={id}>
                <span className="selected-name" title={image?.name}>{image?.name ?? `Image ${id}`}</span>
                <span className="selected-meta">{image ? `${image.sizeX} × ${image.sizeY}` : ""} · ID {id}</span>
              </li>
            );
          })}
        </ol>
      </PanelSection>
    </>
  );
}
