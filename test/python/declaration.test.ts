// The Python SDK emits exactly the declaration JSON of the TypeScript SDK (same fields, same
// order) for every parameter type and option, and that JSON passes the model's validateDeclaration.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { validateDeclaration } from "@fovea/model";
import { p, toDeclaration, type ScriptDefinition, type Params } from "@fovea/sdk";

const SDK_DIR = fileURLToPath(new URL("../../packages/sdk-python", import.meta.url));

/** The declaration a Python snippet defines (its last define_script), as the SDK would send it. */
function pythonDeclaration(code: string): unknown {
  const program = `import sys, json\nsys.path.insert(0, sys.argv[1])\nfrom fovea_sdk import define_script, p\n${code}\nfrom fovea_sdk.script import defined_scripts\nprint(json.dumps(defined_scripts()[-1].declaration))\n`;
  const res = spawnSync("python3", ["-I", "-B", "-c", program, SDK_DIR], { encoding: "utf8" });
  assert.equal(res.status, 0, res.stderr);
  return JSON.parse(res.stdout);
}

const PY = `
define_script(
    name="Every Type", description="All parameter types", folder="analysis_scripts/tests",
    authors=["A. Author", "B. Author"], institutions=["Lab"], contact="a@example.org", version="2.1",
    timeout_seconds=600, memory_mb=512, rerunnable=False,
    params=[
        p.string("Data_Type", description="what the IDs are", values=["Dataset", "Image"], default="Dataset", grouping="1"),
        p.list("IDs", p.long(min=1), grouping="2"),
        p.long("Big", optional=True, min=0, max=10**12, grouping="3"),
        p.int("Channel", default=1, min=1, max=4, grouping="4"),
        p.float("Scale", default=0.5, min=0.0, max=1.5, grouping="5"),
        p.bool("Export_All", default=False, grouping="6"),
        p.bool("Sub_Option", default=True, grouping="6.1"),
        p.color("Colour", default="#FF0000", grouping="7"),
        p.map("Tags", optional=True, default={"k": "v"}, grouping="8"),
        p.object("Target", ["Image", "Dataset"], description="one object", optional=True, grouping="9"),
        p.list("Targets", p.object(["Roi"]), optional=True, grouping="10"),
        p.list("Channels", p.int(), values=[1, 2, 3, 4], default=[1, 2], grouping="11"),
        p.list("Names", p.string(values=["a", "b"]), grouping="12"),
        p.list("Colours", p.color(), optional=True),
        p.list("Flags", p.bool(), optional=True),
        p.list("Weights", p.float(min=0, max=1), optional=True),
        p.file("Input_File", optional=True, description="a CSV"),
    ],
    run=lambda ctx, inputs: None,
)`;

const TS: ScriptDefinition<Params> = {
  name: "Every Type", description: "All parameter types", folder: "analysis_scripts/tests",
  authors: ["A. Author", "B. Author"], institutions: ["Lab"], contact: "a@example.org", version: "2.1",
  timeoutSeconds: 600, memoryMb: 512, rerunnable: false,
  params: {
    Data_Type: p.string({ description: "what the IDs are", values: ["Dataset", "Image"], default: "Dataset", grouping: "1" }),
    IDs: p.list(p.long({ min: 1 }), { grouping: "2" }),
    Big: p.long({ optional: true, min: 0, max: 10 ** 12, grouping: "3" }),
    Channel: p.int({ default: 1, min: 1, max: 4, grouping: "4" }),
    Scale: p.float({ default: 0.5, min: 0.0, max: 1.5, grouping: "5" }),
    Export_All: p.bool({ default: false, grouping: "6" }),
    Sub_Option: p.bool({ default: true, grouping: "6.1" }),
    Colour: p.color({ default: "#FF0000", grouping: "7" }),
    Tags: p.map({ optional: true, default: { k: "v" }, grouping: "8" }),
    Target: p.object(["Image", "Dataset"], { description: "one object", optional: true, grouping: "9" }),
    Targets: p.list(p.object(["Roi"]), { optional: true, grouping: "10" }),
    Channels: p.list(p.int(), { values: [1, 2, 3, 4], default: [1, 2], grouping: "11" }),
    Names: p.list(p.string({ values: ["a", "b"] }), { grouping: "12" }),
    Colours: p.list(p.color(), { optional: true }),
    Flags: p.list(p.bool(), { optional: true }),
    Weights: p.list(p.float({ min: 0, max: 1 }), { optional: true }),
    Input_File: p.file({ optional: true, description: "a CSV" }),
  },
  run: () => undefined,
};

test("every parameter type: the Python declaration is the TypeScript one, byte for byte, and valid", () => {
  const py = pythonDeclaration(PY);
  const ts = toDeclaration(TS);
  assert.deepEqual(validateDeclaration(py), []);
  assert.equal(JSON.stringify(py), JSON.stringify(ts), "same fields in the same order");
  const types = new Set((py as { params: { type: string; element?: string }[] }).params.flatMap((x) => [x.type, x.element ?? x.type]));
  for (const t of ["string", "long", "int", "float", "bool", "list", "map", "color", "object", "file"]) assert.ok(types.has(t), t);
});

test("names may come from a dict of params, as in the TypeScript SDK; the decorator form is the same script", () => {
  const fromDict = pythonDeclaration(`define_script(name="D", params={"IDs": p.list(p.long()), "N": p.int(default=3)}, run=lambda c, i: None)`);
  const decorated = pythonDeclaration(`@define_script(name="D", params=[p.list("IDs", p.long()), p.int("N", default=3)])\ndef main(ctx, inputs):\n    pass`);
  const expected = { name: "D", params: [{ name: "IDs", type: "list", element: "long" }, { name: "N", type: "int", default: 3 }] };
  assert.deepEqual(fromDict, expected);
  assert.deepEqual(decorated, expected);
  assert.deepEqual(validateDeclaration(fromDict), []);
});

test("mistakes in the Python builders are TypeErrors at definition time", () => {
  for (const [code, pattern] of [
    ['p.string("A", maximum=3)', /unknown parameter option maximum/],
    ['define_script(name="X", params=[p.int()], run=print)', /has no name/],
    ['define_script(name="X", params=[], run=print, timeout=3)', /unknown script field timeout/],
    ["p.list(\"L\", 3)", /needs an element parameter/],
  ] as const) {
    const res = spawnSync("python3", ["-I", "-B", "-c", `import sys\nsys.path.insert(0, sys.argv[1])\nfrom fovea_sdk import define_script, p\n${code}`, SDK_DIR], { encoding: "utf8" });
    assert.notEqual(res.status, 0, code);
    assert.match(res.stderr, pattern, code);
  }
});
