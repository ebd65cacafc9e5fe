/** Files in and out of a script: reading a `p.file()` input, attaching a result to objects. */
import type { FoveaClient } from "@fovea/client";
import type { ObjectRef } from "@fovea/model";

export interface AttachOptions {
  /** The objects to attach the file to (images, datasets, projects, ROIs). */
  readonly to?: readonly ObjectRef[];
  /** Default `text/csv` for `.csv`, `text/plain` for other text, `application/octet-stream` for bytes. */
  readonly mimeType?: string;
  readonly description?: string;
  readonly namespace?: string;
}

function guessMimeType(name: string, content: string | Uint8Array): string {
  if (/\.csv$/i.test(name)) return "text/csv";
  if (/\.json$/i.test(name)) return "application/json";
  return typeof content === "string" ? "text/plain" : "application/octet-stream";
}

export class FileHelpers {
  readonly #client: FoveaClient;
  readonly #signal: AbortSignal;

  constructor(client: FoveaClient, signal: AbortSignal) {
    this.#client = client;
    this.#signal = signal;
  }

  /**
   * Uploads `content` as a new FileAnnotation linked to `to` and returns its reference, ready to be
   * an output (`File_Annotation`).
   *
   * @example
   * const file = await ctx.attachFile("rois.csv", csv, { to: images.map((i) => ctx.ref("Image", i.id)) });
   * return { File_Annotation: file, Message: "Exported" };
   */
  async attach(name: string, content: string | Uint8Array, options: AttachOptions = {}): Promise<ObjectRef<"FileAnnotation">> {
    const type = options.mimeType ?? guessMimeType(name, content);
    const blob = new Blob([content], { type });
    const dto = await this.#client.uploadFile(blob, {
      fileName: name,
      links: options.to ?? [],
      signal: this.#signal,
      ...(options.description !== undefined && { description: options.description }),
      ...(options.namespace !== undefined && { namespace: options.namespace }),
    });
    return { type: "FileAnnotation", id: dto.id };
  }

  /** The bytes of a FileAnnotation (a `p.file()` input), read whole. */
  async read(file: ObjectRef<"FileAnnotation"> | number): Promise<Uint8Array> {
    const download = await this.#client.downloadAnnotation(typeof file === "number" ? file : file.id, this.#signal);
    return new Uint8Array(await new Response(download.body).arrayBuffer());
  }

  /** The text of a FileAnnotation, decoded as UTF-8. */
  async readText(file: ObjectRef<"FileAnnotation"> | number): Promise<string> {
    return new TextDecoder().decode(await this.read(file));
  }
}
