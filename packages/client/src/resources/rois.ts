/** ROIs and their shapes (`/images/:id/rois`, `/rois`, `/shapes`). */
import type { ShapeInput } from "@fovea/model";
import type { Transport } from "../transport.ts";
import type { CreateRoiRequest, Page, PageQuery, RoiDto, UpdateRoiRequest } from "../types.ts";

export class RoisApi {
  readonly #http: Transport;
  constructor(http: Transport) {
    this.#http = http;
  }

  /** The ROIs drawn on one image, each with its shapes (and their length/area). */
  list(imageId: number, page: PageQuery = {}): Promise<Page<RoiDto>> {
    return this.#http.json("GET", `/images/${imageId}/rois`, { query: { ...page } });
  }
  /** The server validates every shape and names each offending field (SHAPE_INVALID). */
  create(imageId: number, body: CreateRoiRequest): Promise<RoiDto> {
    return this.#http.json("POST", `/images/${imageId}/rois`, { body });
  }
  get(id: number): Promise<RoiDto> {
    return this.#http.json("GET", `/rois/${id}`);
  }
  update(id: number, body: UpdateRoiRequest): Promise<RoiDto> {
    return this.#http.json("PATCH", `/rois/${id}`, { body });
  }
  delete(id: number): Promise<void> {
    return this.#http.json("DELETE", `/rois/${id}`);
  }
  /** Appends shapes to an existing ROI and returns the whole ROI. */
  addShapes(roiId: number, shapes: readonly ShapeInput[]): Promise<RoiDto> {
    return this.#http.json("POST", `/rois/${roiId}/shapes`, { body: { shapes } });
  }
  /** Replaces one shape's geometry and style (its kind may change too); returns the whole ROI. */
  replaceShape(shapeId: number, shape: ShapeInput): Promise<RoiDto> {
    return this.#http.json("PUT", `/shapes/${shapeId}`, { body: shape });
  }
  deleteShape(shapeId: number): Promise<void> {
    return this.#http.json("DELETE", `/shapes/${shapeId}`);
  }
}
