/**
 * util_scripts/Hello_World_Python, the OMERO-style Hello World (`omero.scripts` + `BlitzGateway`),
 * through a real server, its runner and real python3 jobs: the same contract as the TypeScript
 * Hello_World (SCRIPTS.md §3), and outputs exactly as SPEC §5's conventions say (`Message` a
 * string, `Image` an object reference).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { siRnaHelaImages } from "../../packages/pixels/src/demo/index.ts";
import { startHarness, type Harness, type Json } from "./kymo-harness.ts";

let h: Harness;
let actor: Json;
let bearer: string;

before(async () => {
  h = await startHarness();
  const root = await h.server.repos.users.findByUsername("root");
  const session = await h.server.services.auth.openSession(root!, root!.defaultGroupId, "token");
  actor = session.auth.actor;
  bearer = `Bearer ${session.token}`;
});
after(async () => h?.close());

test("it is registered next to the TypeScript Hello_World, with the same parameters", async () => {
  const scripts = (await h.api("GET", "/scripts?folder=util_scripts&limit=1000")).items as Json[];
  const py = scripts.find((s) => s.name === "Hello_World_Python");
  const tsScript = scripts.find((s) => s.name === "Hello_World");
  assert.ok(py?.official && tsScript?.official, "both are official scripts");
  assert.deepEqual([py.language, py.title, py.folder], ["python", "Hello, World (Python)", "util_scripts"]);
  const params = async (id: number) => ((await h.api("GET", `/scripts/${id}/params`)).params as Json[])
    .map((p) => [p.name, p.type, p.element, p.values, p.default, p.grouping, p.optional ?? false]);
  assert.deepEqual(await params(py.id), await params(tsScript.id));
});

test("datasets with images: one log line per image (once each), Message and the first Image", async () => {
  const cells = await h.api("POST", "/datasets", { name: "cells" });
  const more = await h.api("POST", "/datasets", { name: "more cells" });
  const images = await h.server.services.imports.importReaders(actor, siRnaHelaImages({ count: 3, sizeX: 32, sizeY: 32, sizeZ: 1 }).readers, { datasetId: cells.id });
  await h.api("POST", `/datasets/${more.id}/images`, { imageId: images[1]!.id });
  const job = await h.run("Hello_World_Python", { IDs: [cells.id, more.id] });
  assert.equal(job.status, "succeeded", job.error ?? "");
  assert.deepEqual(job.outputs, { Message: "Returned 3 images", Image: { type: "Image", id: images[0]!.id } });
  const lines = job.stdout.split("\n").filter((l) => l.startsWith("---- Processing image"));
  assert.deepEqual(lines, images.map((img) => `---- Processing image ${img.id}`));
});

test("an empty dataset: No images found, and nothing else", async () => {
  const empty = await h.api("POST", "/datasets", { name: "empty" });
  const job = await h.run("Hello_World_Python", { Data_Type: "Dataset", IDs: [empty.id] });
  assert.equal(job.status, "succeeded", job.error ?? "");
  assert.deepEqual(job.outputs, { Message: "No images found" });
});

test("inputs are checked by the shared validator before a job exists", async () => {
  const script = ((await h.api("GET", "/scripts?folder=util_scripts&limit=1000")).items as Json[]).find((s) => s.name === "Hello_World_Python");
  for (const [inputs, param, code] of [[{ IDs: [987654] }, "IDs[0]", "NOT_VISIBLE"], [{ Data_Type: "Image", IDs: [1] }, "Data_Type", "NOT_ALLOWED"], [{}, "IDs", "MISSING"]] as const) {
    const res = await fetch(`${h.server.url}/api/v1/scripts/${script.id}/launch`, {
      method: "POST", headers: { "content-type": "application/json", authorization: bearer }, body: JSON.stringify({ inputs }),
    });
    assert.equal(res.status, 400);
    const body = await res.json() as Json;
    assert.equal(body.error.code, "PARAM_INVALID");
    assert.ok(body.error.details.some((d: Json) => d.param === param && d.code === code), JSON.stringify(body.error.details));
  }
});
