/** File annotations' bytes: multipart upload and streaming download. */
import { formatRef, type ObjectRef } from "@fovea/model";
import { fileNameFromContentDisposition } from "../content-disposition.ts";
import type { Transport } from "../transport.ts";
import type { FileAnnotationDto } from "../types.ts";

export interface UploadFields {
  /** The name stored with the file; defaults to the path's base name or the File's name. */
  fileName?: string;
  namespace?: string;
  description?: string;
  groupId?: number;
  /** Objects to attach the file to, as refs or `Image:12` strings. */
  links?: ReadonlyArray<ObjectRef | string>;
  signal?: AbortSignal;
}

export interface Download {
  /** The name the server gave (Content-Disposition); may contain anything, so sanitise before use as a path. */
  fileName: string;
  /** Bytes as they arrive; read it to the end or cancel it to free the connection. */
  body: ReadableStream<Uint8Array>;
  /** From Content-Length, when the server sent one. */
  size: number | undefined;
  mimeType: string | undefined;
}

/** Uploads a file (a path on this machine, or a Blob/File) as a new FileAnnotation. */
export async function uploadFile(http: Transport, file: string | Blob, fields: UploadFields = {}): Promise<FileAnnotationDto> {
  const { blob, name } = await toBlob(file, fields.fileName);
  const form = new FormData();
  // Fields go before the file so that a streaming multipart parser sees them first.
  if (fields.namespace !== undefined) form.append("namespace", fields.namespace);
  if (fields.description !== undefined) form.append("description", fields.description);
  if (fields.groupId !== undefined) form.append("groupId", String(fields.groupId));
  for (const link of fields.links ?? []) form.append("link", typeof link === "string" ? link : formatRef(link));
  form.append("file", blob, name);
  return http.json("POST", "/annotations/files", { form, signal: fields.signal });
}

/** Starts downloading a FileAnnotation's bytes; nothing is buffered in memory. */
export async function downloadAnnotation(http: Transport, id: number, signal?: AbortSignal): Promise<Download> {
  const res = await http.send("GET", `/annotations/${id}/file`, { signal });
  const length = res.headers.get("content-length");
  return {
    fileName: fileNameFromContentDisposition(res.headers.get("content-disposition")) ?? `annotation-${id}`,
    body: res.body ?? new Blob([]).stream(),
    size: length !== null && /^\d+$/.test(length) ? Number(length) : undefined,
    mimeType: res.headers.get("content-type") ?? undefined,
  };
}

async function toBlob(file: string | Blob, fileName: string | undefined): Promise<{ blob: Blob; name: string }> {
  if (typeof file !== "string") {
    const own = (file as { name?: unknown }).name;
    return { blob: file, name: fileName ?? (typeof own === "string" && own ? own : "upload.bin") };
  }
  // Imported lazily so that browser bundles of the client never need node:fs.
  const { openAsBlob } = await import("node:fs");
  const blob = await openAsBlob(file);
  return { blob, name: fileName ?? baseName(file) };
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || "upload.bin";
}
