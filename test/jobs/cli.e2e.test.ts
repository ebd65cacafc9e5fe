/**
 * Acceptance (SPEC §6): the real `fovea` binary (the esbuild bundle in apps/cli/dist) driving
 * scripts and jobs on a real server started in this process: script upload/list/params/cat/launch
 * (with --wait and its exit code) and job list/show/logs/cancel, in --json and for people. The
 * bundle is not built here: run `node build.mjs` (or `npm run build`) first.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { JobDto, ScriptDto } from "@fovea/model";
import { expectOk, getJob, REPO_ROOT, ROOT_PASSWORD, SDK_IMPORT, startJobServer, waitForJob, waitForLog, type InProcessServer } from "./harness.ts";

const BIN = join(REPO_ROOT, "apps/cli/bin/fovea.js");
const BUNDLE = join(REPO_ROOT, "apps/cli/dist/fovea.js");

/** Source files under `dir` modified after `ms`. */
function newerThan(dir: string, ms: number): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).mtimeMs > ms);
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const HELLO = `${SDK_IMPORT}
export default defineScript({
  name: "CLI Hello", folder: "util_scripts", description: "Counts datasets.", version: "1.2.0",
  params: {
    Data_Type: p.string({ values: ["Dataset"], default: "Dataset", grouping: "1" }),
    IDs: p.list(p.long(), { grouping: "2", description: "Dataset IDs." }),
    Verbose: p.bool({ default: false, grouping: "3" }),
  },
  async run(ctx, inputs) {
    for (const id of inputs.IDs) ctx.log(\`dataset \${id}\`);
    console.error("a warning on stderr");
    return { Message: \`\${inputs.IDs.length} datasets\`, First: ctx.ref("Dataset", inputs.IDs[0]!) };
  },
});
`;

const FAILS = `${SDK_IMPORT}
export default defineScript({ name: "CLI Fails", params: {}, run() { throw new Error("this job fails on purpose"); } });
`;

const WAITS = `${SDK_IMPORT}
export default defineScript({
  name: "CLI Waits", params: {}, timeoutSeconds: 120,
  async run() {
    console.log("waiting");
    await new Promise(() => setInterval(() => {}, 1000));
  },
});
`;

describe("fovea script / job commands end to end", () => {
  let s: InProcessServer;
  let work: string;
  let configDir: string;
  let datasets: number[];
  let hello: ScriptDto;
  let helloPath: string;
  let succeededJob: JobDto;
  let failedJob: JobDto;

  function fovea(args: string[]): Promise<Run> {
    const env: Record<string, string | undefined> = { ...process.env, FOVEA_CONFIG_DIR: configDir };
    delete env.FOVEA_PASSWORD;
    delete env.FOVEA_SERVER;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => { stdout += c.toString("utf8"); });
      child.stderr.on("data", (c: Buffer) => { stderr += c.toString("utf8"); });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  /** A command that must succeed; returns its --json document. */
  async function json<T>(args: string[]): Promise<T> {
    const r = await fovea([...args, "--json"]);
    assert.equal(r.code, 0, `fovea ${args.join(" ")} --json exited ${r.code}:\n${r.stderr}\n${r.stdout}`);
    return JSON.parse(r.stdout) as T;
  }

  before(async () => {
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run \`node build.mjs\` (or \`npm run build\`) before the CLI tests`);
    s = await startJobServer({ workers: 2 });
    work = await mkdtemp(join(tmpdir(), "fovea-cli-jobs-"));
    configDir = join(work, "config");
    datasets = [];
    for (const name of ["d1", "d2"]) datasets.push(expectOk(await s.root.post("/datasets", { name }), 201, `dataset ${name}`).id);
    const login = await fovea(["login", "-s", s.url, "-u", "root", "-w", ROOT_PASSWORD]);
    assert.equal(login.code, 0, login.stderr);
    helloPath = join(work, "CLI_Hello.ts");
    await writeFile(helloPath, HELLO);
    await writeFile(join(work, "CLI_Fails.ts"), FAILS);
    await writeFile(join(work, "CLI_Waits.ts"), WAITS);
  });

  after(async () => {
    await s?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test("the CLI bundle is at least as new as its sources", (t) => {
    // A stale bundle tests old code: say so (the fix is `node build.mjs`) without failing on it.
    const built = statSync(BUNDLE).mtimeMs;
    const newer = ["apps/cli/src", "packages/client/src", "packages/model/src"].flatMap((dir) => newerThan(join(REPO_ROOT, dir), built));
    if (newer.length > 0) t.diagnostic(`WARNING: apps/cli/dist is older than ${newer.length} source file(s), e.g. ${newer[0]}: run \`node build.mjs\``);
  });

  test("script upload FILE --official prints the new script", async () => {
    const [uploaded, text] = await Promise.all([json<ScriptDto>(["script", "upload", helloPath, "--official"]), fovea(["script", "upload", "CLI_Fails.ts", "--official"])]);
    hello = uploaded;
    assert.equal(hello.type, "Script");
    assert.equal(hello.name, "CLI_Hello");
    assert.equal(hello.title, "CLI Hello");
    assert.equal(hello.official, true);
    assert.equal(hello.folder, "util_scripts");
    assert.equal(hello.language, "typescript");
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Script:\d+ util_scripts\/CLI_Fails \(official, 0 parameters\)$/m);
  });

  describe("reading scripts, and a refused launch", { concurrency: true }, () => {
    test("script list --json: { scripts: [ { type: \"Script\", id, name, folder, official, language, … } ] }", async () => {
      const [list, text] = await Promise.all([json<{ scripts: ScriptDto[] }>(["script", "list"]), fovea(["script", "list"])]);
      assert.deepEqual(Object.keys(list), ["scripts"]);
      const mine = list.scripts.find((x) => x.id === hello.id);
      assert.ok(mine, "the uploaded script is listed");
      assert.deepEqual(
        { type: mine.type, id: mine.id, name: mine.name, folder: mine.folder, official: mine.official, language: mine.language },
        { type: "Script", id: hello.id, name: "CLI_Hello", folder: "util_scripts", official: true, language: "typescript" },
      );
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^util_scripts\/$/m);
      assert.match(text.stdout, new RegExp(`^  Script:${hello.id}  CLI_Hello  \\(official, typescript\\)`, "m"));
    });

    test("script params shows each parameter", async () => {
      const [doc, text] = await Promise.all([
        json<{ script: { type: string; id: number }; params: { name: string; type: string; element?: string }[] }>(["script", "params", String(hello.id)]),
        fovea(["script", "params", `Script:${hello.id}`]),
      ]);
      assert.deepEqual(doc.script, { type: "Script", id: hello.id, name: "CLI_Hello" });
      assert.deepEqual(doc.params.map((p) => [p.name, p.type]), [["Data_Type", "string"], ["IDs", "list"], ["Verbose", "bool"]]);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /IDs \(list of long; required\): Dataset IDs\./);
      assert.match(text.stdout, /Data_Type \(string; required; default "Dataset"; one of "Dataset"\)/);
    });

    test("script cat prints the source as uploaded", async () => {
      const [text, doc] = await Promise.all([fovea(["script", "cat", String(hello.id)]), json<{ source: string }>(["script", "cat", String(hello.id)])]);
      assert.equal(text.code, 0, text.stderr);
      assert.equal(text.stdout, HELLO);
      assert.equal(doc.source, HELLO);
    });

    test("script launch with invalid inputs: exit 1, nothing launched, each parameter named as { param, code, message }", async () => {
      const before = expectOk(await s.root.get("/jobs?limit=1"), 200, "jobs").total as number;
      const r = await fovea(["script", "launch", String(hello.id), "IDs=1,x", "Colour=red", "--json"]);
      assert.equal(r.code, 1, r.stderr);
      const envelope = JSON.parse(r.stdout) as { error: { code: string; details: Record<string, unknown>[] } };
      assert.equal(envelope.error.code, "PARAM_INVALID");
      assert.deepEqual(
        envelope.error.details.map((d) => `${String(d.param)} ${String(d.code)}`).sort(),
        ["Colour UNKNOWN_PARAM", "IDs[1] WRONG_TYPE"],
        `the CLI reports issues in the API's shape: ${r.stdout}`,
      );
      assert.equal(expectOk(await s.root.get("/jobs?limit=1"), 200, "jobs").total, before, "no job was created");
    });

  });

  describe("launching", { concurrency: true }, () => {
    test("script launch ID IDs=1,2 --wait --json: { job: { status: \"succeeded\" }, outputs }, exit 0", async () => {
      const [doc, text] = await Promise.all([
        json<{ job: JobDto; outputs: Record<string, unknown> }>(["script", "launch", String(hello.id), `IDs=${datasets.join(",")}`, "--wait"]),
        fovea(["script", "launch", String(hello.id), `IDs=${datasets[0]}`, "Verbose=true", "--wait"]),
      ]);
      assert.deepEqual(Object.keys(doc).sort(), ["job", "outputs"]);
      assert.equal(doc.job.type, "Job");
      assert.equal(doc.job.status, "succeeded");
      assert.deepEqual(doc.job.inputs, { Data_Type: "Dataset", IDs: datasets, Verbose: false });
      assert.deepEqual(doc.outputs, { Message: "2 datasets", First: { type: "Dataset", id: datasets[0] } });
      succeededJob = doc.job;
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^Job:\d+ succeeded\n {2}Message: 1 datasets\n {2}First: Dataset:\d+$/m);
    });

    test("a job that fails: script launch --wait exits non-zero", async () => {
      const fails = (expectOk(await s.root.get("/scripts?limit=500"), 200, "scripts").items as ScriptDto[]).find((x) => x.name === "CLI_Fails")!;
      const [r, text] = await Promise.all([fovea(["script", "launch", String(fails.id), "--wait", "--json"]), fovea(["script", "launch", String(fails.id), "--wait"])]);
      assert.notEqual(r.code, 0, "a job that did not succeed is a failing command");
      const doc = JSON.parse(r.stdout) as { job: JobDto };
      assert.equal(doc.job.status, "failed");
      assert.match(doc.job.error ?? "", /this job fails on purpose/);
      assert.match(r.stderr, /failed/);
      failedJob = doc.job;
      assert.notEqual(text.code, 0);
      assert.match(text.stderr, /this job fails on purpose/);
    });

  });

  describe("following jobs", { concurrency: true }, () => {
    test("job list, job show, job logs", async () => {
      const [list, failedOnly, listText, shown, showText, logs, logsText, failedLogs] = await Promise.all([
        json<{ jobs: JobDto[]; total: number }>(["job", "list"]),
        json<{ jobs: JobDto[] }>(["job", "list", "--status", "failed"]),
        fovea(["job", "list"]),
        json<JobDto>(["job", "show", String(succeededJob.id)]),
        fovea(["job", "show", `Job:${succeededJob.id}`]),
        json<{ stdout: string; stderr: string }>(["job", "logs", String(succeededJob.id)]),
        fovea(["job", "logs", String(succeededJob.id)]),
        json<{ stderr: string }>(["job", "logs", String(failedJob.id)]),
      ]);
      assert.ok(list.jobs.some((j) => j.id === succeededJob.id && j.status === "succeeded"));
      assert.ok(list.jobs.some((j) => j.id === failedJob.id && j.status === "failed"));
      assert.ok(failedOnly.jobs.length > 0 && failedOnly.jobs.every((j) => j.status === "failed"));
      assert.match(listText.stdout, new RegExp(`^Job:${succeededJob.id}\\s+succeeded\\s+CLI_Hello\\s+100%`, "m"));

      assert.equal(shown.id, succeededJob.id);
      assert.equal(shown.status, "succeeded");
      assert.equal(shown.scriptSha256, hello.sha256);
      assert.match(showText.stdout, new RegExp(`script: Script:${hello.id} CLI_Hello @ ${hello.sha256.slice(0, 12)}`));

      assert.equal(logs.stdout, datasets.map((id) => `dataset ${id}\n`).join(""));
      assert.equal(logs.stderr, "a warning on stderr\n");
      assert.equal(logsText.stdout, logs.stdout);
      assert.equal(logsText.stderr, logs.stderr);
      assert.match(failedLogs.stderr, /Error: this job fails on purpose/);
    });

    test("job cancel stops a running job; cancelling it again fails", async () => {
      const waits = await json<ScriptDto>(["script", "upload", join(work, "CLI_Waits.ts"), "--official"]);
      const launched = await json<{ job: JobDto }>(["script", "launch", String(waits.id)]);
      assert.equal(launched.job.status, "queued");
      await waitForLog(s.root, launched.job.id, /^waiting$/m);
      const cancelled = await json<JobDto>(["job", "cancel", String(launched.job.id)]);
      assert.equal(cancelled.status, "cancelled");
      assert.equal((await waitForJob(s.root, launched.job.id)).status, "cancelled");
      const again = await fovea(["job", "cancel", String(launched.job.id), "--json"]);
      assert.equal(again.code, 1);
      assert.equal((JSON.parse(again.stdout) as { error: { code: string } }).error.code, "JOB_FINISHED");
      assert.equal((await getJob(s.root, launched.job.id)).status, "cancelled");
    });
  });
});
