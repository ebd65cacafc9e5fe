import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { isFoveaError, type FieldIssue } from "@fovea/model";
import { groupGone, newTestRunner, type TestRunner } from "./testing.ts";

const SDK = `import { defineScript, p } from "@fovea/sdk";\n`;

describe("describe mode", () => {
  let t: TestRunner;
  const token = process.env.FOVEA_TOKEN;
  before(async () => {
    t = await newTestRunner({ describeTimeoutMs: 2000 });
    // The server's own environment must never reach a script, whatever it holds.
    process.env.FOVEA_TOKEN = "server-side-secret";
  });
  after(async () => {
    if (token === undefined) delete process.env.FOVEA_TOKEN;
    else process.env.FOVEA_TOKEN = token;
    assert.deepEqual(await t.leftovers(), [], "every job directory is removed");
    await t.close();
  });

  async function describeSource(source: string) {
    return t.runner.describe("typescript", await t.prepare(source, "Script.ts"));
  }

  async function invalid(source: string): Promise<{ message: string; details: unknown }> {
    try {
      await describeSource(source);
    } catch (err) {
      assert.ok(isFoveaError(err, "SCRIPT_INVALID"), `expected SCRIPT_INVALID, got ${String(err)}`);
      return { message: err.message, details: err.details };
    }
    assert.fail("expected SCRIPT_INVALID");
  }

  test("returns the declaration: metadata and params in order, with every option", async () => {
    const decl = await describeSource(`${SDK}
export default defineScript({
  name: "Batch ROI Export", folder: "export_scripts", description: "Exports ROIs.", authors: ["Fovea Team"],
  institutions: ["Somewhere"], contact: "team@example.org", version: "1.0.0", timeoutSeconds: 600, memoryMb: 512, rerunnable: true,
  params: {
    Data_Type: p.string({ values: ["Project", "Dataset", "Image"], default: "Image", grouping: "1" }),
    IDs: p.list(p.long(), { grouping: "2", description: "Object IDs." }),
    Channels: p.list(p.int({ min: 1 }), { default: [1, 2, 3, 4], grouping: "3" }),
    Export_All_Planes: p.bool({ default: false, grouping: "4" }),
    Planes_Limit: p.int({ optional: true, min: 1, max: 100, grouping: "4.1" }),
    Tint: p.color({ default: "#ff0000" }),
    Pairs: p.map({ optional: true }),
    Target: p.object(["Image", "Dataset"], { optional: true }),
    Table: p.file({ optional: true }),
  },
  run: () => ({}),
});`);
    assert.deepEqual(decl, {
      name: "Batch ROI Export", description: "Exports ROIs.", folder: "export_scripts", authors: ["Fovea Team"],
      institutions: ["Somewhere"], contact: "team@example.org", version: "1.0.0", timeoutSeconds: 600, memoryMb: 512, rerunnable: true,
      params: [
        { name: "Data_Type", type: "string", default: "Image", values: ["Project", "Dataset", "Image"], grouping: "1" },
        { name: "IDs", type: "list", element: "long", description: "Object IDs.", grouping: "2" },
        { name: "Channels", type: "list", element: "int", default: [1, 2, 3, 4], min: 1, grouping: "3" },
        { name: "Export_All_Planes", type: "bool", default: false, grouping: "4" },
        { name: "Planes_Limit", type: "int", optional: true, min: 1, max: 100, grouping: "4.1" },
        { name: "Tint", type: "color", default: "#ff0000" },
        { name: "Pairs", type: "map", optional: true },
        { name: "Target", type: "object", objectTypes: ["Image", "Dataset"], optional: true },
        { name: "Table", type: "file", optional: true },
      ],
    });
  });

  test("a declaration that fails validation is SCRIPT_INVALID listing every offending field", async () => {
    const { message, details } = await invalid(`${SDK}
export default defineScript({
  name: "", folder: "bad folder!",
  params: {
    "bad-name": p.string(),
    A: p.int({ grouping: "1", min: 5, max: 1 }),
    B: p.int({ grouping: "1", default: 0, values: [1, 2] }),
  },
  run: () => ({}),
});`);
    const fields = (details as FieldIssue[]).map((d) => d.field);
    assert.ok(fields.includes("name"), message);
    assert.ok(fields.includes("folder"), message);
    assert.ok(fields.includes("params[0].name"), message);
    assert.match(message, /^invalid declaration: /);
    for (const field of fields) assert.ok(message.includes(field), `the message names ${field}: ${message}`);

    // Semantic checks (after the schema passes) are listed the same way.
    const semantic = await invalid(`${SDK}
export default defineScript({ name: "S", params: {
  A: p.int({ grouping: "1", min: 5, max: 1 }),
  B: p.int({ grouping: "1", default: 0, values: [1, 2] }),
}, run: () => ({}) });`);
    assert.match(semantic.message, /params\[0\]\.min: min 5 is above max 1/);
    assert.match(semantic.message, /params\[1\]\.grouping: grouping 1 is already used by A/);
    assert.match(semantic.message, /params\[1\]\.default: .*one of 1, 2/);
  });

  test("a script that throws at its top level is SCRIPT_INVALID with its own message and stack", async () => {
    const { message } = await invalid(`${SDK}\nthrow new Error("no config for you");\nexport default defineScript({ name: "x", params: {}, run: () => ({}) });`);
    assert.match(message, /no config for you/);
    assert.match(message, /exited with code 1/);
  });

  test("a script that never calls defineScript is SCRIPT_INVALID: no declaration", async () => {
    const { message } = await invalid(`console.log("I am not a Fovea script");`);
    assert.match(message, /sent no declaration.*defineScript/);
  });

  test("work at the top level that never ends is SCRIPT_INVALID after the describe timeout", async () => {
    const started = performance.now();
    const { message } = await invalid(`${SDK}\nfor (;;) {}\n`);
    assert.match(message, /did not finish within 2000 ms/);
    assert.ok(performance.now() - started < 5000);
    assert.ok(groupGone(t.pids.at(-1)!), "the describe process group is gone");
  });

  test("describe mode sees only the scrubbed environment: never FOVEA_TOKEN, never the server's variables", async () => {
    const decl = await describeSource(`${SDK}
export default defineScript({ name: "Env", description: JSON.stringify({ env: process.env, cwd: process.cwd() }), params: {}, run: () => ({}) });`);
    const { env, cwd } = JSON.parse(decl.description!) as { env: Record<string, string>; cwd: string };
    assert.deepEqual(Object.keys(env).sort(), ["FOVEA_MODE", "HOME", "LANG", "PATH", "TMPDIR", "TZ"]);
    assert.equal(env.FOVEA_MODE, "describe");
    assert.equal(env.LANG, "C.UTF-8");
    assert.equal(env.TZ, "UTC");
    assert.equal(env.HOME, cwd);
    assert.equal(env.TMPDIR, cwd);
    assert.ok(cwd.startsWith(t.workRoot), `cwd ${cwd} is a job directory under the work root`);
  });
});
