/** GET /health: liveness, version and database kind; public. */
import Type from "typebox";
import type { FastifyInstance } from "fastify";
import { typed } from "../http/route-kit.ts";

export interface HealthOptions {
  version: string;
  database: "sqlite" | "postgres";
}

export async function healthRoutes(app: FastifyInstance, opts: HealthOptions): Promise<void> {
  typed(app).get("/health", {
    config: { public: true },
    schema: {
      tags: ["system"],
      summary: "Server health",
      response: { 200: Type.Object({ status: Type.Literal("ok"), version: Type.String(), database: Type.String() }) },
    },
  }, async () => ({ status: "ok" as const, version: opts.version, database: opts.database }));
}
