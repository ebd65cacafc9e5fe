/**
 * The OpenAPI document (SPEC §6): public, OpenAPI 3, and describing every route the app
 * registers (compared with the router's own route table, so a new route cannot go undocumented).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { API_PREFIX } from "@fovea/server";
import { expectStatus, type Json } from "../support/api-client.ts";
import { forEachDialect } from "../support/api-harness.ts";

/** Routes that are deliberately not in the document: the document itself. */
const UNDOCUMENTED = new Set([`GET ${API_PREFIX}/openapi.json`]);

/**
 * Reads Fastify's `printRoutes({ commonPrefix: false })` tree into `METHOD /path` lines. Each line
 * is `<indent>├── /segment (GET, HEAD)`; a node's path is its parent's plus its own segment. HEAD is
 * left out: Fastify adds it to every GET by itself.
 */
function routesOfTree(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split("\n")) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (depth > 0 ? stack[depth - 1]! : "") + m[2]!;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (m[3] ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
      if (method !== "HEAD") out.push(`${method} ${path}`);
    }
  }
  return out.sort();
}

/** `METHOD /path` for every operation of the document, with `{id}` written back as `:id`. */
function routesOfDocument(doc: Json): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(item)) {
      if (["get", "put", "post", "delete", "patch", "options", "head", "trace"].includes(method)) {
        // A wildcard route appears as `{*}` in the document and as a bare `*` in Fastify's tree.
        out.push(`${method.toUpperCase()} ${path.replace(/\/\{\*\}$/, "*").replace(/\{([^}]+)\}/g, ":$1")}`);
      }
    }
  }
  return out.sort();
}

forEachDialect("OpenAPI document", (ctx) => {
  test("is public and is OpenAPI 3", async () => {
    const res = expectStatus(await ctx.anon.get("/openapi.json"), 200, "GET /openapi.json without a session");
    assert.match(String(res.headers["content-type"]), /^application\/json/);
    assert.match(String(res.json.openapi), /^3\.\d+\.\d+$/);
    assert.equal(typeof res.json.info?.title, "string");
    assert.equal(typeof res.json.info?.version, "string");
    assert.equal(typeof res.json.paths, "object");
  });

  test("lists every API route the app registers, and only those", async () => {
    // The web UI's files (`/`, `/assets/…`) are served beside the API but are not part of it.
    const registered = routesOfTree(ctx.server.app.printRoutes({ commonPrefix: false }))
      .filter((r) => r.split(" ")[1]!.startsWith(`${API_PREFIX}/`) && !UNDOCUMENTED.has(r));
    // Guard the parser: a few routes that must be there whatever else changes.
    for (const r of ["POST /api/v1/auth/login", "GET /api/v1/projects/:id", "DELETE /api/v1/datasets/:id/images/:imageId", "PUT /api/v1/shapes/:id"]) {
      assert.ok(registered.includes(r), `the route table lists ${r}`);
    }
    const doc = (await ctx.anon.get("/openapi.json")).json;
    assert.deepEqual(routesOfDocument(doc), registered);
  });

  test("every operation documents a success response, and both security schemes are described", async () => {
    const doc = (await ctx.anon.get("/openapi.json")).json;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(item)) {
        const codes = Object.keys(op.responses ?? {});
        assert.ok(codes.some((c) => /^2\d\d$/.test(c)), `${method.toUpperCase()} ${path} documents a 2xx response (has ${codes.join(", ")})`);
      }
    }
    assert.ok(doc.components?.securitySchemes?.bearer, "the bearer scheme is described");
    assert.ok(doc.components?.securitySchemes?.cookie, "the cookie scheme is described");
  });
});
