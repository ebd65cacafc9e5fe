/**
 * How failed requests surface to callers: every failure is a FoveaError with a catalogued code,
 * so `isFoveaError(err, "NOT_FOUND")` works the same whether the server or the network failed.
 */
import { ERROR_CODES, FoveaError, type ErrorCode } from "@fovea/model";

/** An error response from the server; `status` is the HTTP status it came with. */
export class FoveaHttpError extends FoveaError {
  readonly status: number;

  constructor(code: ErrorCode, message: string, status: number, options: { details?: unknown; cause?: unknown } = {}) {
    super(code, message, options);
    this.status = status;
  }
}

/**
 * The server could not be reached at all (refused, DNS, TLS, reset); `url` and the message name
 * the server so the user can fix the address or start the server.
 */
export class ServerUnreachableError extends FoveaError {
  readonly url: string;

  constructor(url: string, cause: unknown) {
    super("SERVER_UNREACHABLE", `cannot reach the Fovea server at ${url} (${networkReason(cause)}); is it running, and is the URL right?`, {
      details: { url },
      cause,
    });
    this.url = url;
  }
}

/** The code a status implies, for responses that carry no (known) Fovea error envelope. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400: return "VALIDATION_FAILED";
    case 401: return "UNAUTHENTICATED";
    case 403: return "FORBIDDEN";
    case 404: return "NOT_FOUND";
    case 409: return "CONFLICT";
    case 413: return "PAYLOAD_TOO_LARGE";
    case 415: return "UNSUPPORTED_FORMAT";
    case 422: return "FILE_UNREADABLE";
    case 429: return "RATE_LIMITED";
    default: return "INTERNAL";
  }
}

function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === "string" && Object.hasOwn(ERROR_CODES, v);
}

/**
 * Builds the error for a non-2xx response from its body text. A proper envelope keeps its code,
 * message and details; anything else (a proxy's HTML page, a code from a newer server) falls back
 * to the status, keeping what the server said so nothing is lost.
 */
export function errorFromResponse(status: number, statusText: string, bodyText: string, url: string): FoveaHttpError {
  let envelope: unknown;
  try {
    envelope = JSON.parse(bodyText);
  } catch {
    envelope = undefined;
  }
  const error = (envelope as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.message === "string") {
    if (isErrorCode(error.code)) {
      return new FoveaHttpError(error.code, error.message, status, { details: error.details });
    }
    return new FoveaHttpError(codeForStatus(status), error.message, status, {
      details: { serverCode: error.code, details: error.details },
    });
  }
  const snippet = bodyText.trim().slice(0, 200);
  const message = `HTTP ${status}${statusText ? ` ${statusText}` : ""} from ${url}` + (snippet ? `: ${snippet}` : "");
  return new FoveaHttpError(codeForStatus(status), message, status);
}

/** The most specific reason node's fetch gives for a network failure (it nests them in `cause`). */
function networkReason(err: unknown): string {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e; depth++) {
    const rec = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof rec.code === "string" && typeof rec.message === "string") return rec.message;
    if (Array.isArray(rec.errors) && rec.errors.length > 0) {
      e = rec.errors[0];
      continue;
    }
    if (rec.cause === undefined) return typeof rec.message === "string" ? rec.message : String(e);
    e = rec.cause;
  }
  return String(err);
}
