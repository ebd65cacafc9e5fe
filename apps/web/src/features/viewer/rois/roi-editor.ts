/**
 * The map side of the ROI tools (not React): OpenLayers' Select, Translate and Modify for the
 * Select tool and one Draw per drawing tool, reporting what the user did as shapes. Modify works
 * on the selected shapes only; rectangles and ellipses get a Modify that never inserts or removes
 * vertices, because their polygon is a drawing of a few numbers (see shape-edit.ts).
 */
import type Feature from "ol/Feature.js";
import type OlMap from "ol/Map.js";
import { click, never } from "ol/events/condition.js";
import type Draw from "ol/interaction/Draw.js";
import Modify from "ol/interaction/Modify.js";
import Select from "ol/interaction/Select.js";
import Translate from "ol/interaction/Translate.js";
import type { ShapeGeometry, ShapeInput } from "@fovea/model";
import { createDraw, type RoiTool } from "./draw-tools.ts";
import { isEditable, keyOf, shapeOf } from "./roi-feature.ts";
import type { RoiLayer } from "./roi-layer.ts";
import { readBack, reshapeAfterModify } from "./shape-edit.ts";
import { geometryToShape } from "./shape-geometry.ts";
import { sameShape } from "./shape-input.ts";

/** What the editor reports to the panel. */
export interface RoiEditorEvents {
  /** A shape was drawn (geometry only: the caller adds plane and channel). */
  onDrawn(geometry: ShapeGeometry): void;
  /** Shapes were moved or reshaped: draft key → new shape. */
  onEdited(edits: ReadonlyMap<string, ShapeInput>): void;
  /** The user selected shapes on the map. */
  onSelect(keys: readonly string[]): void;
}

const isBox = (f: Feature) => ["Rectangle", "Ellipse"].includes(shapeOf(f)?.kind ?? "");

/** A degenerate rectangle or ellipse (a click without a drag) is not a shape anyone meant. */
function isEmpty(g: ShapeGeometry): boolean {
  return (g.kind === "Rectangle" && (g.width === 0 || g.height === 0)) || (g.kind === "Ellipse" && (g.radiusX === 0 || g.radiusY === 0));
}

/** The ROI interactions on one map; `dispose()` takes them off again. */
export class RoiEditor {
  readonly #map: OlMap;
  readonly #events: RoiEditorEvents;
  readonly #select: Select;
  readonly #edits: (Translate | Modify)[];
  #draw: Draw | undefined;
  #drawing = false;
  #tool: RoiTool = "Select";
  #locked = false;

  constructor(map: OlMap, roiLayer: RoiLayer, events: RoiEditorEvents) {
    this.#map = map;
    this.#events = events;
    this.#select = new Select({ layers: [roiLayer.layer], style: null, condition: click, hitTolerance: 5 });
    this.#select.on("select", () => events.onSelect(this.#select.getFeatures().getArray().map(keyOf)));
    const features = this.#select.getFeatures();
    const translate = new Translate({ features, filter: (f) => isEditable(f), hitTolerance: 5 });
    translate.on("translateend", (e) => this.#report(e.features.getArray(), readBack));
    const modifyFree = new Modify({ features, filter: (f) => isEditable(f) && !isBox(f), pixelTolerance: 8 });
    const modifyBox = new Modify({ features, filter: (f) => isEditable(f) && isBox(f), pixelTolerance: 8, insertVertexCondition: never, deleteCondition: never });
    for (const m of [modifyFree, modifyBox]) m.on("modifyend", (e) => this.#report(e.features.getArray(), reshapeAfterModify));
    // Added after the map's own interactions, so they see a drag before DragPan does; Modify last wins over Translate near a vertex.
    this.#edits = [translate, modifyFree, modifyBox];
    for (const i of [this.#select, ...this.#edits]) map.addInteraction(i);
  }

  /** Whether a shape is being drawn (Escape then cancels it instead of clearing the selection). */
  get drawing(): boolean {
    return this.#drawing;
  }

  setTool(tool: RoiTool): void {
    if (tool === this.#tool && (tool === "Select" || this.#draw)) return;
    this.#tool = tool;
    this.#removeDraw();
    if (tool !== "Select") {
      const draw = createDraw(tool);
      draw.on("drawstart", () => { this.#drawing = true; });
      draw.on("drawabort", () => { this.#drawing = false; });
      draw.on("drawend", (e) => {
        this.#drawing = false;
        const geometry = e.feature.getGeometry();
        if (!geometry) return;
        const shape = geometryToShape(tool, geometry);
        if (!isEmpty(shape)) this.#events.onDrawn(shape);
      });
      this.#draw = draw;
      this.#map.addInteraction(draw);
    }
    this.#applyActive();
  }

  /** While saving, nothing may change under the requests in flight. */
  setLocked(locked: boolean): void {
    this.#locked = locked;
    if (locked) this.abortDrawing();
    this.#applyActive();
  }

  /** Makes the map's selection the given keys among the features on show. */
  setSelection(keys: ReadonlySet<string>, available: (key: string) => Feature | null): void {
    const collection = this.#select.getFeatures();
    const current = collection.getArray();
    const wanted = [...keys].map(available).filter((f): f is Feature => f !== null);
    if (current.length === wanted.length && wanted.every((f) => current.includes(f))) return;
    collection.clear();
    collection.extend(wanted);
  }

  /** Cancels the shape being drawn; false when there was none. */
  abortDrawing(): boolean {
    if (!this.#draw || !this.#drawing) return false;
    this.#draw.abortDrawing();
    this.#drawing = false;
    return true;
  }

  /** Takes back the last clicked point of a polyline or polygon being drawn. */
  removeLastPoint(): boolean {
    if (!this.#draw || !this.#drawing) return false;
    this.#draw.removeLastPoint();
    return true;
  }

  dispose(): void {
    this.#removeDraw();
    for (const i of [this.#select, ...this.#edits]) this.#map.removeInteraction(i);
  }

  #report(features: readonly Feature[], edit: (shape: ShapeInput, geometry: NonNullable<ReturnType<Feature["getGeometry"]>>) => ShapeInput): void {
    const edits = new Map<string, ShapeInput>();
    for (const f of features) {
      const shape = shapeOf(f);
      const geometry = f.getGeometry();
      if (!shape || !geometry) continue;
      const next = edit(shape, geometry);
      if (!sameShape(shape, next)) edits.set(keyOf(f), next);
    }
    if (edits.size > 0) this.#events.onEdited(edits);
  }

  #removeDraw(): void {
    if (!this.#draw) return;
    this.#draw.abortDrawing();
    this.#map.removeInteraction(this.#draw);
    this.#draw.dispose();
    this.#draw = undefined;
    this.#drawing = false;
  }

  #applyActive(): void {
    const selecting = this.#tool === "Select";
    this.#select.setActive(selecting);
    for (const i of this.#edits) i.setActive(selecting && !this.#locked);
    this.#draw?.setActive(!this.#locked);
  }
}
