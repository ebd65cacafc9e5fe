/**
 * The client against a real HTTP server on a loopback port (node:http, no mocks of fetch): what
 * goes on the wire, and how answers and failures come back.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isFoveaError } from "@fovea/model";
import { FoveaClient } from "./client.ts";
import { FoveaHttpError, ServerUnreachableError } from "./http-errors.ts";

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let baseUrl: string;
const seen: Seen[] = [];

before(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
    const json = (status: number, doc: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(doc));
    };
    if (req.url === "/api/v1/auth/login") return json(200, { user: { username: "alice" }, groupId: 3, expiresAt: "x", token: "tok-1" });
    if (req.url?.startsWith("/api/v1/projects?")) return json(200, { items: [], total: 0, limit: 5, offset: 0 });
    if (req.url === "/api/v1/projects/7" && req.method === "DELETE") return void res.writeHead(204).end();
    if (req.url === "/api/v1/projects/8") return json(404, { error: { code: "NOT_FOUND", message: "Project 8 not found" } });
    if (req.url === "/api/v1/annotations/files") return json(201, { type: "FileAnnotation", id: 4 });
    if (req.url === "/api/v1/annotations/4/file") {
      res.writeHead(200, { "content-type": "text/csv", "content-length": "6", "content-disposition": `attachment; filename="r.csv"; filename*=UTF-8''r%C3%A9sultats.csv` });
      return void res.end("a,b\n1\n");
    }
    json(500, { error: { code: "INTERNAL", message: `unexpected ${req.method} ${req.url}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function last(): Seen {
  const s = seen[seen.length - 1];
  assert.ok(s, "no request reached the server");
  return s;
}

test("login sends JSON, keeps the token, and later requests carry it as a bearer token", async () => {
  const client = new FoveaClient({ baseUrl });
  const info = await client.login({ username: "alice", password: "secret-pw" });
  assert.equal(info.token, "tok-1");
  assert.equal(last().headers["content-type"], "application/json");
  assert.deepEqual(JSON.parse(last().body), { username: "alice", password: "secret-pw" });
  assert.equal(client.token, "tok-1");
  await client.projects.list({ limit: 5, orphaned: true });
  assert.equal(last().headers.authorization, "Bearer tok-1");
  assert.equal(last().url, "/api/v1/projects?limit=5&orphaned=true");
});

test("a 204 resolves to undefined and sends no body or content type", async () => {
  const client = new FoveaClient({ baseUrl, token: "t" });
  assert.equal(await client.projects.delete(7), undefined);
  assert.equal(last().method, "DELETE");
  assert.equal(last().headers["content-type"], undefined);
});

test("an error envelope becomes a FoveaHttpError with code, message and status", async () => {
  const client = new FoveaClient({ baseUrl, token: "t" });
  await assert.rejects(client.projects.get(8), (err: unknown) => {
    assert.ok(err instanceof FoveaHttpError);
    assert.ok(isFoveaError(err, "NOT_FOUND"));
    assert.equal(err.message, "Project 8 not found");
    assert.equal(err.status, 404);
    return true;
  });
});

test("uploadFile sends multipart fields, repeated links and the file with its name", async () => {
  const client = new FoveaClient({ baseUrl, token: "t" });
  const dto = await client.uploadFile(new Blob(["x,y\n1,2\n"], { type: "text/csv" }), {
    fileName: "points.csv", namespace: "ns", links: ["Image:12", { type: "Dataset", id: 3 }],
  });
  assert.equal(dto.id, 4);
  const body = last().body;
  assert.match(String(last().headers["content-type"]), /^multipart\/form-data; boundary=/);
  assert.match(body, /name="namespace"\r\n\r\nns\r\n/);
  assert.match(body, /name="link"\r\n\r\nImage:12\r\n/);
  assert.match(body, /name="link"\r\n\r\nDataset:3\r\n/);
  assert.match(body, /name="file"; filename="points.csv"/);
  assert.ok(body.indexOf('name="link"') < body.indexOf('name="file"'), "fields come before the file");
});

test("uploadFile reads a path from disk and names it after the file", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "fovea-client-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, "notes.txt");
  await writeFile(path, "hello from disk");
  await new FoveaClient({ baseUrl, token: "t" }).uploadFile(path);
  assert.match(last().body, /name="file"; filename="notes.txt"\r\nContent-Type: [^\r]*\r\n\r\nhello from disk\r\n/);
});

test("downloadAnnotation streams the bytes and gives the server's file name", async () => {
  const client = new FoveaClient({ baseUrl, token: "t" });
  const dl = await client.downloadAnnotation(4);
  assert.equal(dl.fileName, "résultats.csv");
  assert.equal(dl.size, 6);
  assert.equal(dl.mimeType, "text/csv");
  assert.equal(await new Response(dl.body).text(), "a,b\n1\n");
});

test("an unreachable server gives a message naming its URL", async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const client = new FoveaClient({ baseUrl: `http://127.0.0.1:${port}` });
  await assert.rejects(client.health(), (err: unknown) => {
    assert.ok(err instanceof ServerUnreachableError);
    assert.match(err.message, new RegExp(`cannot reach the Fovea server at http://127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED`));
    return true;
  });
});

test("an aborted request rejects with the abort, not as a network failure", async () => {
  const client = new FoveaClient({ baseUrl, token: "t" });
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(client.downloadAnnotation(4, controller.signal), (err: unknown) => (err as Error).name === "AbortError");
});
