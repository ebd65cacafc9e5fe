// Runs the worked example of docs/writing-scripts.md through a real server, runner and job, and
// checks its CSV against statistics computed here from the generator's own planes.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { siRnaHelaImages } from "../../packages/pixels/src/demo/index.ts";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";

const EXAMPLE = join(import.meta.dirname, "..", "..", "docs", "examples", "Channel_Summary.ts");
let server: RunningServer;
let dir: string;
let auth: Record<string, string>;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method, headers: { ...auth, ...(body !== undefined && !(body instanceof FormData) && { "content-type": "application/json" }) },
    body: body instanceof FormData ? body : body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) as T;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "fovea-docs-"));
  server = await startServer(loadConfig({}, { dataDir: dir, port: 0, host: "127.0.0.1", adminPassword: "docs-example-pw", logLevel: "silent", workers: 1 }));
  const login = await (await fetch(`${server.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: "docs-example-pw" }) })).json() as { token: string };
  auth = { authorization: `Bearer ${login.token}` };
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the worked example uploads, runs, and its CSV holds the right statistics", async () => {
  const generated = siRnaHelaImages({ count: 2, sizeX: 48, sizeY: 40, sizeZ: 3 });
  const actor = (await server.services.auth.authenticate(auth.authorization!.slice(7))).actor;
  const images = await server.services.imports.importReaders(actor, generated.readers);

  const form = new FormData();
  form.append("official", "true");
  form.append("file", new Blob([readFileSync(EXAMPLE, "utf8")]), "Channel_Summary.ts");
  const script = await api<{ id: number; folder: string; params: { name: string }[] }>("POST", "/scripts", form);
  assert.equal(script.folder, "analysis_scripts");
  assert.deepEqual(script.params.map((p) => p.name), ["Data_Type", "IDs", "Include_Median", "Median_Label", "File_Name"]);

  const job = await api<{ id: number }>("POST", `/scripts/${script.id}/launch`, { inputs: { IDs: images.map((i) => i.id), Include_Median: true } });
  let state: { status: string; outputs: Record<string, { id?: number }>; error: string | null };
  for (;;) {
    state = await api("GET", `/jobs/${job.id}`);
    if (!["queued", "running"].includes(state.status)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(state.status, "succeeded", state.error ?? "");
  const csv = await api<string>("GET", `/annotations/${state.outputs.File_Annotation!.id}/file`);
  const rows = csv.trim().split("\n").map((line) => line.split(","));
  assert.deepEqual(rows[0], ["image_id", "image_name", "channel", "z", "min", "max", "mean", "median"]);
  assert.equal(rows.length - 1, images.length * 4);

  // Independent computation from the generator's planes (not through the store or the script).
  let r = 1;
  for (const [i, reader] of generated.readers.entries()) {
    for (let c = 0; c < 4; c++) {
      const plane = Array.from((await reader.readPlane(1, c, 0)).data as Uint16Array);
      const sorted = [...plane].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      const expected = [Math.min(...plane), Math.max(...plane), plane.reduce((a, b) => a + b, 0) / plane.length, (sorted[mid - 1]! + sorted[mid]!) / 2];
      const row = rows[r++]!;
      assert.equal(Number(row[0]), images[i]!.id);
      assert.equal(row[3], "2");
      assert.deepEqual(row.slice(4).map(Number), expected);
    }
  }
});

test("a grouped child parameter is not required while its checkbox is off", async () => {
  const scripts = await api<{ items: { id: number; name: string }[] }>("GET", "/scripts");
  const id = scripts.items.find((s) => s.name === "Channel_Summary")!.id;
  const res = await fetch(`${server.url}/api/v1/scripts/${id}/launch`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ inputs: { IDs: [999999] } }) });
  const body = await res.json() as { error: { code: string; details: { param: string; code: string }[] } };
  assert.equal(res.status, 400);
  assert.equal(body.error.code, "PARAM_INVALID");
  assert.deepEqual(body.error.details.map((d) => [d.param, d.code]), [["IDs[0]", "NOT_VISIBLE"]]);
});
