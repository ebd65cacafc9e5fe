/**
 * The closed catalogue of Fovea error codes. Every failure that crosses a package boundary is a
 * FoveaError carrying one of these codes; exactly one table in @fovea/server maps them to HTTP
 * statuses, and docs/errors.md lists them (a test keeps the two in sync).
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: "The request does not match the schema; details name each offending field.",
  MALFORMED_JSON: "The request body is not valid JSON.",
  SHAPE_INVALID: "An ROI shape is malformed; details name each offending field.",
  PARAM_INVALID: "A script parameter is missing or invalid; details name each offending parameter.",
  SCRIPT_INVALID: "The script could not be compiled or its declaration could not be read; the message has the script's own error.",
  USER_SCRIPTS_DISABLED: "User scripts are off on this server (scripts.allowUserScripts); ask an administrator.",
  PRIVILEGE_REQUIRED: "This needs the UploadScripts privilege (script manager) or an administrator.",
  JOB_FINISHED: "The job has already finished.",
  UNAUTHENTICATED: "No valid session: log in first.",
  SESSION_EXPIRED: "The session or token has expired: log in again.",
  BAD_CREDENTIALS: "Unknown user name or wrong password.",
  CSRF_FAILED: "A cookie-authenticated request that changes state lacks a valid CSRF token.",
  FORBIDDEN: "The object is visible to you, but this action on it is not permitted.",
  ADMIN_REQUIRED: "Only an administrator may do this.",
  NOT_FOUND: "No such object, or it is not visible to you.",
  CONFLICT: "The request conflicts with existing state (a name already taken, a link that exists).",
  LINK_FORBIDDEN: "These two objects may not be linked (different groups, or the group level forbids it).",
  NOT_A_MEMBER: "The user is not a member of that group.",
  PAYLOAD_TOO_LARGE: "The request body or uploaded file is larger than the server accepts.",
  FILE_UNREADABLE: "The uploaded file could not be read.",
  UNSUPPORTED_FORMAT: "The file's format is not supported.",
  RATE_LIMITED: "Too many attempts: wait and try again.",
  INTERNAL: "An unexpected server error; the server log has the details.",
  SERVER_UNREACHABLE: "The Fovea server could not be reached (reported by clients, never sent by a server).",
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One offending field or parameter, as listed in an error's `details`. */
export interface FieldIssue {
  /** Path to the field, e.g. `shapes[0].x1`, `body.name`, or a script parameter name. */
  readonly field: string;
  readonly message: string;
}

/** The JSON envelope every API error is returned in. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** A failure with a stable code, a human message, optional structured details and a cause. */
export class FoveaError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message ?? ERROR_CODES[code], options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "FoveaError";
    this.code = code;
    this.details = options.details;
  }
}

/**
 * Narrows an unknown value to a FoveaError (optionally of one code). Uses a structural check, not
 * `instanceof`, so that errors survive being bundled into more than one copy of this package.
 */
export function isFoveaError(err: unknown, code?: ErrorCode): err is FoveaError {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { name?: unknown; code?: unknown };
  if (e.name !== "FoveaError" || typeof e.code !== "string" || !(e.code in ERROR_CODES)) return false;
  return code === undefined || e.code === code;
}
