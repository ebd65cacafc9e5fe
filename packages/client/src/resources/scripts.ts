/** Scripts and jobs (`/scripts`, `/jobs`), including live job events over Server-Sent Events. */
import type { JobDto, JobStatus, ParamDecl, ScriptDto } from "@fovea/model";
import type { Transport } from "../transport.ts";
import type { Page, PageQuery } from "../types.ts";

export interface UploadScriptFields {
  official?: boolean;
  folder?: string;
}

/** One event of a job's stream: `job` (snapshot), `status`, `progress` or `log`. */
export type JobStreamEvent =
  | { event: "job"; data: JobDto }
  | { event: "status"; data: { jobId: number; status: JobStatus } }
  | { event: "progress"; data: { jobId: number; fraction: number; message: string } }
  | { event: "log"; data: { jobId: number; stream: "stdout" | "stderr"; text: string } };

/** A script to upload: a path on this machine (read lazily), or a Blob/File (browsers) with its file name. */
export type ScriptFile = string | { blob: Blob; name: string };

async function scriptForm(file: ScriptFile, fields: UploadScriptFields): Promise<FormData> {
  const form = new FormData();
  // Fields go before the file: the server reads them before it reaches the file part.
  if (fields.official !== undefined) form.append("official", String(fields.official));
  if (fields.folder !== undefined) form.append("folder", fields.folder);
  if (typeof file === "string") {
    // Imported lazily so that browser bundles of the client never need node:fs.
    const { openAsBlob } = await import("node:fs");
    form.append("file", await openAsBlob(file), file.split(/[\\/]/).pop() ?? "script.ts");
  } else {
    form.append("file", file.blob, file.name);
  }
  return form;
}

/** Parses a text/event-stream body into events (one `event:` and `data:` pair per block). */
async function* parseEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: unknown }> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) yield { event, data: JSON.parse(data.join("\n")) };
    }
  }
}

export class ScriptsApi {
  readonly #http: Transport;
  constructor(http: Transport) {
    this.#http = http;
  }

  list(query: PageQuery & { folder?: string; official?: boolean } = {}): Promise<Page<ScriptDto>> {
    return this.#http.json("GET", "/scripts", { query: { ...query } });
  }
  get(id: number): Promise<ScriptDto> {
    return this.#http.json("GET", `/scripts/${id}`);
  }
  async params(id: number): Promise<ParamDecl[]> {
    return (await this.#http.json<{ params: ParamDecl[] }>("GET", `/scripts/${id}/params`)).params;
  }
  async source(id: number): Promise<string> {
    return (await this.#http.send("GET", `/scripts/${id}/source`)).text();
  }
  /** Uploads a script: a file of this machine (path) or, in a browser, a Blob with its name. */
  async upload(file: ScriptFile, fields: UploadScriptFields = {}): Promise<ScriptDto> {
    return this.#http.json("POST", "/scripts", { form: await scriptForm(file, fields) });
  }
  /** Replaces the script with a new version (the old ones are kept). */
  async replace(id: number, file: ScriptFile): Promise<ScriptDto> {
    return this.#http.json("PUT", `/scripts/${id}`, { form: await scriptForm(file, {}) });
  }
  /** Every version of the script, newest last (jobs record the one they ran). */
  async versions(id: number): Promise<{ sha256: string; createdAt: string; uploadedBy: number }[]> {
    return (await this.#http.json<{ items: { sha256: string; createdAt: string; uploadedBy: number }[] }>("GET", `/scripts/${id}/versions`)).items;
  }
  setEnabled(id: number, enabled: boolean): Promise<ScriptDto> {
    return this.#http.json("PATCH", `/scripts/${id}`, { body: { enabled } });
  }
  delete(id: number): Promise<void> {
    return this.#http.json("DELETE", `/scripts/${id}`);
  }
  launch(id: number, inputs: Record<string, unknown>, groupId?: number): Promise<JobDto> {
    return this.#http.json("POST", `/scripts/${id}/launch`, { body: { inputs, ...(groupId !== undefined && { groupId }) } });
  }
}

export class JobsApi {
  readonly #http: Transport;
  constructor(http: Transport) {
    this.#http = http;
  }

  list(query: PageQuery & { status?: JobStatus } = {}): Promise<Page<JobDto>> {
    return this.#http.json("GET", "/jobs", { query: { ...query } });
  }
  get(id: number): Promise<JobDto> {
    return this.#http.json("GET", `/jobs/${id}`);
  }
  cancel(id: number): Promise<JobDto> {
    return this.#http.json("POST", `/jobs/${id}/cancel`);
  }
  async log(id: number, stream: "stdout" | "stderr"): Promise<string> {
    return (await this.#http.send("GET", `/jobs/${id}/logs/${stream}`)).text();
  }
  /** The job's live events, from a snapshot to its final status (the stream then ends). */
  async *events(id: number, signal?: AbortSignal): AsyncGenerator<JobStreamEvent> {
    const res = await this.#http.send("GET", `/jobs/${id}/events`, { signal });
    if (!res.body) return;
    for await (const e of parseEventStream(res.body)) yield e as JobStreamEvent;
  }
  /** Waits until the job has finished (following its events) and returns its final state. */
  async wait(id: number, signal?: AbortSignal): Promise<JobDto> {
    for await (const _ of this.events(id, signal)) {
      // Drained until the server ends the stream after the final status.
    }
    return this.get(id);
  }
}
