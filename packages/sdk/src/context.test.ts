/**
 * The script context against a real Fovea server (started here on a free port, SQLite in a temp
 * directory), with scripts run as real child processes by @fovea/runner: ctx.client acts as the
 * launching user with the token from the environment, and the data helpers see what that user sees.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FoveaClient } from "@fovea/client";
import type { RunEnd, ScriptRunner } from "@fovea/core";
import type { InputValue } from "@fovea/model";
import { createNodeRunner } from "@fovea/runner";

type ServerModule = typeof import("@fovea/server");
let server: ServerModule | undefined;
let skip: string | false = false;
try {
  server = await import("@fovea/server");
} catch (err) {
  // Others change the server in parallel; a broken server must not hide the SDK's other tests.
  skip = `@fovea/server cannot be loaded: ${(err as Error).message}`;
}

const ROOT_PASSWORD = "root-pass-123";

describe("ctx against a real server", { skip }, () => {
  let work: string;
  let running: Awaited<ReturnType<ServerModule["startServer"]>>;
  let root: FoveaClient;
  let rootToken: string;
  let runner: ScriptRunner;
  const ids = { d1: 0, d2: 0, project: 0, images: [] as number[], shared: 0, hidden: 0 };

  before(async () => {
    work = await mkdtemp(join(tmpdir(), "fovea-sdk-test-"));
    const { loadConfig, startServer, createImageRecord } = server!;
    running = await startServer(loadConfig({}, {
      dataDir: join(work, "data"), port: 0, host: "127.0.0.1", adminPassword: ROOT_PASSWORD, demo: false, logLevel: "silent",
    }));
    root = new FoveaClient({ baseUrl: running.url });
    await root.login({ username: "root", password: ROOT_PASSWORD });
    rootToken = root.token!;
    runner = createNodeRunner({ workRoot: join(work, "jobs") });

    ids.project = (await root.projects.create({ name: "P" })).id;
    ids.d1 = (await root.datasets.create({ name: "D1" })).id;
    ids.d2 = (await root.datasets.create({ name: "D2" })).id;
    await root.projects.linkDataset(ids.project, ids.d1);
    for (const name of ["a", "b"]) ids.images.push((await createImageRecord(running, { ownerUsername: "root", name, datasetId: ids.d1 })).id);
    ids.shared = ids.images[1]!;
    await root.datasets.linkImage(ids.d2, ids.shared);
    ids.images.push((await createImageRecord(running, { ownerUsername: "root", name: "c", datasetId: ids.d2 })).id);
  });

  after(async () => {
    await running?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function run(source: string, inputs: Record<string, InputValue>, token = rootToken): Promise<{ end: RunEnd; stdout: string; stderr: string }> {
    const runnable = await runner.prepare("typescript", source, "Script.ts");
    const declaration = await runner.describe("typescript", runnable);
    assert.ok(declaration.name);
    let stdout = "";
    let stderr = "";
    const end = await runner.run({
      language: "typescript", runnable, inputs, jobId: 1, serverUrl: running.url, token, timeoutMs: 30_000,
      memoryMb: 256, signal: new AbortController().signal,
    }, { progress() {}, log: (s, text) => (s === "stdout" ? (stdout += text) : (stderr += text)) });
    return { end, stdout, stderr };
  }

  const HELLO_WORLD = `
import { defineScript, p } from "@fovea/sdk";
export default defineScript({
  name: "Hello World", folder: "util_scripts",
  params: {
    Data_Type: p.string({ values: ["Dataset"], default: "Dataset", grouping: "1" }),
    IDs: p.list(p.long(), { grouping: "2" }),
  },
  async run(ctx, inputs) {
    const images = await ctx.images.ofDatasets(inputs.IDs);
    for (const img of images) ctx.log(\`---- Processing image \${img.id}\`);
    return images.length
      ? { Message: \`Returned \${images.length} images\`, Image: ctx.ref("Image", images[0].id) }
      : { Message: "No images found" };
  },
});`;

  test("Hello World: images of the datasets, each once; unknown ids skipped with a log line", async () => {
    const { end, stdout } = await run(HELLO_WORLD, { Data_Type: "Dataset", IDs: [ids.d1, 999_999, ids.d2] });
    assert.deepEqual(end, { status: "succeeded", exitCode: 0, outputs: { Message: "Returned 3 images", Image: { type: "Image", id: ids.images[0] } } });
    assert.equal(stdout, [
      "Dataset 999999 not found or not visible: skipped",
      ...ids.images.map((id) => `---- Processing image ${id}`),
    ].join("\n") + "\n");
    const none = await run(HELLO_WORLD, { IDs: [999_998] });
    assert.deepEqual(none.end, { status: "succeeded", exitCode: 0, outputs: { Message: "No images found" } });
  });

  test("images.of follows Data_Type: Project → its datasets' images, Image → the images themselves", async () => {
    const { end } = await run(`
import { defineScript, p } from "@fovea/sdk";
export default defineScript({ name: "Collect", params: { Data_Type: p.string({ values: ["Project", "Dataset", "Image"] }), IDs: p.list(p.long()) },
  async run(ctx, { Data_Type, IDs }) { return { Ids: (await ctx.images.of(Data_Type, IDs)).map((i) => i.id).join(",") }; } });`,
    { Data_Type: "Project", IDs: [ids.project] });
    assert.deepEqual(end, { status: "succeeded", exitCode: 0, outputs: { Ids: ids.images.slice(0, 2).join(",") } });
  });

  test("ctx.client is the launching user; attachFile uploads, links and returns a FileAnnotation ref that files.readText reads back", async () => {
    const { end } = await run(`
import { defineScript, p } from "@fovea/sdk";
export default defineScript({ name: "Attach", params: { IDs: p.list(p.long()) },
  async run(ctx, { IDs }) {
    const me = await ctx.client.session.get();
    const csv = "image_id,name\\n" + IDs.map((id) => id + ",\\"µm, ok\\"").join("\\n") + "\\n";
    const file = await ctx.attachFile("export.csv", csv, { to: IDs.map((id) => ctx.ref("Image", id)) });
    const back = await ctx.files.readText(file);
    return { File_Annotation: file, User: me.user.username, Same: back === csv };
  } });`, { IDs: ids.images.slice(0, 2) });
    assert.equal(end.status, "succeeded", JSON.stringify(end));
    const outputs = (end as { outputs: Record<string, unknown> }).outputs;
    assert.equal(outputs.User, "root");
    assert.equal(outputs.Same, true);
    const file = outputs.File_Annotation as { type: string; id: number };
    assert.equal(file.type, "FileAnnotation");
    for (const id of ids.images.slice(0, 2)) {
      const on = await root.annotations.listOn({ type: "Image", id });
      const dto = on.items.find((a) => a.id === file.id);
      assert.ok(dto && dto.type === "FileAnnotation", `attached to image ${id}`);
      assert.equal(dto.file.name, "export.csv");
      assert.equal(dto.file.mimeType.split(";")[0], "text/csv");
    }
  });

  test("another user's token sees only that user's data: root's private datasets are skipped", async () => {
    const group = await root.groups.create({ name: "lab", permissions: "private" });
    await root.users.create({ username: "alice", password: "alice-password", groups: [group.id] });
    const alice = new FoveaClient({ baseUrl: running.url });
    await alice.login({ username: "alice", password: "alice-password" });
    const { end, stdout } = await run(HELLO_WORLD, { IDs: [ids.d1] }, alice.token!);
    assert.deepEqual(end, { status: "succeeded", exitCode: 0, outputs: { Message: "No images found" } });
    assert.equal(stdout, `Dataset ${ids.d1} not found or not visible: skipped\n`);
  });

  test("a bad token fails the job with the server's error, the stack in stderr", async () => {
    const { end, stderr } = await run(HELLO_WORLD, { IDs: [ids.d1] }, "not-a-token");
    assert.equal(end.status, "failed");
    assert.match((end as { error: string }).error, /session|token|log in/i);
    assert.match(stderr, /at /);
  });
});
