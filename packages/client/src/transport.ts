/**
 * The one place that talks HTTP: URL building, the bearer token, JSON in and out, and turning
 * failures into FoveaErrors. Resource classes describe routes; they never call fetch themselves.
 */
import { FoveaError } from "@fovea/model";
import { errorFromResponse, ServerUnreachableError } from "./http-errors.ts";
import { normalizeBaseUrl, serverLabel } from "./base-url.ts";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Query values; undefined ones are left out, booleans become `true`/`false`. */
export type QueryValues = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  query?: QueryValues | undefined;
  /** A JSON body; for FormData use `form`. */
  body?: unknown;
  form?: FormData | undefined;
  /** Raw bytes, sent as application/octet-stream (pixel planes). */
  bytes?: Uint8Array | undefined;
  signal?: AbortSignal | undefined;
}

export class Transport {
  /** The API root, e.g. `http://localhost:4080/api/v1`. */
  readonly baseUrl: string;
  token: string | undefined;
  readonly #fetch: FetchLike;

  constructor(options: { baseUrl: string; token?: string | undefined; fetch?: FetchLike | undefined }) {
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.token = options.token;
    // Bound so that a bare `fetch` reference keeps its global receiver (browsers insist on it).
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Sends a request and parses the JSON answer; a 204 gives undefined. */
  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.send(method, path, options);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    if (text === "") return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw new FoveaError("INTERNAL", `${method} ${res.url || path}: the server's answer is not JSON`, { cause });
    }
  }

  /** Sends a request and returns the successful response unread (for downloads). */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const url = this.url(path, options.query);
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body: RequestInit["body"];
    if (options.form) body = options.form;
    else if (options.bytes) {
      headers["content-type"] = "application/octet-stream";
      body = options.bytes as Uint8Array<ArrayBuffer>;
    }
    else if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    let res: Response;
    try {
      res = await this.#fetch(url, { method, headers, body: body ?? null, signal: options.signal ?? null });
    } catch (err) {
      // An abort is the caller's own decision, not a network failure: pass it through untouched.
      if (options.signal?.aborted) throw err;
      throw new ServerUnreachableError(serverLabel(this.baseUrl), err);
    }
    if (!res.ok) {
      const text = await res.text().catch(() => "");
      throw errorFromResponse(res.status, res.statusText, text, url);
    }
    return res;
  }

  url(path: string, query?: QueryValues): string {
    const qs = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) qs.set(key, String(value));
    }
    const search = qs.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ""}`;
  }
}
