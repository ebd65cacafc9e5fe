/**
 * Renders every failure as the SPEC §6 envelope `{ error: { code, message, details? } }`.
 * Fastify's own errors (schema validation, JSON parsing, body limits) are converted to catalogued
 * codes here, so no framework error reaches a client in its raw form.
 */
import { FoveaError, isFoveaError, type ErrorEnvelope, type FieldIssue } from "@fovea/model";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { HTTP_STATUS } from "./status.ts";

interface SchemaIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Turns schema errors into `{ field, message }` items with readable paths (`body.shapes[0].x`). */
export function schemaIssues(context: string, issues: readonly SchemaIssue[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = (issue.instancePath ?? "").split("/").filter(Boolean)
      .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`)).join("");
    let field = `${context}${path}`;
    let message = issue.message ?? "is invalid";
    if (issue.keyword === "boolean" && message === "schema is false") message = "unknown field";
    if (issue.keyword === "additionalProperties") {
      const names = issue.params?.additionalProperties;
      if (Array.isArray(names)) {
        for (const n of names) pushOnce({ field: `${field}.${String(n)}`, message: "unknown field" });
        continue;
      }
    }
    if (issue.keyword === "required" && Array.isArray(issue.params?.requiredProperties)) {
      for (const n of issue.params.requiredProperties as unknown[]) pushOnce({ field: `${field}.${String(n)}`, message: "is required" });
      continue;
    }
    field = field || context;
    pushOnce({ field, message });
  }
  return out;

  function pushOnce(i: FieldIssue): void {
    const key = `${i.field}|${i.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(i);
    }
  }
}

/** Converts any thrown value into a FoveaError. */
export function toFoveaError(err: unknown): FoveaError {
  if (isFoveaError(err)) return err;
  const e = err as FastifyError & { validation?: SchemaIssue[]; validationContext?: string };
  if (Array.isArray(e.validation)) {
    const details = schemaIssues(e.validationContext ?? "request", e.validation);
    const first = details[0];
    return new FoveaError("VALIDATION_FAILED", first ? `Invalid request: ${first.field} ${first.message}` : "Invalid request", { details, cause: err });
  }
  const code = e.code ?? "";
  if (code === "FST_ERR_CTP_INVALID_JSON_BODY" || code === "FST_ERR_CTP_EMPTY_JSON_BODY" || (e.statusCode === 400 && err instanceof SyntaxError)) {
    return new FoveaError("MALFORMED_JSON", `The request body is not valid JSON: ${e.message}`, { cause: err });
  }
  if (e.statusCode === 413 || code === "FST_ERR_CTP_BODY_TOO_LARGE" || code === "FST_REQ_FILE_TOO_LARGE") {
    return new FoveaError("PAYLOAD_TOO_LARGE", undefined, { cause: err });
  }
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    return new FoveaError("VALIDATION_FAILED", e.message, { cause: err });
  }
  return new FoveaError("INTERNAL", undefined, { cause: err });
}

export function envelope(err: FoveaError): ErrorEnvelope {
  const body: ErrorEnvelope = { error: { code: err.code, message: err.message } };
  if (err.details !== undefined) body.error.details = err.details;
  return body;
}

export async function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const fe = toFoveaError(err);
  const status = HTTP_STATUS[fe.code];
  if (status >= 500) request.log.error({ err }, "request failed");
  if (fe.code === "RATE_LIMITED") {
    const retry = (fe.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry !== undefined) void reply.header("retry-after", String(retry));
  }
  await reply.status(status).type("application/json").send(JSON.stringify(envelope(fe)));
}
