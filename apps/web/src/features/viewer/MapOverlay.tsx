/**
 * What floats over the map: zoom buttons with the zoom readout (100 % = one image pixel per
 * screen pixel), the scale bar, a tile-loading indicator and the keyboard-shortcut help.
 */
import { useEffect, useState } from "react";
import type OlMap from "ol/Map";
import type { ImageDto } from "@fovea/model";
import { ScaleBar } from "./ScaleBar.tsx";
import { ShortcutHelp } from "./ShortcutHelp.tsx";
import { useViewResolution } from "./use-view-resolution.ts";
import type { ViewerMap } from "./viewer-map.ts";

export interface MapOverlayProps {
  viewer: ViewerMap;
  image: ImageDto;
  helpOpen: boolean;
  onHelpOpenChange: (open: boolean) => void;
}

export function MapOverlay({ viewer, image, helpOpen, onHelpOpenChange }: MapOverlayProps) {
  const resolution = useViewResolution(viewer.map);
  const loading = useTilesLoading(viewer.map);
  return (
    <>
      <div className="map-tools" role="toolbar" aria-label="Zoom">
        <button type="button" aria-label="Zoom in" title="Zoom in (+)" onClick={() => viewer.zoomBy(1)}>+</button>
        <output className="zoom-readout" aria-label="Zoom level" title="100 % shows one image pixel per screen pixel">
          {resolution === undefined ? "–" : formatZoom(resolution)}
        </output>
        <button type="button" aria-label="Zoom out" title="Zoom out (−)" onClick={() => viewer.zoomBy(-1)}>−</button>
        <button type="button" aria-label="Fit the image" title="Fit the image (F)" onClick={viewer.fit}>Fit</button>
        <button type="button" aria-label="Actual size" title="Actual size, one image pixel per screen pixel (0)" onClick={viewer.actualSize}>1:1</button>
        <ShortcutHelp open={helpOpen} onOpenChange={onHelpOpenChange} />
      </div>
      <div className="map-footer">
        <ScaleBar physicalSizeX={image.physicalSizeX} unit={image.physicalSizeUnit} resolution={resolution} />
        {loading && <span className="map-loading" role="status"><span className="spinner-dot" aria-hidden="true" />Loading tiles…</span>}
      </div>
    </>
  );
}

/** "100 %", "250 %", "12.5 %": one decimal only where it matters. */
export function formatZoom(resolution: number): string {
  const percent = 100 / resolution;
  return `${percent >= 10 ? Math.round(percent) : Number(percent.toFixed(1))} %`;
}

function useTilesLoading(map: OlMap): boolean {
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const start = () => setLoading(true);
    const end = () => setLoading(false);
    map.on("loadstart", start);
    map.on("loadend", end);
    return () => {
      map.un("loadstart", start);
      map.un("loadend", end);
    };
  }, [map]);
  return loading;
}
