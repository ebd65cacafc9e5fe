/** Import, pixel reads, rendering, original files and export (`/import`, `/images/:id/...`). */
import type { PixelType } from "@fovea/model";
import { fileNameFromContentDisposition } from "../content-disposition.ts";
import type { Transport } from "../transport.ts";
import type { ImageDto } from "../types.ts";
import type { Download } from "./files.ts";

/** One file to upload: a path on this machine (read lazily) and the name the server records. */
export interface ImportFile {
  path: string;
  /** Relative name; `folder/sub/file` for the files of a folder upload (an OME-Zarr). */
  name: string;
}

export interface ImportFields {
  datasetId?: number | undefined;
  groupId?: number | undefined;
  name?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface StoredLayout {
  pixelType: PixelType;
  sizeZ: number;
  sizeC: number;
  sizeT: number;
  tileSize: number;
  levels: { sizeX: number; sizeY: number }[];
}

export interface PlaneQuery {
  z?: number;
  c?: number;
  t?: number;
  level?: number;
  region?: { x: number; y: number; width: number; height: number };
}

/** Raw values as the server sent them: little-endian, row-major. */
export interface RawPlane {
  dtype: PixelType;
  width: number;
  height: number;
  bytes: ArrayBuffer;
}

export interface RenderQuery {
  z?: number;
  t?: number;
  level?: number;
  region?: { x: number; y: number; width: number; height: number };
  /** OMERO-style channels: `1|0:4095$FF0000,-2`. */
  c?: string;
  format?: "png" | "jpeg";
  quality?: number;
  projection?: "max";
}

export interface OriginalFileDto {
  id: number;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
}

function regionQuery(r: PlaneQuery["region"]) {
  return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : {};
}

async function toDownload(res: Response, fallback: string): Promise<Download> {
  const length = res.headers.get("content-length");
  return {
    fileName: fileNameFromContentDisposition(res.headers.get("content-disposition")) ?? fallback,
    body: res.body ?? new Blob([]).stream(),
    size: length !== null && /^\d+$/.test(length) ? Number(length) : undefined,
    mimeType: res.headers.get("content-type") ?? undefined,
  };
}

export class PixelsApi {
  readonly #http: Transport;
  constructor(http: Transport) {
    this.#http = http;
  }

  /** Uploads one file, or every file of one folder, and imports its images. */
  async importFiles(files: readonly ImportFile[], fields: ImportFields = {}): Promise<{ images: ImageDto[] }> {
    // Imported lazily so that browser bundles of the client never need node:fs.
    const { openAsBlob } = await import("node:fs");
    const form = new FormData();
    // Fields first: the server reads them before it receives the files.
    if (fields.datasetId !== undefined) form.append("datasetId", String(fields.datasetId));
    if (fields.groupId !== undefined) form.append("groupId", String(fields.groupId));
    if (fields.name !== undefined) form.append("name", fields.name);
    for (const f of files) form.append("file", await openAsBlob(f.path), f.name);
    return this.#http.json("POST", "/import", { form, signal: fields.signal });
  }

  layout(imageId: number): Promise<StoredLayout> {
    return this.#http.json("GET", `/images/${imageId}/layout`);
  }

  async readPlane(imageId: number, q: PlaneQuery = {}): Promise<RawPlane> {
    const res = await this.#http.send("GET", `/images/${imageId}/pixels`, {
      query: { z: q.z, c: q.c, t: q.t, level: q.level, ...regionQuery(q.region) },
    });
    const [height, width] = (res.headers.get("x-fovea-shape") ?? "0,0").split(",").map(Number);
    return { dtype: res.headers.get("x-fovea-dtype") as PixelType, width: width!, height: height!, bytes: await res.arrayBuffer() };
  }

  async render(imageId: number, q: RenderQuery = {}): Promise<Uint8Array> {
    const res = await this.#http.send("GET", `/images/${imageId}/render`, {
      query: { z: q.z, t: q.t, level: q.level, c: q.c, format: q.format, quality: q.quality, projection: q.projection, ...regionQuery(q.region) },
    });
    return new Uint8Array(await res.arrayBuffer());
  }

  async thumbnail(imageId: number): Promise<Uint8Array> {
    return new Uint8Array(await (await this.#http.send("GET", `/images/${imageId}/thumbnail`)).arrayBuffer());
  }

  async originals(imageId: number): Promise<OriginalFileDto[]> {
    return (await this.#http.json<{ items: OriginalFileDto[] }>("GET", `/images/${imageId}/originals`)).items;
  }

  async downloadOriginal(imageId: number, fileId: number, signal?: AbortSignal): Promise<Download> {
    return toDownload(await this.#http.send("GET", `/images/${imageId}/originals/${fileId}`, { signal }), `original-${fileId}`);
  }

  async exportOmeTiff(imageId: number, signal?: AbortSignal): Promise<Download> {
    return toDownload(await this.#http.send("GET", `/images/${imageId}/export/ome-tiff`, { signal }), `image-${imageId}.ome.tif`);
  }

  /** The relative paths of the image's OME-Zarr files, and the folder name to save them under. */
  zarrManifest(imageId: number): Promise<{ name: string; files: string[] }> {
    return this.#http.json("GET", `/images/${imageId}/zarr`);
  }

  async zarrFile(imageId: number, path: string, signal?: AbortSignal): Promise<Download> {
    const encoded = path.split("/").map(encodeURIComponent).join("/");
    return toDownload(await this.#http.send("GET", `/images/${imageId}/zarr/${encoded}`, { signal }), path.split("/").pop() ?? path);
  }
}
