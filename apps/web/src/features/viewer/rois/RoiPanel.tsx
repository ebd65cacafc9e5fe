/** ROI tools, the ROI table and saving (owned by the viewer's ROI part). */
import type OlMap from "ol/Map";
import type { ImageDto } from "@fovea/model";

export interface RoiPanelProps {
  /** The viewer's map (units: full-resolution pixels, see ../coords.ts). */
  map: OlMap;
  image: ImageDto;
  /** The plane on show (0-based). */
  z: number;
  t: number;
  /** 0-based indices of the channels switched on; a shape drawn while exactly one is on records it as `c`. */
  activeChannels: readonly number[];
}

export function RoiPanel(_props: RoiPanelProps) {
  return <section className="roi-panel" aria-label="ROIs"><h2>ROIs</h2></section>;
}
