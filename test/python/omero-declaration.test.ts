// The OMERO layer's translation, in real python3 processes (no server): scripts.client(...) in
// describe mode emits exactly the declaration the TypeScript SDK makes for the same parameters;
// run mode hands out inputs as OMERO does (rtypes, or plain values with unwrap=True) and turns
// setOutput values into SPEC §5 outputs; rtypes, model objects and unsupported names behave.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { validateDeclaration } from "@fovea/model";
import { p, toDeclaration, type Params, type ScriptDefinition } from "@fovea/sdk";

const SDK_DIR = fileURLToPath(new URL("../../packages/sdk-python", import.meta.url));
const BOOTSTRAP = "import sys; sys.path.insert(0, sys.argv.pop(1)); from fovea_sdk.launch import main; main()";

interface Launched { status: number | null; stdout: string; stderr: string; messages: { type: string; [k: string]: unknown }[] }

/** Runs `source` as the runner does (the launcher, FOVEA_MODE, protocol on fd 3) in a fresh directory. */
function launch(source: string, mode: "describe" | "run", inputs: Record<string, unknown> = {}): Launched {
  const dir = mkdtempSync(join(tmpdir(), "fovea-omero-decl-"));
  try {
    writeFileSync(join(dir, "script.py"), source);
    writeFileSync(join(dir, "inputs.json"), JSON.stringify(inputs));
    const env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, FOVEA_MODE: mode, FOVEA_JOB_ID: "7",
      FOVEA_SERVER_URL: "http://127.0.0.1:9", FOVEA_TOKEN: "t", FOVEA_INPUTS_FILE: join(dir, "inputs.json"),
    };
    const res = spawnSync("python3", ["-I", "-B", "-X", "utf8", "-c", BOOTSTRAP, SDK_DIR, join(dir, "script.py")], {
      cwd: dir, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe", "pipe"], timeout: 20_000,
    });
    const fd3 = (res.output[3] ?? "") as string;
    return { status: res.status, stdout: res.stdout, stderr: res.stderr, messages: fd3.split("\n").filter(Boolean).map((l) => JSON.parse(l)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const EVERY_TYPE = `
import omero
import omero.scripts as scripts
from omero.rtypes import rbool, rint, rlist, rlong, rstring
from omero.model import RoiI

client = scripts.client(
    "Every_Type.py", """All parameter types""",
    scripts.String("Data_Type", False, False, "what the IDs are", "Dataset",
                   values=rlist([rstring("Dataset"), rstring("Image")]), grouping="1"),
    scripts.List("IDs", optional=False, grouping="2").ofType(scripts.Long("id", min=1)),
    scripts.Long("Big", min=0, max=10 ** 12, grouping="3"),
    scripts.Int("Channel", optional=False, default=rint(1), min=1, max=4, grouping="4"),
    scripts.Float("Scale", optional=False, default=0.5, min=0.0, max=1.5, grouping="5"),
    scripts.Bool("Export_All", optional=False, default=rbool(False), grouping="6"),
    scripts.Bool("Sub_Option", optional=False, default=True, grouping="6.1"),
    scripts.Color("Colour", optional=False, default="#FF0000", grouping="7"),
    scripts.Map("Tags", default={"k": "v"}, grouping="8"),
    scripts.Object("Target", types=["Image", "Dataset"], description="one object", grouping="9"),
    scripts.List("Targets", grouping="10").ofType(RoiI),
    scripts.List("Channels", optional=False, values=[rint(1), rint(2), rint(3), rint(4)], default=[1, 2],
                 grouping="11").ofType(rint(0)),
    scripts.List("Names", optional=False, grouping="12").ofType(scripts.String("n", values=[rstring("a"), rstring("b")])),
    scripts.List("Colours").ofType(scripts.Color("c")),
    scripts.Set("Flags").ofType(rbool(False)),
    scripts.List("Weights", min=0, max=1).ofType(scripts.Double("w")),
    scripts.String("Result", out=True, description="an output: OMERO declares them, Fovea does not"),
    authors="A. Author", institutions=["Lab"], contact="a@example.org", version=2.1,
    folder="analysis_scripts/tests", timeout_seconds=600, memory_mb=512, rerunnable=False,
    namespaces=["openmicroscopy.org/omero/dynamic"],
)
raise RuntimeError("describe mode must stop at scripts.client()")
`;

const TS: ScriptDefinition<Params> = {
  name: "Every Type", description: "All parameter types", folder: "analysis_scripts/tests",
  authors: ["A. Author"], institutions: ["Lab"], contact: "a@example.org", version: "2.1",
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
  },
  run: () => undefined,
};

test("describe mode: scripts.client(...) sends the TypeScript SDK's declaration, byte for byte, and stops the script", () => {
  const r = launch(EVERY_TYPE, "describe");
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.messages.length, 1);
  const decl = r.messages[0]!.declaration;
  assert.deepEqual(validateDeclaration(decl), []);
  assert.equal(JSON.stringify(decl), JSON.stringify(toDeclaration(TS)), "same fields in the same order");
});

test("declaration mistakes are errors at describe time, naming the parameter and the option", () => {
  for (const [code, pattern] of [
    ['scripts.String("Name", grouping="1", defualt="a")', /TypeError: String\('Name'\): unknown option defualt/],
    ['scripts.List("IDs").ofType(object())', /TypeError: List\('IDs'\)\.ofType\(<object object at .*>\): expected an rtype/],
    ['scripts.Long(12)', /TypeError: a parameter name must be a string, not 12/],
  ] as const) {
    const r = launch(`import omero.scripts as scripts\nfrom omero.rtypes import rlong\nscripts.client("X.py", "x", ${code})\n`, "describe");
    assert.equal(r.status, 1, code);
    assert.match(String(r.messages[0]?.message), pattern, code);
    assert.match(r.stderr, /Traceback/);
  }
  const kw = launch(`import omero.scripts as scripts\nscripts.client("X.py", "x", author="me")\n`, "describe");
  assert.match(String(kw.messages[0]?.message), /TypeError: scripts\.client\(\): unknown keyword author/);
});

const RUN_MODE = `
import json
import omero
import omero.scripts as scripts
from omero.rtypes import *
from omero.model import DatasetI, FileAnnotationI, ImageI

client = scripts.client(
    "Inputs.py", "Inputs and outputs",
    scripts.String("Data_Type", optional=False, values=[rstring("Image")], default="Image"),
    scripts.List("IDs", optional=False).ofType(rlong(0)),
    scripts.Float("Sigma", default=2),
    scripts.Double("Gain"),
    scripts.Int("Radius", default=rint(3)),
    scripts.Bool("Flag", default=False),
    scripts.Map("Pairs"),
    scripts.Object("Target", types=["Dataset"]),
    scripts.List("Channels").ofType(rint(0)),
)
boxed = client.getInputs()
plain = client.getInputs(unwrap=True)
report = {
    "keys": client.getInputKeys(),
    "boxed": dict((k, type(v).__name__) for k, v in boxed.items()),
    "ids": [type(x).__name__ for x in boxed["IDs"].val],
    "channels": [type(x).__name__ for x in boxed["Channels"].getValue()],
    "plain": dict((k, repr(v)) for k, v in plain.items()),
    "gain": [repr(client.getInput("Gain")), client.getInput("Gain", unwrap=True), client.getInput("Nope")],
    "target": [type(plain["Target"]).__name__, plain["Target"].getId().getValue(), plain["Target"].isLoaded()],
}
print(json.dumps(report, sort_keys=True))
client.setOutput("Message", rstring("done"))
client.setOutput("Count", rlong(3))
client.setOutput("Ratio", rdouble(0.25))
client.setOutput("Ok", rbool(True))
client.setOutput("Image", robject(ImageI(12, False)))
client.setOutput("Dataset", robject(DatasetI(rlong(5), False)))
client.setOutput("File_Annotation", robject(FileAnnotationI(31)))
for bad in (rlist([rlong(1)]), robject(ImageI()), rdouble(float("nan"))):
    try:
        client.setOutput("Bad", bad)
    except TypeError as err:
        print("refused:", err)
client.closeSession()
try:
    client.setOutput("Late", rstring("x"))
except RuntimeError as err:
    print("closed:", err)
`;

test("run mode: getInputs as OMERO gives them (rtypes, or unwrapped), setOutput → SPEC outputs, sent at the end", () => {
  const r = launch(RUN_MODE, "run", { IDs: [4, 5], Gain: 3, Pairs: { a: "1" }, Target: { type: "Dataset", id: 9 }, Channels: [1, 2] });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  const report = JSON.parse(lines[0]!);
  // Absent optional inputs without a default are left out; defaults are filled in.
  assert.deepEqual(report.keys, ["Channels", "Data_Type", "Flag", "Gain", "IDs", "Pairs", "Radius", "Sigma", "Target"]);
  assert.deepEqual(report.boxed, {
    Channels: "RListI", Data_Type: "RStringI", Flag: "RBoolI", Gain: "RDoubleI", IDs: "RListI", Pairs: "RMapI",
    Radius: "RIntI", Sigma: "RFloatI", Target: "RObjectI",
  });
  assert.deepEqual(report.ids, ["RLongI", "RLongI"]);
  assert.deepEqual(report.channels, ["RIntI", "RIntI"]);
  assert.deepEqual(report.plain, {
    Channels: "[1, 2]", Data_Type: "'Image'", Flag: "False", Gain: "3.0", IDs: "[4, 5]", Pairs: "{'a': '1'}",
    Radius: "3", Sigma: "2.0", Target: "DatasetI(9, False)",
  });
  assert.deepEqual(report.gain, ["RDoubleI(3.0)", 3, null]);
  assert.deepEqual(report.target, ["DatasetI", 9, false]);
  assert.deepEqual(lines.slice(1), [
    "refused: client.setOutput('Bad', RListI([RLongI(1)])): a Fovea output is an rstring, a finite number, an rbool or an robject(...) reference",
    "refused: client.setOutput('Bad', robject(ImageI(None, True))): the object has no id (was it saved?)",
    "refused: client.setOutput('Bad', RDoubleI(nan)): a Fovea output is an rstring, a finite number, an rbool or an robject(...) reference",
    "closed: client.setOutput after client.closeSession(): the session is closed",
  ]);
  assert.deepEqual(r.messages, [{
    type: "outputs",
    outputs: {
      Message: "done", Count: 3, Ratio: 0.25, Ok: true, Image: { type: "Image", id: 12 }, Dataset: { type: "Dataset", id: 5 },
      File_Annotation: { type: "FileAnnotation", id: 31 },
    },
  }]);
});

const RTYPES = `
import sys
sys.path.insert(0, sys.argv[1])
import omero
from omero.rtypes import *
from omero.model import ImageI, LineI
from omero.model.shapes import color_int, points_text

assert unwrap(rlist([rlong(1), rstring("a"), rlist(rbool(True))])) == [1, "a", [True]]
assert unwrap(rmap({"k": rint(2)})) == {"k": 2}
assert wrap(5) == rint(5) and wrap(2 ** 40) == rlong(2 ** 40) and wrap(1.5) == rdouble(1.5)
assert wrap(True) == rbool(True) and wrap("x") == rstring("x") and wrap(None) is None
assert unwrap(wrap([1, {"a": "b"}])) == [1, {"a": "b"}]
assert rstring(None) is None and rstring(3).getValue() == "3" and rlong("7").val == 7
image = ImageI(3, False)
assert unwrap(robject(image)) is image and image.getId() == rlong(3) and image.id.val == 3
assert wrap(image) == robject(image)
assert rstring("a") != rstring("b") and rlong(1) != rint(1)
assert color_int("#FF000080") == 0xFF000080 - 2 ** 32 and color_int("#00FF00") == 0x00FF00FF
assert points_text([[1, 2], [3.5, 4.0]]) == "1,2 3.5,4"
line = LineI(8)
line.setX1(rdouble(2))
assert line.getX1().getValue() == 2.0 and line.getTheZ() is None
for name, call in (("omero.model.DatasetImageLinkI", lambda: omero.model.DatasetImageLinkI()),
                   ("omero.scripts.parse_inputs", lambda: __import__("omero.scripts").scripts.parse_inputs)):
    try:
        call()
        raise AssertionError(name + " should not exist")
    except NotImplementedError as err:
        assert str(err) == name + " is not supported by Fovea's OMERO layer", str(err)
print("ok")
`;

test("rtypes, model objects and unsupported names", () => {
  const res = spawnSync("python3", ["-I", "-B", "-c", RTYPES, SDK_DIR], { encoding: "utf8" });
  assert.equal(res.status, 0, res.stderr);
  assert.equal(res.stdout, "ok\n");
});
