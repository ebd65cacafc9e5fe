// util_scripts/Hello_World (SCRIPTS.md §3) through a real server, runner and jobs: a dataset with
// images, an empty dataset, and an unknown id (refused at launch: SPEC §4 checks IDs first).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { siRnaHelaImages } from "../../packages/pixels/src/demo/index.ts";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";

let server: RunningServer;
let dir: string;
let auth: Record<string, string>;
let scriptId: number;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method, headers: { ...auth, ...(body !== undefined && { "content-type": "application/json" }) }, body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
}

async function runToEnd(inputs: Record<string, unknown>): Promise<{ status: string; outputs: Record<string, any>; id: number }> {
  const launched = await call("POST", `/scripts/${scriptId}/launch`, { inputs });
  assert.equal(launched.status, 201, JSON.stringify(launched.json));
  for (;;) {
    const job = (await call("GET", `/jobs/${launched.json.id}`)).json;
    if (!["queued", "running"].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "fovea-hello-"));
  server = await startServer(loadConfig({}, { dataDir: dir, port: 0, host: "127.0.0.1", adminPassword: "hello-world-pw", logLevel: "silent", workers: 2 }));
  const login = await (await fetch(`${server.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: "hello-world-pw" }) })).json() as { token: string };
  auth = { authorization: `Bearer ${login.token}` };
  const scripts = (await call("GET", "/scripts?folder=util_scripts")).json.items as { id: number; name: string; official: boolean }[];
  const hello = scripts.find((s) => s.name === "Hello_World");
  assert.ok(hello?.official, "Hello_World is registered as an official script at server start");
  scriptId = hello.id;
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("a dataset with images: one log line per image, Message and the first Image", async () => {
  const dataset = (await call("POST", "/datasets", { name: "cells" })).json;
  const actor = (await server.services.auth.authenticate(auth.authorization!.slice(7))).actor;
  const images = await server.services.imports.importReaders(actor, siRnaHelaImages({ count: 2, sizeX: 32, sizeY: 32, sizeZ: 1 }).readers, { datasetId: dataset.id });
  const job = await runToEnd({ IDs: [dataset.id] });
  assert.equal(job.status, "succeeded");
  assert.equal(job.outputs.Message, "Returned 2 images");
  assert.deepEqual(job.outputs.Image, { type: "Image", id: images[0]!.id });
  const stdout = (await call("GET", `/jobs/${job.id}/logs/stdout`)).json as string;
  for (const img of images) assert.match(stdout, new RegExp(`^---- Processing image ${img.id}$`, "m"));
});

test("an empty dataset: No images found", async () => {
  const empty = (await call("POST", "/datasets", { name: "empty" })).json;
  const job = await runToEnd({ Data_Type: "Dataset", IDs: [empty.id] });
  assert.equal(job.status, "succeeded");
  assert.deepEqual(job.outputs, { Message: "No images found" });
});

test("an unknown id is refused before a job exists, naming the parameter", async () => {
  const before = (await call("GET", "/jobs")).json.total as number;
  const res = await call("POST", `/scripts/${scriptId}/launch`, { inputs: { IDs: [987654] } });
  assert.equal(res.status, 400);
  assert.equal(res.json.error.code, "PARAM_INVALID");
  assert.deepEqual(res.json.error.details.map((d: { param: string; code: string }) => [d.param, d.code]), [["IDs[0]", "NOT_VISIBLE"]]);
  assert.equal((await call("GET", "/jobs")).json.total, before);
});

test("a wrong Data_Type is refused with the allowed values", async () => {
  const res = await call("POST", `/scripts/${scriptId}/launch`, { inputs: { Data_Type: "Image", IDs: [1] } });
  assert.equal(res.status, 400);
  assert.ok(res.json.error.details.some((d: { param: string; code: string }) => d.param === "Data_Type" && d.code === "NOT_ALLOWED"));
});
