/** FoveaClient: the typed entry point to a Fovea server's /api/v1. */
import { UsersApi, GroupsApi } from "./resources/accounts.ts";
import { AnnotationsApi } from "./resources/annotations.ts";
import { DatasetsApi, ImagesApi, ProjectsApi } from "./resources/containers.ts";
import type { Download, UploadFields } from "./resources/files.ts";
import { ImageUploadsApi, MeasureApi } from "./resources/measure.ts";
import { PixelsApi } from "./resources/pixels.ts";
import { RoisApi } from "./resources/rois.ts";
import { JobsApi, ScriptsApi } from "./resources/scripts.ts";
import { SessionApi } from "./resources/session.ts";
import { Transport, type FetchLike } from "./transport.ts";
import type { FileAnnotationDto, HealthDto, LoginRequest, SessionInfoDto } from "./types.ts";

export interface FoveaClientOptions {
  /** The server, e.g. `http://localhost:4080`; `/api/v1` is appended when missing. */
  baseUrl: string;
  /** A bearer token from an earlier login. */
  token?: string | undefined;
  /** Replaces the global fetch (tests, proxies, custom agents). */
  fetch?: FetchLike | undefined;
}

/**
 * One client per server and session. Routes are grouped by resource (`client.projects.create()`);
 * every failure is a FoveaError with a catalogued code.
 *
 * @example
 * const client = new FoveaClient({ baseUrl: "http://localhost:4080" });
 * await client.login({ username: "root", password });
 * const project = await client.projects.create({ name: "Mitosis" });
 */
export class FoveaClient {
  readonly #http: Transport;
  readonly session: SessionApi;
  readonly users: UsersApi;
  readonly groups: GroupsApi;
  readonly projects: ProjectsApi;
  readonly datasets: DatasetsApi;
  readonly images: ImagesApi;
  readonly rois: RoisApi;
  readonly annotations: AnnotationsApi;
  readonly pixels: PixelsApi;
  readonly measure: MeasureApi;
  readonly imageUploads: ImageUploadsApi;
  readonly scripts: ScriptsApi;
  readonly jobs: JobsApi;

  constructor(options: FoveaClientOptions) {
    this.#http = new Transport(options);
    this.session = new SessionApi(this.#http);
    this.users = new UsersApi(this.#http);
    this.groups = new GroupsApi(this.#http);
    this.projects = new ProjectsApi(this.#http);
    this.datasets = new DatasetsApi(this.#http);
    this.images = new ImagesApi(this.#http);
    this.rois = new RoisApi(this.#http);
    this.annotations = new AnnotationsApi(this.#http);
    this.pixels = new PixelsApi(this.#http);
    this.measure = new MeasureApi(this.#http);
    this.imageUploads = new ImageUploadsApi(this.#http);
    this.scripts = new ScriptsApi(this.#http);
    this.jobs = new JobsApi(this.#http);
  }

  /** The normalised API root, e.g. `http://localhost:4080/api/v1`. */
  get baseUrl(): string {
    return this.#http.baseUrl;
  }
  get token(): string | undefined {
    return this.#http.token;
  }
  set token(token: string | undefined) {
    this.#http.token = token;
  }

  health(): Promise<HealthDto> {
    return this.#http.json("GET", "/health");
  }
  /** Logs in and keeps the token for later requests (read it back from `client.token`). */
  login(body: LoginRequest): Promise<SessionInfoDto> {
    return this.session.login(body);
  }
  logout(): Promise<void> {
    return this.session.logout();
  }
  /** Shortcut for `annotations.upload`: a path (read with fs.openAsBlob) or a Blob. */
  uploadFile(file: string | Blob, fields: UploadFields = {}): Promise<FileAnnotationDto> {
    return this.annotations.upload(file, fields);
  }
  /** Shortcut for `annotations.download`: the bytes stream, with the server's file name. */
  downloadAnnotation(id: number, signal?: AbortSignal): Promise<Download> {
    return this.annotations.download(id, signal);
  }
}
