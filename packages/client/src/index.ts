/** @fovea/client: a typed HTTP client for a Fovea server's /api/v1. */
export { FoveaClient, type FoveaClientOptions } from "./client.ts";
export { normalizeBaseUrl, serverLabel, API_PREFIX } from "./base-url.ts";
export { FoveaHttpError, ServerUnreachableError, codeForStatus } from "./http-errors.ts";
export { allPages, listAll } from "./paginate.ts";
export { fileNameFromContentDisposition } from "./content-disposition.ts";
export type { FetchLike } from "./transport.ts";
export type { Download, UploadFields } from "./resources/files.ts";
export type * from "./types.ts";
export type { ImportFile, ImportFields, StoredLayout, PlaneQuery, RawPlane, RenderQuery, OriginalFileDto } from "./resources/pixels.ts";
export type { ShapeStatsQuery, PathSamples } from "./resources/measure.ts";
export type { UploadScriptFields, JobStreamEvent, ScriptFile } from "./resources/scripts.ts";
