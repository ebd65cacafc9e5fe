import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isFoveaError } from "@fovea/model";
import { newTestRunner, type TestRunner } from "./testing.ts";

const HELLO = `
import { defineScript, p } from "@fovea/sdk";
export default defineScript({
  name: "Hello", folder: "util_scripts",
  params: { IDs: p.list(p.long()) },
  run: (ctx, { IDs }) => ({ Message: \`\${IDs.length} ids\` }),
});
`;

async function expectInvalid(promise: Promise<unknown>, pattern: RegExp): Promise<string> {
  try {
    await promise;
  } catch (err) {
    assert.ok(isFoveaError(err, "SCRIPT_INVALID"), `expected SCRIPT_INVALID, got ${String(err)}`);
    assert.match((err as Error).message, pattern);
    return (err as Error).message;
  }
  assert.fail("expected SCRIPT_INVALID");
}

describe("prepare", () => {
  let t: TestRunner;
  before(async () => (t = await newTestRunner()));
  after(() => t.close());

  test("bundles a TypeScript script with the SDK into one self-contained ESM file", async () => {
    const runnable = await t.prepare(HELLO, "Hello_World.ts");
    assert.doesNotMatch(runnable, /from\s*["']@fovea\//, "the SDK is inlined, not imported");
    assert.ok(runnable.length < 200_000, `the bundle stays small (${runnable.length} bytes): unused model schemas are dropped`);
    assert.deepEqual(await t.leftovers(), [], "prepare writes nothing");
  });

  test("a bundle runs by itself with `node script.mjs` (describe mode by hand)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fovea-bundle-"));
    try {
      const file = join(dir, "script.mjs");
      await writeFile(file, await t.prepare(HELLO));
      const child = spawn(process.execPath, [file], { env: { PATH: process.env.PATH ?? "", FOVEA_MODE: "describe" }, stdio: ["ignore", "pipe", "pipe", "pipe"] });
      let fd3 = "";
      child.stdio[3]!.on("data", (c: Buffer) => (fd3 += c.toString()));
      const code = await new Promise((resolve) => child.on("close", resolve));
      assert.equal(code, 0);
      const msg = JSON.parse(fd3.trim()) as { type: string; declaration: { name: string; params: unknown[] } };
      assert.equal(msg.type, "declaration");
      assert.deepEqual(msg.declaration, { name: "Hello", folder: "util_scripts", params: [{ name: "IDs", type: "list", element: "long" }] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("npm packages are bundled in, CommonJS ones too (their require of Node built-ins works)", async () => {
    // commander (the CLI's dependency) is CommonJS and requires node:events, node:path, node:fs…
    const runnable = await t.prepare(`import { defineScript } from "@fovea/sdk";
import { Command } from "commander";
export default defineScript({ name: "Deps", params: {}, run: () => ({ Name: new Command("analyse").name() }) });`);
    const end = await t.runner.run({
      language: "typescript", runnable, inputs: {}, jobId: 1, serverUrl: "http://127.0.0.1:9", token: "t", timeoutMs: 10_000,
      memoryMb: 128, signal: new AbortController().signal,
    }, { progress() {}, log() {} });
    assert.deepEqual(end, { status: "succeeded", outputs: { Name: "analyse" }, exitCode: 0 });
  });

  test("plain JavaScript is bundled too", async () => {
    const runnable = await t.runner.prepare("javascript", HELLO.replace("(ctx, { IDs })", "(ctx, inputs)").replace("IDs.length", "inputs.IDs.length"), "hello.js");
    const decl = await t.runner.describe("javascript", runnable);
    assert.equal(decl.name, "Hello");
  });

  test("a syntax error is SCRIPT_INVALID naming the file, line and column", async () => {
    const source = `import { defineScript } from "@fovea/sdk";\nconst a = 1;\nconst b = ;\n`;
    const message = await expectInvalid(t.prepare(source, "Broken.ts"), /Broken\.ts:3:10/);
    assert.match(message, /Unexpected ";"/);
  });

  test("a type-level-only mistake is not a compile error (esbuild strips types; tsc is the author's check)", async () => {
    await t.prepare(`import { defineScript } from "@fovea/sdk";\nconst n: number = "text";\nexport default defineScript({ name: "x", params: {}, run: () => ({}) });\n`);
  });

  test("an unknown package is SCRIPT_INVALID with esbuild's text", async () => {
    await expectInvalid(t.prepare(`import x from "no-such-package-fovea";\nconsole.log(x);\n`, "Missing.ts"), /Missing\.ts:1:\d+[\s\S]*no-such-package-fovea/);
  });

  test("imports by path are refused, so bundling cannot inline the server's files", async () => {
    for (const spec of ["./helper.ts", "../config.json", "/etc/hostname", "file:///etc/hostname", "esbuild/../../package.json"]) {
      await expectInvalid(t.prepare(`import x from ${JSON.stringify(spec)};\nconsole.log(x);\n`), /may import only packages/);
    }
  });

  test("Python is stored as it is (described and run by python-runner.ts: python.test.ts)", async () => {
    const source = "print('hi')\n";
    assert.equal(await t.runner.prepare("python", source, "x.py"), source);
  });
});
