/**
 * An in-process HTTP client for API tests: requests go through Fastify's `inject` (no socket), the
 * answer comes back as `{ status, json }`. Paths are relative to /api/v1 unless they start with /api/.
 */
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { API_PREFIX } from "@fovea/server";

/**
 * A parsed response body. Tests check bodies with assertions rather than with the type system, so
 * this is deliberately loose (it is only ever read, never passed to production code).
 */
export type Json = any;

export interface ApiResponse {
  readonly status: number;
  /** The parsed body when the response is JSON, else undefined. */
  readonly json: Json;
  readonly body: string;
  readonly headers: Readonly<Record<string, string | string[] | number | undefined>>;
  readonly cookies: readonly { readonly name: string; readonly value: string; readonly [attr: string]: unknown }[];
}

export interface RequestOptions {
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent byte for byte (malformed JSON, `1e999`, multipart); pair it with `contentType`. */
  readonly raw?: string | Buffer;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** How a client authenticates: a bearer token, a session cookie (with its CSRF token), or not at all. */
export type Credentials =
  | { readonly kind: "none" }
  | { readonly kind: "bearer"; readonly token: string }
  | { readonly kind: "cookie"; readonly cookie: string; readonly csrfToken?: string };

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export class ApiClient {
  readonly #app: FastifyInstance;
  readonly #credentials: Credentials;

  constructor(app: FastifyInstance, credentials: Credentials) {
    this.#app = app;
    this.#credentials = credentials;
  }

  get(path: string): Promise<ApiResponse> {
    return this.request("GET", path);
  }
  post(path: string, body?: unknown): Promise<ApiResponse> {
    return this.request("POST", path, body === undefined ? {} : { body });
  }
  patch(path: string, body?: unknown): Promise<ApiResponse> {
    return this.request("PATCH", path, body === undefined ? {} : { body });
  }
  put(path: string, body?: unknown): Promise<ApiResponse> {
    return this.request("PUT", path, body === undefined ? {} : { body });
  }
  del(path: string): Promise<ApiResponse> {
    return this.request("DELETE", path);
  }

  async request(method: Method, path: string, opts: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...this.#authHeaders(), ...opts.headers };
    let payload: string | Buffer | undefined;
    if (opts.raw !== undefined) payload = opts.raw;
    else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
    if (payload !== undefined) headers["content-type"] = opts.contentType ?? "application/json";
    const res = await this.#app.inject({
      method, url: path.startsWith("/api/") ? path : `${API_PREFIX}${path}`, headers,
      ...(payload !== undefined && { payload }),
    });
    const isJson = String(res.headers["content-type"] ?? "").startsWith("application/json");
    return {
      status: res.statusCode,
      json: isJson && res.body.length > 0 ? JSON.parse(res.body) : undefined,
      body: res.body,
      headers: res.headers,
      cookies: res.cookies as ApiResponse["cookies"],
    };
  }

  #authHeaders(): Record<string, string> {
    const c = this.#credentials;
    if (c.kind === "bearer") return { authorization: `Bearer ${c.token}` };
    if (c.kind === "cookie") {
      return { cookie: `fovea_session=${c.cookie}`, ...(c.csrfToken !== undefined && { "x-csrf-token": c.csrfToken }) };
    }
    return {};
  }
}

/** `"201"` for a success, `"403 FORBIDDEN"` for an error: a compact outcome for tables of results. */
export function outcomeOf(res: ApiResponse): string {
  return res.status < 400 ? String(res.status) : `${res.status} ${String(res.json?.error?.code)}`;
}

/** Fails with the response body in the message when the status is not the expected one. */
export function expectStatus(res: ApiResponse, status: number, what: string): ApiResponse {
  assert.equal(res.status, status, `${what}: expected ${status}, got ${res.status} ${res.body}`);
  return res;
}

/**
 * Asserts the SPEC §6 error envelope `{ error: { code, message, details? } }` (nothing more) with
 * this status and code; when `fields` are given, each must be named by an entry of `details`.
 * Returns the error for further checks.
 */
export function assertError(res: ApiResponse, status: number, code: string, fields: readonly string[] = []): Json {
  assert.equal(res.status, status, `expected ${status} ${code}, got ${res.status} ${res.body}`);
  assert.match(String(res.headers["content-type"]), /^application\/json/, "errors are JSON");
  assert.deepEqual(Object.keys(res.json ?? {}), ["error"], `the envelope has only \`error\`: ${res.body}`);
  const error = res.json.error;
  assert.equal(error.code, code, `error code: ${res.body}`);
  assert.equal(typeof error.message, "string");
  assert.ok(error.message.length > 0, "the message is not empty");
  for (const key of Object.keys(error)) assert.ok(["code", "message", "details"].includes(key), `unexpected key error.${key}`);
  if (fields.length > 0) {
    assert.ok(Array.isArray(error.details), `details is a list: ${res.body}`);
    const named = (error.details as { field?: unknown }[]).map((d) => d.field);
    for (const f of fields) assert.ok(named.includes(f), `details name ${f}; they name ${JSON.stringify(named)}`);
  }
  return error;
}
