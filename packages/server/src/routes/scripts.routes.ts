/** The script registry (SPEC §4) and launching jobs. Uploads are multipart: fields, then `file`. */
import Type from "typebox";
import { ErrorResponse, FoveaError, IdParams, Job, LaunchBody, Paged, ParamDeclSchema, Script, ScriptListQuery, UpdateScript } from "@fovea/model";
import type { Services } from "@fovea/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { authOf } from "../http/auth-hook.ts";
import { paged, pageOf, typed } from "../http/route-kit.ts";

/** Largest script source accepted (the source is kept in the database with every version). */
const MAX_SCRIPT_BYTES = 2 * 1024 * 1024;

/** Reads `official`/`folder` fields and the one `file` part (UTF-8 text). */
async function readScriptUpload(request: FastifyRequest): Promise<{ fileName: string; source: string; official: boolean; folder?: string }> {
  let official = false;
  let folder: string | undefined;
  for await (const part of request.parts()) {
    if (part.type === "file") {
      const bytes = await part.toBuffer();
      if (bytes.length > MAX_SCRIPT_BYTES) throw new FoveaError("PAYLOAD_TOO_LARGE", `A script may be at most ${MAX_SCRIPT_BYTES} bytes`);
      const source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return { fileName: part.filename || "script.ts", source, official, ...(folder !== undefined && { folder }) };
    }
    const value = String(part.value);
    if (part.fieldname === "official") official = /^(true|1|yes)$/i.test(value);
    else if (part.fieldname === "folder") folder = value;
    else throw new FoveaError("VALIDATION_FAILED", `unknown field ${part.fieldname}`, { details: [{ field: part.fieldname, message: "unknown field" }] });
  }
  throw new FoveaError("VALIDATION_FAILED", "No `file` part in the upload", { details: [{ field: "file", message: "is required" }] });
}

export async function scriptRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const api = typed(app);
  const tags = ["scripts"];

  api.get("/scripts", {
    schema: { tags, summary: "Official scripts and your own user scripts (group them by `folder` for menus)", querystring: ScriptListQuery, response: { 200: Paged(Script) } },
  }, async (request) => {
    const page = pageOf(request.query);
    return paged(await services.scripts.list(authOf(request).actor, { folder: request.query.folder, official: request.query.official }, page), page);
  });

  api.post("/scripts", {
    schema: { tags, summary: "Upload a script (multipart: official?, folder?, then `file`); its declaration is read in describe mode", consumes: ["multipart/form-data"], response: { 201: Script, 403: ErrorResponse, 422: ErrorResponse } },
  }, async (request, reply) => {
    const upload = await readScriptUpload(request);
    return reply.status(201).send(await services.scripts.upload(authOf(request).actor, upload));
  });

  api.get("/scripts/:id", {
    schema: { tags, summary: "A script", params: IdParams, response: { 200: Script, 404: ErrorResponse } },
  }, async (request) => services.scripts.get(authOf(request).actor, request.params.id));

  api.get("/scripts/:id/params", {
    schema: { tags, summary: "The script's parameters (for forms and `fovea script params`)", params: IdParams, response: { 200: Type.Object({ params: Type.Array(ParamDeclSchema) }) } },
  }, async (request) => ({ params: (await services.scripts.get(authOf(request).actor, request.params.id)).params }));

  api.get("/scripts/:id/source", {
    schema: { tags, summary: "The current version's source", params: IdParams },
  }, async (request, reply) => {
    const { source } = await services.scripts.source(authOf(request).actor, request.params.id);
    return reply.type("text/plain; charset=utf-8").send(source);
  });

  api.get("/scripts/:id/versions", {
    schema: { tags, summary: "Every version of the script (jobs record the one they ran)", params: IdParams },
  }, async (request) => ({ items: await services.scripts.versions(authOf(request).actor, request.params.id) }));

  api.put("/scripts/:id", {
    schema: { tags, summary: "Replace the script with a new version (multipart `file`)", params: IdParams, consumes: ["multipart/form-data"], response: { 200: Script, 403: ErrorResponse, 422: ErrorResponse } },
  }, async (request) => {
    const upload = await readScriptUpload(request);
    return services.scripts.replace(authOf(request).actor, request.params.id, upload.fileName, upload.source);
  });

  api.patch("/scripts/:id", {
    schema: { tags, summary: "Enable or disable a script", params: IdParams, body: UpdateScript, response: { 200: Script } },
  }, async (request) => {
    const actor = authOf(request).actor;
    if (request.body.enabled === undefined) return services.scripts.get(actor, request.params.id);
    return services.scripts.setEnabled(actor, request.params.id, request.body.enabled);
  });

  api.delete("/scripts/:id", {
    schema: { tags, summary: "Delete a script (jobs keep their records)", params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await services.scripts.delete(authOf(request).actor, request.params.id);
    return reply.status(204).send(null);
  });

  api.post("/scripts/:id/launch", {
    schema: { tags, summary: "Validate the inputs and queue a job (400 PARAM_INVALID lists every offending parameter)", params: IdParams, body: LaunchBody, response: { 201: Job, 400: ErrorResponse } },
  }, async (request, reply) => reply.status(201).send(
    await services.jobs.launch(authOf(request).actor, request.params.id, request.body.inputs, { groupId: request.body.groupId }),
  ));
}
