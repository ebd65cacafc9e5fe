/**
 * The browser's FoveaClient. The session lives in an HttpOnly cookie (SPEC §1), so requests carry
 * no bearer token; every state-changing request sends the session's CSRF token as X-CSRF-Token
 * (double submit, checked by the server). GET URLs for <img>, tiles and downloads are built here
 * too, so no component spells `/api/v1` itself.
 */
import { FoveaClient, type RenderQuery } from "@fovea/client";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
let csrfToken: string | undefined;

/** Set from the login answer or `GET /session`; cleared at logout. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function cookieFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const method = (init.method ?? "GET").toUpperCase();
  if (!SAFE.has(method) && csrfToken) headers.set("x-csrf-token", csrfToken);
  return fetch(input, { ...init, headers, credentials: "same-origin" });
}

/** The API root of the server that served this page. */
export const API_ROOT = "/api/v1";

export const api = new FoveaClient({ baseUrl: `${window.location.origin}${API_ROOT}`, fetch: cookieFetch });

/** Sends a request through the same cookie + CSRF path (for routes the typed client lacks). */
export function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return cookieFetch(`${API_ROOT}${path}`, init);
}

export function thumbnailUrl(imageId: number): string {
  return `${API_ROOT}/images/${imageId}/thumbnail`;
}

/** A rendered plane, tile or region (PNG/JPEG) with OMERO-style channel settings. */
export function renderUrl(imageId: number, q: RenderQuery = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries({ z: q.z, t: q.t, level: q.level, c: q.c, format: q.format, quality: q.quality, projection: q.projection })) {
    if (v !== undefined) qs.set(k, String(v));
  }
  if (q.region) for (const k of ["x", "y", "width", "height"] as const) qs.set(k, String(q.region[k]));
  return `${API_ROOT}/images/${imageId}/render?${qs.toString()}`;
}

export function fileAnnotationUrl(annotationId: number): string {
  return `${API_ROOT}/annotations/${annotationId}/file`;
}

export function jobLogUrl(jobId: number, stream: "stdout" | "stderr"): string {
  return `${API_ROOT}/jobs/${jobId}/logs/${stream}`;
}

/** Server-Sent Events URL (EventSource sends the cookie; GETs need no CSRF token). */
export function eventsUrl(path: string): string {
  return `${API_ROOT}${path}`;
}
