// The Python runtime with real interpreter processes: prepare (syntax check), describe, run,
// failures, limits (timeout, cancel, memory) and the SDK's HTTP client against a local server.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunEnd, RunRequest, ScriptRunner } from "@fovea/core";
import { isFoveaError } from "@fovea/model";
import { createNodeRunner, type NodeRunnerOptions } from "./node-runner.ts";
import { groupGone, RecordingSink } from "./testing.ts";

const SDK = "from fovea_sdk import define_script, p, Cancelled\n";

interface PyRunner {
  readonly runner: ScriptRunner;
  readonly pids: number[];
  run(source: string, request?: Partial<RunRequest>): Promise<{ end: RunEnd; sink: RecordingSink; pid: number; ms: number }>;
  leftovers(): Promise<string[]>;
  close(): Promise<void>;
}

async function newPyRunner(options: Partial<NodeRunnerOptions> = {}): Promise<PyRunner> {
  const workRoot = await mkdtemp(join(tmpdir(), "fovea-python-test-"));
  const pids: number[] = [];
  const runner = createNodeRunner({ workRoot, ...options, onSpawn: (pid) => pids.push(pid) });
  return {
    runner,
    pids,
    async run(source, request = {}) {
      const runnable = await runner.prepare("python", source, "script.py");
      const sink = new RecordingSink();
      const started = performance.now();
      const end = await runner.run({
        language: "python", runnable, inputs: {}, jobId: 1, serverUrl: "http://127.0.0.1:9", token: "test-token",
        timeoutMs: 20_000, memoryMb: 256, signal: new AbortController().signal, ...request,
      }, sink);
      return { end, sink, pid: pids[pids.length - 1]!, ms: performance.now() - started };
    },
    leftovers: () => readdir(workRoot),
    close: () => rm(workRoot, { recursive: true, force: true }),
  };
}

async function expectInvalid(promise: Promise<unknown>, pattern: RegExp): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    assert.ok(isFoveaError(err, "SCRIPT_INVALID"), `expected SCRIPT_INVALID, got ${String(err)}`);
    assert.match((err as Error).message, pattern);
    return err as Error;
  }
  return assert.fail("expected SCRIPT_INVALID");
}

let t: PyRunner;
before(async () => (t = await newPyRunner({ describeTimeoutMs: 3000 })));
after(async () => {
  assert.deepEqual(await t.leftovers(), [], "every job directory is removed");
  await t.close();
});

describe("Python prepare and describe", () => {
  test("the declaration comes back, with every option, in order", async () => {
    const source = `${SDK}
define_script(
    name="Hello World", folder="util_scripts", description="Says hello", authors=["A. Author"], version="1.0",
    timeout_seconds=60, memory_mb=128, rerunnable=True,
    params=[
        p.string("Data_Type", values=["Dataset", "Image"], default="Dataset", grouping="1", description="what IDs are"),
        p.list("IDs", p.long(min=1), grouping="2"),
        p.float("Scale", optional=True, min=0.5, max=2.5),
        p.list("Targets", p.object(["Image", "Dataset"])),
    ],
    run=lambda ctx, inputs: None,
)
`;
    const runnable = await t.runner.prepare("python", source, "Hello_World.py");
    assert.equal(runnable, source, "the source is kept as it is");
    assert.deepEqual(await t.runner.describe("python", runnable), {
      name: "Hello World", description: "Says hello", folder: "util_scripts", authors: ["A. Author"], version: "1.0",
      timeoutSeconds: 60, memoryMb: 128, rerunnable: true,
      params: [
        { name: "Data_Type", type: "string", description: "what IDs are", default: "Dataset", values: ["Dataset", "Image"], grouping: "1" },
        { name: "IDs", type: "list", element: "long", min: 1, grouping: "2" },
        { name: "Scale", type: "float", optional: true, min: 0.5, max: 2.5 },
        { name: "Targets", type: "list", element: "object", objectTypes: ["Image", "Dataset"] },
      ],
    });
  });

  test("a syntax error is refused at prepare with Python's message, file, line and column", async () => {
    const err = await expectInvalid(t.runner.prepare("python", `${SDK}\ndef run(ctx, inputs):\n    return {"a": (1 +}\n`, "Broken.py"), /Broken\.py does not compile/);
    assert.match(err.message, /Broken\.py:4:\d+: SyntaxError: /);
    assert.match(err.message, /return \{"a": \(1 \+\}/, "the offending line is quoted");
    const details = (err as unknown as { details: { field: string }[] }).details;
    assert.match(details[0]!.field, /^Broken\.py:4:\d+$/);
    // Errors only the compiler (not the parser) finds are refused too.
    await expectInvalid(t.runner.prepare("python", "return 1\n", "Top.py"), /Top\.py:1:\d+: SyntaxError: 'return' outside function/);
  });

  test("a syntax error that reaches describe (never prepared) is SCRIPT_INVALID with the Python error line", async () => {
    await expectInvalid(t.runner.describe("python", "x = = 1\n"), /SyntaxError: invalid syntax[\s\S]*line 1/);
  });

  test("a script that raises at its top level is SCRIPT_INVALID with its own message and traceback", async () => {
    const err = await expectInvalid(t.runner.describe("python", `${SDK}\nimport json\nraise RuntimeError("no config here")\n`), /RuntimeError: no config here/);
    assert.match(err.message, /script\.py", line 4, in <module>/);
  });

  test("a script that never calls define_script is SCRIPT_INVALID: no script defined", async () => {
    await expectInvalid(t.runner.describe("python", "print('hello')\n"), /define_script/);
  });

  test("an invalid declaration lists every offending field", async () => {
    const err = await expectInvalid(t.runner.describe("python", `${SDK}
define_script(name="Bad", params=[p.int("N", min=5, max=1), p.string("N"), p.int("Z", default="x")], run=lambda c, i: None)
`), /invalid declaration/);
    assert.match(err.message, /params\[0\]\.min: min 5 is above max 1/);
    assert.match(err.message, /params\[1\]\.name: duplicate parameter name N/);
    assert.match(err.message, /params\[2\]\.default/);
  });

  test("work at the top level that never ends is SCRIPT_INVALID after the describe timeout", async () => {
    const started = performance.now();
    await expectInvalid(t.runner.describe("python", "while True:\n    pass\n"), /did not finish within 3000 ms/);
    assert.ok(performance.now() - started < 6000);
    assert.ok(groupGone(t.pids[t.pids.length - 1]!));
  });

  test("describe mode sees only the scrubbed environment (never a token), in isolated mode", async () => {
    process.env.FOVEA_TEST_SECRET = "leak";
    process.env.PYTHONPATH = "/nowhere";
    try {
      const decl = await t.runner.describe("python", `${SDK}
import os, sys
keys = sorted(k for k in os.environ if k != "PWD")
define_script(name=",".join(keys), description=str(sys.flags.isolated) + ":" + str("/nowhere" in sys.path), params=[], run=lambda c, i: None)
`);
      assert.equal(decl.name, "FOVEA_MODE,HOME,LANG,PATH,TMPDIR,TZ");
      assert.equal(decl.description, "1:False");
    } finally {
      delete process.env.FOVEA_TEST_SECRET;
      delete process.env.PYTHONPATH;
    }
  });

  test("an interpreter that cannot be started is SCRIPT_INVALID naming it", async () => {
    const r = await newPyRunner({ python: { python: "/nonexistent/python3" } });
    try {
      await expectInvalid(r.runner.prepare("python", "x = 1\n", "x.py"), /\/nonexistent\/python3 cannot be started/);
    } finally {
      await r.close();
    }
  });
});

describe("Python run mode", () => {
  test("a script that succeeds: outputs, progress and log lines in order; run() may use functions defined below", async () => {
    const { end, sink, pid } = await t.run(`${SDK}
import sys

def run(ctx, inputs):
    for i, id_ in enumerate(inputs["IDs"]):
        ctx.log(inputs["Prefix"], id_)
        ctx.progress((i + 1) / len(inputs["IDs"]), "done %d" % (i + 1))
    print("a warning", file=sys.stderr)
    return {"Message": message(inputs), "Count": len(inputs["IDs"]), "Ok": True, "Image": inputs["Image"],
            "Job": ctx.job_id, "Link": ctx.url("https://fovea.example/x", "More"), "Skipped": None}

define_script(name="Steps", params=[p.list("IDs", p.long()), p.string("Prefix", default="step"), p.object("Image", ["Image"])], run=run)

def message(inputs):
    return "Returned %d images" % len(inputs["IDs"])
`, { inputs: { IDs: [11, 12, 13], Image: { type: "Image", id: 5 } }, jobId: 42 });
    assert.deepEqual(end, {
      status: "succeeded", exitCode: 0,
      outputs: { Message: "Returned 3 images", Count: 3, Ok: true, Image: { type: "Image", id: 5 }, Job: 42, Link: { kind: "url", href: "https://fovea.example/x", title: "More" } },
    });
    assert.equal(sink.text("stdout"), "step 11\nstep 12\nstep 13\n");
    assert.equal(sink.text("stderr"), "a warning\n");
    assert.deepEqual(sink.progressEvents(), [
      { fraction: 1 / 3, message: "done 1" }, { fraction: 2 / 3, message: "done 2" }, { fraction: 1, message: "done 3" },
    ]);
    assert.ok(groupGone(pid));
  });

  test("the decorator form works, and UTF-8 passes through logs and outputs", async () => {
    const { end, sink } = await t.run(`${SDK}
@define_script(name="Deco", params={"Name": p.string(default="µm")})
def main(ctx, inputs):
    ctx.log("größe", inputs["Name"])
    return {"Message": "✓ " + inputs["Name"]}
`);
    assert.deepEqual(end, { status: "succeeded", exitCode: 0, outputs: { Message: "✓ µm" } });
    assert.equal(sink.text("stdout"), "größe µm\n");
  });

  test("an uncaught exception: failed with its message, the traceback in stderr", async () => {
    const { end, sink } = await t.run(`${SDK}
def run(ctx, inputs):
    return helper()

def helper():
    raise ValueError("bad pixel size")

define_script(name="Throws", params=[], run=run)
`);
    assert.equal(end.status, "failed");
    assert.equal(end.error, "ValueError: bad pixel size");
    assert.equal(end.exitCode, 1);
    const stderr = sink.text("stderr");
    assert.match(stderr, /^Traceback \(most recent call last\):/);
    assert.match(stderr, /script\.py", line 7, in helper/);
    assert.match(stderr, /ValueError: bad pixel size\n$/);
    assert.doesNotMatch(stderr, /fovea_sdk/, "the launcher's frames are left out");
  });

  test("sys.exit, a script without define_script, and bad outputs each fail with a reason", async () => {
    let r = await t.run(`${SDK}\nimport sys\ndefine_script(name="Exit", params=[], run=lambda c, i: sys.exit(3))\n`);
    assert.equal(r.end.status, "failed");
    assert.match(r.end.error!, /sys\.exit\(3\)/);
    r = await t.run("print('no sdk')\n");
    assert.equal(r.end.status, "failed");
    assert.match(r.end.error!, /define_script/);
    r = await t.run(`${SDK}\ndefine_script(name="Bad", params=[], run=lambda c, i: {"A": [1], "B": float("nan"), "C": {"type": "Image", "id": 1}})\n`);
    assert.equal(r.end.status, "failed");
    assert.match(r.end.error!, /invalid outputs A, B/);
    r = await t.run(`${SDK}\ndefine_script(name="NotDict", params=[], run=lambda c, i: [1])\n`);
    assert.equal(r.end.status, "failed");
    assert.match(r.end.error!, /must return a dict of outputs, not list/);
  });

  test("inputs get their defaults; a missing required input is refused", async () => {
    let r = await t.run(`${SDK}\ndefine_script(name="D", params=[p.int("N", default=4), p.float("F", optional=True)], run=lambda c, i: {"N": i["N"], "F": str(i["F"])})\n`);
    assert.deepEqual(r.end, { status: "succeeded", exitCode: 0, outputs: { N: 4, F: "None" } });
    r = await t.run(`${SDK}\ndefine_script(name="D", params=[p.int("N")], run=lambda c, i: {})\n`);
    assert.equal(r.end.status, "failed");
    assert.match(r.end.error!, /missing required N/);
  });

  test("run mode gets the job's variables and nothing else", async () => {
    const { end } = await t.run(`${SDK}
import os
define_script(name="Env", params=[], run=lambda c, i: {"Keys": ",".join(sorted(k for k in os.environ if k != "PWD")), "Token": os.environ["FOVEA_TOKEN"], "Cwd": os.getcwd() == os.environ["HOME"]})
`, { token: "job-token-1" });
    assert.deepEqual(end, {
      status: "succeeded", exitCode: 0,
      outputs: { Keys: "FOVEA_INPUTS_FILE,FOVEA_JOB_ID,FOVEA_MODE,FOVEA_SERVER_URL,FOVEA_TOKEN,HOME,LANG,PATH,TMPDIR,TZ", Token: "job-token-1", Cwd: true },
    });
  });

  test("garbage on the protocol pipe kills the script and fails the job", async () => {
    const { end } = await t.run(`${SDK}\nimport os\ndef run(c, i):\n    os.write(3, b"hello\\n")\n    import time; time.sleep(5)\ndefine_script(name="G", params=[], run=run)\n`);
    assert.equal(end.status, "failed");
    assert.match(end.error!, /broke the runner protocol: not JSON: hello/);
  });
});

describe("Python limits", () => {
  test("a busy loop is timed_out at its limit and its whole process group is gone", async () => {
    const { end, pid, ms } = await t.run(`${SDK}\ndef run(c, i):\n    while True:\n        pass\ndefine_script(name="Spin", params=[], run=run)\n`, { timeoutMs: 1000 });
    assert.deepEqual(end, { status: "timed_out", error: "timed out after 1 s (wall-clock limit)" });
    assert.ok(ms < 4000, `took ${ms} ms`);
    assert.ok(groupGone(pid));
  });

  test("cancel while running: cancelled soon after the abort; the script's finally block runs (SIGTERM → Cancelled)", async () => {
    const controller = new AbortController();
    const sink = new RecordingSink();
    const runnable = await t.runner.prepare("python", `${SDK}
import time
def run(ctx, inputs):
    ctx.log("started")
    try:
        while True:
            time.sleep(0.01)
    except Cancelled:
        ctx.log("cancelled:", ctx.cancelled)
        raise
    finally:
        ctx.log("cleaning up")
define_script(name="Wait", params=[], run=run)
`, "Wait.py");
    sink.log = (stream, text) => {
      RecordingSink.prototype.log.call(sink, stream, text);
      if (text.includes("started")) setTimeout(() => controller.abort(), 50);
    };
    const started = performance.now();
    const end = await t.runner.run({
      language: "python", runnable, inputs: {}, jobId: 1, serverUrl: "http://127.0.0.1:9", token: "t",
      timeoutMs: 20_000, memoryMb: 256, signal: controller.signal,
    }, sink);
    assert.deepEqual(end, { status: "cancelled", error: "cancelled" });
    assert.ok(performance.now() - started < 5000);
    assert.equal(sink.text("stdout"), "started\ncancelled: True\ncleaning up\n");
    assert.ok(groupGone(t.pids[t.pids.length - 1]!));
  });

  test("memory that grows without end fails with the memory limit, the test process unaffected", async () => {
    const { end, pid } = await t.run(`${SDK}
def run(ctx, inputs):
    keep = []
    while True:
        keep.append(bytearray(8 * 1024 * 1024))  # zero-filled pages: touched, so resident
        for b in keep[-1:]:
            b[::4096] = b"x" * len(b[::4096])
define_script(name="Hog", params=[], run=run)
`, { memoryMb: 64 });
    assert.equal(end.status, "failed");
    assert.match(end.error!, /memory limit exceeded/);
    assert.ok(groupGone(pid));
  });

  test("one huge allocation past the address-space limit is a MemoryError, reported as the memory limit", async () => {
    const { end } = await t.run(`${SDK}\ndefine_script(name="Huge", params=[], run=lambda c, i: {"N": len(bytearray(64 * 1024 ** 3))})\n`, { memoryMb: 64 });
    assert.equal(end.status, "failed");
    assert.match(end.error!, /memory limit exceeded: .*MemoryError/);
  });
});

// --- the SDK's HTTP client, against a local stand-in for the API ----------------------------------

interface Seen { method: string; url: string; auth: string | undefined; contentType: string | undefined; body: Buffer }

describe("Python SDK HTTP client", () => {
  let server: Server;
  let url: string;
  const seen: Seen[] = [];
  before(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, contentType: req.headers["content-type"], body: Buffer.concat(chunks) });
        const u = new URL(req.url!, "http://x");
        const json = (status: number, v: unknown): void => {
          res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(v));
        };
        if (u.pathname === "/api/v1/datasets/3/images") return json(200, { items: [{ id: 7, name: "a" }, { id: 8, name: "b" }], total: 2 });
        if (u.pathname === "/api/v1/datasets/4/images") return json(200, { items: [{ id: 8, name: "b" }], total: 1 });
        if (u.pathname === "/api/v1/datasets/99/images") return json(404, { error: { code: "NOT_FOUND", message: "Dataset 99 not found" } });
        if (u.pathname === "/api/v1/images/7") return json(200, { id: 7, name: "a" });
        if (u.pathname === "/api/v1/images/7/pixels") {
          const values = new Uint16Array([1, 2, 3, 400, 500, 65535]);
          res.writeHead(200, { "content-type": "application/octet-stream", "x-fovea-dtype": "uint16", "x-fovea-shape": "2,3" });
          return res.end(Buffer.from(values.buffer));
        }
        if (u.pathname === "/api/v1/annotations/files") return json(201, { id: 31 });
        return json(404, { error: { code: "NOT_FOUND", message: `no route ${u.pathname}` } });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("images, pixel planes (numpy), errors and attach_file act with the job token", async () => {
    const { end, sink } = await t.run(`${SDK}
from fovea_sdk import FoveaApiError
def run(ctx, inputs):
    images = ctx.images.of_datasets([3, 99, 4])
    plane = ctx.pixels.plane(7, 0, 0, 0)
    try:
        ctx.api.get("/nothing")
        code = "none"
    except FoveaApiError as err:
        code = err.code
    ref = ctx.attach_file("résumé.csv", "a,b\\n1,2\\n", to=[ctx.ref("Image", 7), "Dataset:3"])
    return {"Ids": ",".join(str(i["id"]) for i in images), "ByIds": len(ctx.images.by_ids([7, 7])),
            "Plane": "%s %s %s %d" % (type(plane).__module__, plane.dtype, plane.shape, int(plane.max())),
            "Sum": int(plane.sum()), "Code": code, "File_Annotation": ref}
define_script(name="Client", params=[], run=run)
`, { serverUrl: url, token: "job-token-9" });
    assert.deepEqual(end, {
      status: "succeeded", exitCode: 0,
      outputs: { Ids: "7,8", ByIds: 1, Plane: "numpy uint16 (2, 3) 65535", Sum: 66441, Code: "NOT_FOUND", File_Annotation: { type: "FileAnnotation", id: 31 } },
    });
    assert.match(sink.text("stdout"), /Dataset 99 not found, skipped/);
    assert.ok(seen.every((s) => s.auth === "Bearer job-token-9"));
    assert.ok(seen.some((s) => s.url.startsWith("/api/v1/datasets/3/images?limit=1000&offset=0")));
    const upload = seen.find((s) => s.url === "/api/v1/annotations/files")!;
    assert.equal(upload.method, "POST");
    assert.match(upload.contentType!, /^multipart\/form-data; boundary=/);
    const body = upload.body.toString("utf8");
    assert.match(body, /name="link"\r\n\r\nImage:7\r\n/);
    assert.match(body, /name="link"\r\n\r\nDataset:3\r\n/);
    assert.match(body, /name="file"; filename="résumé.csv"; filename\*=UTF-8''r%C3%A9sum%C3%A9\.csv\r\nContent-Type: text\/csv\r\n\r\na,b\n1,2\n\r\n/);
    assert.ok(body.indexOf('name="link"') < body.indexOf('name="file"'));
  });

  test("Debian's /usr/bin/python3 (numpy 1.x) works as the configured interpreter", { skip: existsSync("/usr/bin/python3") ? false : "no /usr/bin/python3" }, async () => {
    const r = await newPyRunner({ python: { python: "/usr/bin/python3" } });
    try {
      const { end } = await r.run(`${SDK}
import sys
def run(ctx, inputs):
    plane = ctx.pixels.plane(7)
    return {"Exe": sys.executable, "Sum": int(plane.sum())}
define_script(name="Deb", params=[], run=run)
`, { serverUrl: url });
      assert.deepEqual(end, { status: "succeeded", exitCode: 0, outputs: { Exe: "/usr/bin/python3", Sum: 66441 } });
    } finally {
      await r.close();
    }
  });
});
