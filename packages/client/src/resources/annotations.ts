/** Tags, comments, maps and files (`/annotations`), and their links to annotatable objects. */
import type { AnnotatableType, ObjectRef } from "@fovea/model";
import type { Transport } from "../transport.ts";
import type {
  AnnotationDto, AnnotationQuery, CreateAnnotationRequest, FileAnnotationDto, LinkDto, Page, PageQuery,
  UpdateAnnotationRequest,
} from "../types.ts";
import { downloadAnnotation, uploadFile, type Download, type UploadFields } from "./files.ts";

const PATHS: Record<AnnotatableType, string> = { Project: "/projects", Dataset: "/datasets", Image: "/images", Roi: "/rois" };

export class AnnotationsApi {
  readonly #http: Transport;
  constructor(http: Transport) {
    this.#http = http;
  }

  list(query: AnnotationQuery = {}): Promise<Page<AnnotationDto>> {
    return this.#http.json("GET", "/annotations", { query: { ...query } });
  }
  /** Creates a tag, comment or map annotation, optionally linked to objects at once. */
  create(body: CreateAnnotationRequest): Promise<AnnotationDto> {
    return this.#http.json("POST", "/annotations", { body });
  }
  get(id: number): Promise<AnnotationDto> {
    return this.#http.json("GET", `/annotations/${id}`);
  }
  update(id: number, body: UpdateAnnotationRequest): Promise<AnnotationDto> {
    return this.#http.json("PATCH", `/annotations/${id}`, { body });
  }
  delete(id: number): Promise<void> {
    return this.#http.json("DELETE", `/annotations/${id}`);
  }
  upload(file: string | Blob, fields: UploadFields = {}): Promise<FileAnnotationDto> {
    return uploadFile(this.#http, file, fields);
  }
  download(id: number, signal?: AbortSignal): Promise<Download> {
    return downloadAnnotation(this.#http, id, signal);
  }

  /** The annotations linked to one object. */
  listOn(target: ObjectRef<AnnotatableType>, page: PageQuery = {}): Promise<Page<AnnotationDto>> {
    return this.#http.json("GET", `${PATHS[target.type]}/${target.id}/annotations`, { query: { ...page } });
  }
  link(target: ObjectRef<AnnotatableType>, annotationId: number): Promise<LinkDto> {
    return this.#http.json("POST", `${PATHS[target.type]}/${target.id}/annotations`, { body: { annotationId } });
  }
  unlink(target: ObjectRef<AnnotatableType>, annotationId: number): Promise<void> {
    return this.#http.json("DELETE", `${PATHS[target.type]}/${target.id}/annotations/${annotationId}`);
  }
}
