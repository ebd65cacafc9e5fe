/** Projects, datasets and images (`/projects`, `/datasets`, `/images`) and the links between them. */
import type { Transport } from "../transport.ts";
import type {
  ContainerListQuery, CreateContainerRequest, DatasetDto, ImageDto, LinkDto, Page, PageQuery, ProjectDto,
  UpdateContainerRequest,
} from "../types.ts";

/** What the three kinds share: list with filters, read, edit and delete. */
class ContainerApi<T> {
  protected readonly http: Transport;
  protected readonly base: string;
  constructor(http: Transport, base: string) {
    this.http = http;
    this.base = base;
  }

  /** `orphaned: true` lists only objects in no parent container. */
  list(query: ContainerListQuery = {}): Promise<Page<T>> {
    return this.http.json("GET", this.base, { query: { ...query } });
  }
  get(id: number): Promise<T> {
    return this.http.json("GET", `${this.base}/${id}`);
  }
  update(id: number, body: UpdateContainerRequest): Promise<T> {
    return this.http.json("PATCH", `${this.base}/${id}`, { body });
  }
  delete(id: number): Promise<void> {
    return this.http.json("DELETE", `${this.base}/${id}`);
  }
}

export class ProjectsApi extends ContainerApi<ProjectDto> {
  constructor(http: Transport) {
    super(http, "/projects");
  }
  /** Creates in the session's active group unless `groupId` says otherwise. */
  create(body: CreateContainerRequest): Promise<ProjectDto> {
    return this.http.json("POST", this.base, { body });
  }
  datasets(projectId: number, page: PageQuery = {}): Promise<Page<DatasetDto>> {
    return this.http.json("GET", `${this.base}/${projectId}/datasets`, { query: { ...page } });
  }
  linkDataset(projectId: number, datasetId: number): Promise<LinkDto> {
    return this.http.json("POST", `${this.base}/${projectId}/datasets`, { body: { datasetId } });
  }
  unlinkDataset(projectId: number, datasetId: number): Promise<void> {
    return this.http.json("DELETE", `${this.base}/${projectId}/datasets/${datasetId}`);
  }
}

export class DatasetsApi extends ContainerApi<DatasetDto> {
  constructor(http: Transport) {
    super(http, "/datasets");
  }
  create(body: CreateContainerRequest): Promise<DatasetDto> {
    return this.http.json("POST", this.base, { body });
  }
  images(datasetId: number, page: PageQuery = {}): Promise<Page<ImageDto>> {
    return this.http.json("GET", `${this.base}/${datasetId}/images`, { query: { ...page } });
  }
  linkImage(datasetId: number, imageId: number): Promise<LinkDto> {
    return this.http.json("POST", `${this.base}/${datasetId}/images`, { body: { imageId } });
  }
  unlinkImage(datasetId: number, imageId: number): Promise<void> {
    return this.http.json("DELETE", `${this.base}/${datasetId}/images/${imageId}`);
  }
  /** The projects the dataset is linked into (that the caller may see). */
  async projects(datasetId: number): Promise<ProjectDto[]> {
    return (await this.http.json<{ items: ProjectDto[] }>("GET", `${this.base}/${datasetId}/projects`)).items;
  }
}

/** Images are created by import, not by this API; they can be listed, read, edited and deleted. */
export class ImagesApi extends ContainerApi<ImageDto> {
  constructor(http: Transport) {
    super(http, "/images");
  }
  /** The datasets the image is linked into (that the caller may see). */
  async datasets(imageId: number): Promise<DatasetDto[]> {
    return (await this.http.json<{ items: DatasetDto[] }>("GET", `${this.base}/${imageId}/datasets`)).items;
  }
}
