/** Jobs: list, show, cancel, logs, and live events over Server-Sent Events (SPEC §5–6). */
import Type from "typebox";
import { ErrorResponse, Id, IdParams, Job, JobListQuery, Paged, Strict, isFinished } from "@fovea/model";
import type { JobEvent, Services } from "@fovea/core";
import type { FastifyInstance, FastifyReply } from "fastify";
import { authOf } from "../http/auth-hook.ts";
import { paged, pageOf, typed } from "../http/route-kit.ts";

const Stream = Type.Enum(["stdout", "stderr"] as const);

/** Opens an SSE response; returns a writer and registers `onClose`. */
function openEventStream(reply: FastifyReply, onClose: () => void): (event: string, data: unknown) => void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive", "x-accel-buffering": "no" });
  const keepAlive = setInterval(() => raw.write(": keep-alive\n\n"), 15_000);
  raw.on("close", () => {
    clearInterval(keepAlive);
    onClose();
  });
  return (event, data) => {
    if (!raw.writableEnded) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
}

export async function jobRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const api = typed(app);
  const tags = ["jobs"];

  api.get("/jobs", {
    schema: { tags, summary: "Your jobs, newest first", querystring: JobListQuery, response: { 200: Paged(Job) } },
  }, async (request) => {
    const page = pageOf(request.query);
    return paged(await services.jobs.list(authOf(request).actor, { status: request.query.status }, page), page);
  });

  api.get("/jobs/:id", {
    schema: { tags, summary: "A job", params: IdParams, response: { 200: Job, 404: ErrorResponse } },
  }, async (request) => services.jobs.get(authOf(request).actor, request.params.id));

  api.post("/jobs/:id/cancel", {
    schema: { tags, summary: "Cancel a queued or running job", params: IdParams, response: { 200: Job, 409: ErrorResponse } },
  }, async (request) => services.jobs.cancel(authOf(request).actor, request.params.id));

  api.get("/jobs/:id/logs/:stream", {
    schema: { tags, summary: "The job's captured stdout or stderr (kept after it ends)", params: Strict({ id: Id, stream: Stream }) },
  }, async (request, reply) => reply.type("text/plain; charset=utf-8")
    .send(await services.jobs.log(authOf(request).actor, request.params.id, request.params.stream)));

  api.get("/jobs/:id/events", {
    schema: { tags, summary: "Server-Sent Events of one job: `job` (snapshot), `status`, `progress`, `log`; ends after the final status", params: IdParams },
  }, async (request, reply) => {
    const actor = authOf(request).actor;
    const id = request.params.id;
    const snapshot = await services.jobs.get(actor, id); // 404 before the stream opens
    // Subscribe before reading the stored log, and hold live events until it has been sent: a log
    // chunk is announced only once stored, so its offset tells whether the history included it.
    const held: JobEvent[] = [];
    let live = false;
    const sent = { stdout: 0, stderr: 0 };
    let unsubscribe = (): void => undefined;
    const send = openEventStream(reply, () => unsubscribe());
    const forward = (e: JobEvent): void => {
      if (e.type === "log") {
        const skip = sent[e.stream] - e.offset;
        if (skip >= e.text.length) return; // already in the history
        const text = skip > 0 ? e.text.slice(skip) : e.text;
        sent[e.stream] = e.offset + e.text.length;
        send("log", { ...e, text, offset: e.offset + Math.max(0, skip) });
        return;
      }
      send(e.type, e);
      if (e.type === "status" && isFinished(e.status)) reply.raw.end();
    };
    unsubscribe = services.jobEvents.subscribe((e: JobEvent) => {
      if (e.jobId !== id) return;
      if (live) forward(e);
      else held.push(e);
    });
    send("job", snapshot);
    for (const stream of ["stdout", "stderr"] as const) {
      const text = await services.jobs.log(actor, id, stream);
      sent[stream] = text.length;
      if (text) send("log", { jobId: id, type: "log", stream, text, offset: 0 });
    }
    live = true;
    for (const e of held.splice(0)) forward(e);
    const now = await services.jobs.get(actor, id);
    if (isFinished(now.status) && !reply.raw.writableEnded) {
      send("status", { jobId: id, type: "status", status: now.status });
      reply.raw.end();
    }
  });

  api.get("/jobs/events", {
    schema: { tags, summary: "Server-Sent Events of all your jobs (status and progress; logs per job)" },
  }, async (request, reply) => {
    const actor = authOf(request).actor;
    let unsubscribe = (): void => undefined;
    const send = openEventStream(reply, () => unsubscribe());
    unsubscribe = services.jobEvents.subscribe((e: JobEvent) => {
      if (e.type !== "log" && (e.ownerId === actor.userId)) send(e.type, e);
    });
    send("ready", { userId: actor.userId });
  });
}
