// A Python script end to end through a real server: uploaded as a .py file (syntax-checked and
// described by python3), launched, run as a job process that reads planes through the API with its
// job token, attaches a CSV and returns outputs. Then a script with a syntax error is refused.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { siRnaHelaImages } from "../../packages/pixels/src/demo/index.ts";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";

const SCRIPT = `"""Mean intensity of one channel per image, as a CSV attached to the dataset."""
from fovea_sdk import define_script, p


def run(ctx, inputs):
    images = ctx.images.of_datasets(inputs["IDs"])
    rows = ["image_id,channel,mean,max"]
    for i, image in enumerate(images):
        plane = ctx.pixels.plane(image["id"], z=0, c=inputs["Channel"] - 1, t=0)
        rows.append("%d,%d,%.6f,%d" % (image["id"], inputs["Channel"], plane.mean(), plane.max()))
        ctx.progress((i + 1) / len(images), "image %d" % image["id"])
        ctx.log("---- Processing image", image["id"])
    ref = ctx.attach_file(inputs["File_Name"], "\\n".join(rows) + "\\n",
                          to=[ctx.ref("Dataset", d) for d in inputs["IDs"]], mime_type="text/csv")
    return {"Message": "Measured %d images" % len(images), "File_Annotation": ref, "Image": ctx.ref("Image", images[0]["id"])}


define_script(
    name="Channel Means", folder="analysis_scripts", authors=["Fovea"], version="1.0",
    params=[
        p.string("Data_Type", values=["Dataset"], default="Dataset", grouping="1"),
        p.list("IDs", p.long(), grouping="2"),
        p.int("Channel", default=1, min=1, max=4, grouping="3"),
        p.string("File_Name", default="means.csv", grouping="4"),
    ],
    run=run,
)
`;

let server: RunningServer;
let dir: string;
let auth: Record<string, string>;

async function api<T>(method: string, path: string, body?: unknown, expectOk = true): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method, headers: { ...auth, ...(body !== undefined && !(body instanceof FormData) && { "content-type": "application/json" }) },
    body: body instanceof FormData ? body : body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (expectOk && !res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return { status: res.status, body: (text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) as T };
}

function upload(name: string, source: string): FormData {
  const form = new FormData();
  form.append("official", "true");
  form.append("file", new Blob([source]), name);
  return form;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "fovea-python-e2e-"));
  server = await startServer(loadConfig({}, { dataDir: dir, port: 0, host: "127.0.0.1", adminPassword: "python-e2e-pw", logLevel: "silent", workers: 1 }));
  const login = await (await fetch(`${server.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: "python-e2e-pw" }) })).json() as { token: string };
  auth = { authorization: `Bearer ${login.token}` };
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("a Python script uploads, launches, succeeds and its CSV holds the right numbers", async () => {
  const generated = siRnaHelaImages({ count: 2, sizeX: 32, sizeY: 24, sizeZ: 1 });
  const actor = (await server.services.auth.authenticate(auth.authorization!.slice(7))).actor;
  const images = await server.services.imports.importReaders(actor, generated.readers);
  const dataset = (await api<{ id: number }>("POST", "/datasets", { name: "python-e2e" })).body;
  for (const image of images) await api("POST", `/datasets/${dataset.id}/images`, { imageId: image.id });

  const script = (await api<{ id: number; language: string; folder: string; params: { name: string }[] }>("POST", "/scripts", upload("Channel_Means.py", SCRIPT))).body;
  assert.equal(script.folder, "analysis_scripts");
  assert.deepEqual(script.params.map((x) => x.name), ["Data_Type", "IDs", "Channel", "File_Name"]);

  const job = (await api<{ id: number }>("POST", `/scripts/${script.id}/launch`, { inputs: { IDs: [dataset.id], Channel: 2 } })).body;
  let state: { status: string; outputs: Record<string, { type?: string; id?: number } | string>; error: string | null };
  for (;;) {
    state = (await api<typeof state>("GET", `/jobs/${job.id}`)).body;
    if (!["queued", "running"].includes(state.status)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(state.status, "succeeded", state.error ?? "");
  assert.equal(state.outputs.Message, "Measured 2 images");
  assert.deepEqual(state.outputs.Image, { type: "Image", id: images[0]!.id });
  const file = state.outputs.File_Annotation as { type: string; id: number };
  assert.equal(file.type, "FileAnnotation");
  const csv = (await api<string>("GET", `/annotations/${file.id}/file`)).body;
  const rows = csv.trim().split("\n").map((line) => line.split(","));
  assert.deepEqual(rows[0], ["image_id", "channel", "mean", "max"]);
  assert.equal(rows.length, 3);
  for (const [i, reader] of generated.readers.entries()) {
    const plane = Array.from((await reader.readPlane(0, 1, 0)).data as Uint16Array);
    const row = rows[i + 1]!;
    assert.equal(Number(row[0]), images[i]!.id);
    assert.ok(Math.abs(Number(row[2]) - plane.reduce((a, b) => a + b, 0) / plane.length) < 1e-5);
    assert.equal(Number(row[3]), Math.max(...plane));
  }
});

test("a Python script with a syntax error is refused at upload with the Python error line", async () => {
  const res = await api<{ error: { code: string; message: string } }>("POST", "/scripts", upload("Broken.py", "from fovea_sdk import define_script\n\ndef run(ctx, inputs)\n    return {}\n"), false);
  assert.equal(res.status, 422, JSON.stringify(res.body));
  assert.equal(res.body.error.code, "SCRIPT_INVALID");
  assert.match(res.body.error.message, /Broken\.py:3:\d+: SyntaxError: (expected ':'|invalid syntax)/);
});
