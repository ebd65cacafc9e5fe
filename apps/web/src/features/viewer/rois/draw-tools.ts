/**
 * The ROI tools: what each draws, its keyboard shortcut and how it is used, and the OpenLayers
 * `Draw` for it. Lines and polylines, polygons and points are clicked (a line ends at its second
 * click, a polyline or polygon at a double-click); rectangles and ellipses are dragged across
 * their bounding box, as in OMERO.iviewer.
 */
import type { Coordinate } from "ol/coordinate.js";
import Draw, { createBox, type GeometryFunction } from "ol/interaction/Draw.js";
import Polygon from "ol/geom/Polygon.js";
import { toImage, toMap } from "../coords.ts";
import { ellipseRing, type DrawnKind } from "./shape-geometry.ts";

/** The tool in use: selecting/editing, or drawing one kind of shape. */
export type RoiTool = "Select" | DrawnKind;

/** A tool as the toolbar and the keyboard offer it. */
export interface ToolInfo {
  readonly tool: RoiTool;
  /** The single key that picks the tool (no modifier). */
  readonly key: string;
  readonly hint: string;
}

/** Every tool, in toolbar order. */
export const TOOLS: readonly ToolInfo[] = [
  { tool: "Select", key: "s", hint: "Click a shape to select it (Shift+click adds), drag it to move it, drag a handle to reshape it" },
  { tool: "Line", key: "l", hint: "Click the start, then click the end" },
  { tool: "Polyline", key: "p", hint: "Click each point; double-click the last one" },
  { tool: "Rectangle", key: "r", hint: "Drag from one corner to the opposite one" },
  { tool: "Ellipse", key: "e", hint: "Drag across the ellipse's bounding box" },
  { tool: "Polygon", key: "g", hint: "Click each corner; double-click the last one" },
  { tool: "Point", key: "o", hint: "Click where the point goes" },
];

/** An ellipse inscribed in the box dragged from the first coordinate to the last. */
const ellipseFromDrag: GeometryFunction = (coordinates, geometry) => {
  const drag = coordinates as Coordinate[];
  const [x1, y1] = toImage(drag[0] ?? [0, 0]);
  const [x2, y2] = toImage(drag[drag.length - 1] ?? [0, 0]);
  const ring = ellipseRing((x1 + x2) / 2, (y1 + y2) / 2, Math.abs(x2 - x1) / 2, Math.abs(y2 - y1) / 2).map((p) => toMap(p));
  const polygon = geometry instanceof Polygon ? geometry : new Polygon([]);
  polygon.setCoordinates([ring]);
  return polygon;
};

/** The Draw interaction of a drawing tool (it adds nothing to any source: the caller takes `drawend`). */
export function createDraw(kind: DrawnKind): Draw {
  switch (kind) {
    case "Line":
      return new Draw({ type: "LineString", maxPoints: 2, stopClick: true });
    case "Polyline":
      return new Draw({ type: "LineString", stopClick: true });
    case "Polygon":
      return new Draw({ type: "Polygon", stopClick: true });
    case "Point":
      return new Draw({ type: "Point", stopClick: true });
    case "Rectangle":
      return new Draw({ type: "Circle", geometryFunction: createBox(), freehand: true, stopClick: true });
    case "Ellipse":
      return new Draw({ type: "Circle", geometryFunction: ellipseFromDrag, freehand: true, stopClick: true });
  }
}
