/** Turns what a user types as "the server" into the API root the client sends requests to. */
import { FoveaError } from "@fovea/model";

export const API_PREFIX = "/api/v1";

/**
 * `http://host:4080`, `host:4080/`, `https://host/fovea` or an URL already ending in `/api/v1`
 * all give `<origin>[/path]/api/v1` without a trailing slash. A missing scheme means `http://`,
 * since that is what `fovea server start` prints. Query strings and fragments are dropped.
 */
export function normalizeBaseUrl(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch (cause) {
    throw new FoveaError("VALIDATION_FAILED", `invalid server URL "${input}"`, { cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FoveaError("VALIDATION_FAILED", `invalid server URL "${input}": only http and https are supported`);
  }
  let path = url.pathname.replace(/\/+$/, "");
  if (!path.endsWith(API_PREFIX)) path += API_PREFIX;
  return `${url.origin}${path}`;
}

/** The server as a person would name it: the API root without `/api/v1` (used in messages). */
export function serverLabel(baseUrl: string): string {
  return baseUrl.endsWith(API_PREFIX) ? baseUrl.slice(0, -API_PREFIX.length) : baseUrl;
}
