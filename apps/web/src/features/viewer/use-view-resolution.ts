/** The map view's current resolution (image pixels per screen pixel), kept up to date during zooms. */
import { useEffect, useState } from "react";
import type OlMap from "ol/Map";

export function useViewResolution(map: OlMap): number | undefined {
  const [resolution, setResolution] = useState(() => map.getView().getResolution());
  useEffect(() => {
    const view = map.getView();
    const update = () => setResolution(view.getResolution());
    update();
    view.on("change:resolution", update);
    return () => view.un("change:resolution", update);
  }, [map]);
  return resolution;
}
