/** Exit codes and error output of whole invocations that fail before reaching any server. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli.ts";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function fovea(t: { after(fn: () => Promise<void>): void }, ...argv: string[]): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), "fovea-cli-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  let stdout = "";
  let stderr = "";
  const sink = (append: (s: string) => void) => ({ write: (s: string) => (append(s), true), isTTY: false }) as unknown as NodeJS.WriteStream;
  const code = await runCli(argv, {
    stdin: process.stdin,
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    // An unused port, so that a test that wrongly reaches the network fails fast.
    env: { FOVEA_CONFIG_DIR: dir, FOVEA_SERVER: "http://127.0.0.1:9" },
  }, "9.9.9");
  return { code, stdout, stderr };
}

test("--version prints the version and exits 0", async (t) => {
  const r = await fovea(t, "--version");
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim(), "9.9.9");
});

test("a malformed ref is a usage error (exit 2); with --json the envelope is on stdout", async (t) => {
  const r = await fovea(t, "ls", "Foo:1", "--json");
  assert.equal(r.code, 2);
  assert.equal(JSON.parse(r.stdout).error.code, "VALIDATION_FAILED");
  assert.match(r.stderr, /^error: "Foo:1" is not an object reference/);
});

test("commander's own parse errors exit 2 and honour --json", async (t) => {
  const unknown = await fovea(t, "obj", "new", "Project", "name=x", "--bogus");
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^error: unknown option '--bogus'/);
  const json = await fovea(t, "--json", "frobnicate");
  assert.equal(json.code, 2);
  assert.match(JSON.parse(json.stdout).error.message, /unknown command 'frobnicate'/);
  const missing = await fovea(t, "roi", "add", "Image:1");
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--file <path>/);
});

test("obj new without name= is a usage error", async (t) => {
  const r = await fovea(t, "obj", "new", "Dataset", "description=x");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /name=NAME is required/);
});

test("whoami without a login fails with exit 1 and says how to log in", async (t) => {
  const r = await fovea(t, "whoami");
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^error: not logged in to http:\/\/127\.0\.0\.1:9\nhint: run `fovea login -s http:\/\/127\.0\.0\.1:9 -u USER`/);
});

test("download Image:ID without a login fails with the error envelope on stdout", async (t) => {
  const r = await fovea(t, "download", "Image:3", "--json");
  assert.equal(r.code, 1);
  assert.match(JSON.parse(r.stdout).error.message, /not logged in/);
});

test("roi add refuses an invalid file before contacting the server, naming each field", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "fovea-roi-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, "bad.json");
  await writeFile(file, `{"shapes":[{"kind":"Rectangle","x":0,"y":0,"width":-1,"height":1e999}]}`);
  const r = await fovea(t, "roi", "add", "Image:1", "--file", file);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /roi\.shapes\[0\]\.width: must not be negative/);
  assert.match(r.stderr, /roi\.shapes\[0\]\.height: must be a finite number/);
});
