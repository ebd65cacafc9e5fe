/**
 * `fovea script run FILE.py …` (local mode) against a real server: the CLI (in process, through
 * runCli) reads the Python script's declaration with python3, checks the NAME=VALUE inputs with
 * the shared validator, runs it in the runner's isolated child process with the caller's own
 * session, and prints its outputs; nothing is uploaded and no job is recorded. Run on an SDK-style
 * script (the official Plot_Profile.py), an OMERO-style one (Hello_World_Python.py), and scripts
 * that fail.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";
import { runCli } from "../../apps/cli/src/run-cli.ts";
import { siRnaHelaImages } from "../../packages/pixels/src/demo/index.ts";

type Json = any;
const OFFICIAL = join(import.meta.dirname, "..", "..", "scripts", "official");
const PASSWORD = "script-run-py-pw";

let server: RunningServer;
let dir: string;
let token: string;
let image: Json;
let dataset: Json;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function fovea(...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const sink = (append: (s: string) => void) => ({ write: (s: string) => (append(s), true), isTTY: false }) as unknown as NodeJS.WriteStream;
  const code = await runCli(argv, {
    stdin: process.stdin,
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: { FOVEA_CONFIG_DIR: join(dir, "config") },
  }, "0.0.0-test");
  return { code, stdout, stderr };
}

async function api(method: string, path: string, body?: unknown): Promise<Json> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "fovea-script-run-py-"));
  server = await startServer(loadConfig({}, { dataDir: join(dir, "data"), port: 0, host: "127.0.0.1", adminPassword: PASSWORD, logLevel: "silent", workers: 1 }));
  const login = await fovea("login", "-s", server.url, "-u", "root", "-w", PASSWORD);
  assert.equal(login.code, 0, login.stderr);
  token = ((await (await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: PASSWORD }),
  })).json()) as { token: string }).token;
  const actor = (await server.services.auth.authenticate(token)).actor;
  dataset = await api("POST", "/datasets", { name: "local runs" });
  [image] = await server.services.imports.importReaders(actor, siRnaHelaImages({ count: 1, sizeX: 40, sizeY: 32, sizeZ: 1 }).readers, { datasetId: dataset.id });
  await api("POST", `/images/${image.id}/rois`, { shapes: [{ kind: "Line", x1: 2.5, y1: 3.5, x2: 30, y2: 20.25 }] });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("fovea script run FILE.py", () => {
  test("an SDK-style script: inputs as NAME=VALUE, progress and logs on stderr with --json, outputs on stdout; no job", async () => {
    const jobsBefore = (await api("GET", "/jobs")).total;
    const r = await fovea("script", "run", join(OFFICIAL, "analysis_scripts", "Plot_Profile.py"), `IDs=${image.id}`, "Line_Width=3", "Sum_or_Average=Sum", "--json");
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.status, "succeeded");
    assert.equal(doc.outputs.Message, `Wrote ${image.sizeC} profiles to Plot_Profile_${image.id}.csv.`);
    assert.match(r.stderr, new RegExp(`^---- Processing image ${image.id} `, "m"));
    assert.match(r.stderr, /^\[100%\] done$/m);
    const csv = await api("GET", `/annotations/${doc.outputs.File_Annotation.id}/file`) as string;
    assert.equal(csv.split("\n")[0]!.split(",").slice(0, 7).join(","), "Image_ID,ROI_ID,Shape_ID,Z,T,C,0");
    assert.equal((await api("GET", "/jobs")).total, jobsBefore, "no job is recorded");
    assert.equal((await api("GET", "/scripts?limit=1000")).items.filter((s: Json) => s.name === "Plot_Profile").length, 1, "nothing is uploaded");
  });

  test("an OMERO-style script, for people: the status and each output", async () => {
    const r = await fovea("script", "run", join(OFFICIAL, "util_scripts", "Hello_World_Python.py"), `IDs=${dataset.id}`);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `---- Processing image ${image.id}\nsucceeded\n  Message: Returned 1 images\n  Image: {"type":"Image","id":${image.id}}\n`);
  });

  test("the Python example of docs/writing-scripts.md §5 runs as written", async () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "writing-scripts.md"), "utf8");
    const source = /## 5\. Python[\s\S]*?```python\n([\s\S]*?)```/.exec(doc)![1]!;
    const file = join(dir, "Line_Means.py");
    writeFileSync(file, source);
    const r = await fovea("script", "run", file, `IDs=${image.id}`, "Line_Width=3", "--json");
    assert.equal(r.code, 0, r.stderr);
    const { outputs } = JSON.parse(r.stdout);
    assert.equal(outputs.Message, "Measured 1 lines");
    const csv = (await api("GET", `/annotations/${outputs.File_Annotation.id}/file`) as string).trim().split("\n");
    assert.equal(csv[0], "image_id,shape_id,mean");
    assert.match(csv[1]!, new RegExp(`^${image.id},\\d+,\\d+\\.\\d{3}$`));
  });

  test("inputs are checked against the Python declaration before anything runs", async () => {
    const r = await fovea("script", "run", join(OFFICIAL, "analysis_scripts", "Plot_Profile.py"), `IDs=${image.id}`, "Line_Width=0", "Sum_or_Average=Median", "--json");
    assert.equal(r.code, 1);
    const { error } = JSON.parse(r.stdout);
    assert.equal(error.code, "PARAM_INVALID");
    assert.deepEqual(error.details.map((d: Json) => [d.param, d.code]).sort(), [["Line_Width", "OUT_OF_RANGE"], ["Sum_or_Average", "NOT_ALLOWED"]]);
  });

  test("a Python syntax error is refused with the Python error line; an exception fails with the traceback on stderr", async () => {
    const broken = join(dir, "Broken.py");
    writeFileSync(broken, "from fovea_sdk import define_script\n\ndef run(ctx, inputs)\n    return {}\n");
    const bad = await fovea("script", "run", broken);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Broken\.py:3:\d+: SyntaxError/);
    const failing = join(dir, "Failing.py");
    writeFileSync(failing, [
      "from fovea_sdk import define_script", "", "def explode(n):", "    raise ValueError('no pixels for %d' % n)", "",
      "define_script(name='Failing', params=[], run=lambda ctx, inputs: explode(7))", "",
    ].join("\n"));
    const r = await fovea("script", "run", failing);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^failed: ValueError: no pixels for 7$/m);
    // The runner copies the file into the job directory as script.py, which the traceback names.
    assert.match(r.stderr, /Traceback \(most recent call last\):[\s\S]*script\.py", line 4, in explode\n    raise ValueError[\s\S]*ValueError: no pixels for 7/);
  });
});
