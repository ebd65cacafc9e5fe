/**
 * How shapes look on the image: the shape's own stroke colour (yellow by default, as in
 * OMERO.iviewer) over a thin dark halo so that a line stays visible on any channel colour; a
 * selected shape gets a wider white-haloed stroke and handles on its vertices; labels show their
 * text. Shapes carry an almost transparent fill so that a click inside one selects it.
 */
import type { FeatureLike } from "ol/Feature.js";
import MultiPoint from "ol/geom/MultiPoint.js";
import type Geometry from "ol/geom/Geometry.js";
import LineString from "ol/geom/LineString.js";
import Polygon from "ol/geom/Polygon.js";
import CircleStyle from "ol/style/Circle.js";
import Fill from "ol/style/Fill.js";
import Stroke from "ol/style/Stroke.js";
import Style from "ol/style/Style.js";
import Text from "ol/style/Text.js";
import type { ShapeInput } from "@fovea/model";
import { ELLIPSE_VERTICES } from "./shape-geometry.ts";
import { shapeOf } from "./roi-feature.ts";

/** The stroke of a shape without its own colour. */
export const DEFAULT_STROKE = "#ffff00";
const HALO = "rgba(0, 0, 0, 0.55)";
const HIT_FILL = new Fill({ color: "rgba(255, 255, 255, 0.01)" });

/** Handles on the vertices a user would drag: every vertex, but only the axis ends of an ellipse. */
function handles(geometry: Geometry | undefined, kind: ShapeInput["kind"]): MultiPoint | undefined {
  if (geometry instanceof LineString) return new MultiPoint(geometry.getCoordinates());
  if (!(geometry instanceof Polygon)) return undefined;
  const ring = geometry.getCoordinates()[0] ?? [];
  const step = kind === "Ellipse" ? ELLIPSE_VERTICES / 4 : 1;
  return new MultiPoint(ring.filter((_, i) => i % step === 0 && i < ring.length - 1));
}

function pointStyle(color: string, selected: boolean): Style {
  return new Style({
    image: new CircleStyle({
      radius: selected ? 7 : 5,
      fill: new Fill({ color }),
      stroke: new Stroke({ color: selected ? "#ffffff" : HALO, width: selected ? 3 : 1.5 }),
    }),
  });
}

function labelStyle(shape: Extract<ShapeInput, { kind: "Label" }>, color: string, selected: boolean): Style {
  return new Style({
    text: new Text({
      text: shape.text, font: "600 14px system-ui, sans-serif", fill: new Fill({ color }),
      stroke: new Stroke({ color: selected ? "#ffffff" : HALO, width: selected ? 4 : 3 }),
      textAlign: "left", textBaseline: "bottom",
    }),
  });
}

/** The styles of one shape feature. */
export function shapeStyles(feature: FeatureLike, selected: boolean): Style[] {
  const shape = shapeOf(feature);
  if (!shape) return [];
  const color = shape.strokeColor ?? DEFAULT_STROKE;
  if (shape.kind === "Point") return [pointStyle(color, selected)];
  if (shape.kind === "Label") return [labelStyle(shape, color, selected)];
  const width = Math.max(1, shape.strokeWidth ?? 2);
  const fill = shape.fillColor ? new Fill({ color: shape.fillColor }) : HIT_FILL;
  const styles = [
    new Style({ stroke: new Stroke({ color: selected ? "#ffffff" : HALO, width: width + (selected ? 4 : 2) }) }),
    new Style({ stroke: new Stroke({ color, width: selected ? width + 1 : width }), fill }),
  ];
  if (selected) {
    styles.push(new Style({
      image: new CircleStyle({ radius: 4, fill: new Fill({ color: "#ffffff" }), stroke: new Stroke({ color, width: 2 }) }),
      geometry: (f) => handles(f.getGeometry() as Geometry | undefined, shape.kind),
    }));
  }
  return styles;
}
