/**
 * The real `fovea` binary (apps/cli/bin/fovea.js → the esbuild bundle) against a real server
 * started in this process on a free port with a fresh data directory. Each command runs as a child
 * process with its own FOVEA_CONFIG_DIR, as a user would run it. The bundle is not built here:
 * `npm test` builds first; run `npm run build` before running this file alone.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FoveaClient } from "@fovea/client";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "apps/cli/bin/fovea.js");
const BUNDLE = join(ROOT, "apps/cli/dist/fovea.js");
const ROOT_PASSWORD = "root-pass-123";

type ServerModule = typeof import("@fovea/server");
let serverModule: ServerModule | undefined;
let skip: string | false = false;
if (!existsSync(BUNDLE)) skip = "the CLI bundle is missing: run `npm run build` first";
else {
  try {
    serverModule = await import("@fovea/server");
  } catch (err) {
    skip = `@fovea/server cannot be loaded yet: ${(err as Error).message}`;
  }
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe("fovea CLI end to end", { skip }, () => {
  let work: string;
  let configDir: string;
  let server: Awaited<ReturnType<ServerModule["startServer"]>>;
  let url: string;

  /** Runs `fovea ...args` asynchronously: the server lives in this process, so never block it. */
  function fovea(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
    const env: Record<string, string | undefined> = { ...process.env, FOVEA_CONFIG_DIR: configDir, ...options.env };
    if (!options.env?.FOVEA_PASSWORD) delete env.FOVEA_PASSWORD;
    delete env.FOVEA_SERVER;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? work, env, stdio: ["pipe", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.input ?? "");
    });
  }

  /** Runs a command that must succeed and returns its `--json` document. */
  async function json<T = Record<string, unknown>>(args: string[], options: Parameters<typeof fovea>[1] = {}): Promise<T> {
    const r = await fovea([...args, "--json"], options);
    assert.equal(r.code, 0, `fovea ${args.join(" ")} failed:\n${r.stderr}`);
    return JSON.parse(r.stdout) as T;
  }

  before(async () => {
    work = await mkdtemp(join(tmpdir(), "fovea-e2e-"));
    configDir = join(work, "config");
    const { loadConfig, startServer } = serverModule!;
    server = await startServer(loadConfig({}, {
      dataDir: join(work, "data"), port: 0, host: "127.0.0.1", adminPassword: ROOT_PASSWORD, demo: false, logLevel: "silent",
    }));
    url = server.url;
  });

  after(async () => {
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  // State shared by the steps below, which run in order.
  let lab: { id: number; name: string };
  let alicePassword: string;
  let project: { type: string; id: number; name: string };
  let linked: { type: string; id: number };
  let orphan: { type: string; id: number };
  let imageId: number;

  test("login as root stores the session in a file only its owner can read", async () => {
    const r = await fovea(["login", "-s", url, "-u", "root", "-w", ROOT_PASSWORD]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /logged in to .* as root/);
    const file = join(configDir, "login.json");
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal(JSON.parse(await readFile(file, "utf8")).username, "root");
  });

  test("whoami --json describes the session", async () => {
    const me = await json<{ server: string; user: { username: string; isAdmin: boolean }; token?: string }>(["whoami"]);
    assert.equal(me.server, url);
    assert.equal(me.user.username, "root");
    assert.equal(me.user.isAdmin, true);
    assert.equal(me.token, undefined, "the token is never printed");
  });

  test("group add, user add (generated and given passwords), group adduser", async () => {
    const group = await json<{ type: string; id: number; name: string; permissions: string }>(["group", "add", "lab", "--perms", "read-annotate"]);
    assert.equal(group.type, "Group");
    assert.equal(group.permissions, "read-annotate");
    lab = group;

    const alice = await json<{ type: string; username: string; generatedPassword: string; groups: Array<{ name: string }> }>(["user", "add", "alice", "--group", "lab"]);
    assert.equal(alice.type, "User");
    assert.equal(alice.username, "alice");
    assert.ok(alice.generatedPassword.length >= 16, "a strong password is generated");
    assert.deepEqual(alice.groups.map((g) => g.name), ["lab"]);
    alicePassword = alice.generatedPassword;

    const human = await fovea(["user", "add", "carol"]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /password: \S{16,}/);

    const bob = await json<{ generatedPassword?: string }>(["user", "add", "bob", "-w", "bob-password-1"]);
    assert.equal(bob.generatedPassword, undefined);

    const updated = await json<{ members?: Array<{ username: string; isOwner: boolean }> }>(["group", "adduser", "lab", "bob", "--owner"]);
    assert.equal(updated.members?.find((m) => m.username === "bob")?.isOwner, true);

    const bad = await fovea(["group", "add", "x", "--perms", "public"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown permission level "public"/);
  });

  test("login as other users: password from FOVEA_PASSWORD, then from stdin", async () => {
    const asBob = await fovea(["login", "-s", url, "-u", "bob"], { env: { FOVEA_PASSWORD: "bob-password-1" } });
    assert.equal(asBob.code, 0, asBob.stderr);
    assert.equal((await json<{ user: { username: string } }>(["whoami"])).user.username, "bob");

    const asAlice = await fovea(["login", "-u", "alice", "-g", "lab"], { input: `${alicePassword}\n` });
    assert.equal(asAlice.code, 0, asAlice.stderr);
    const me = await json<{ user: { username: string }; groupId: number }>(["whoami"]);
    assert.equal(me.user.username, "alice");
    assert.equal(me.groupId, lab.id);

    const wrong = await fovea(["login", "-u", "alice", "-w", "not-her-password"]);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /^error: /);
    assert.equal((await json<{ user: { username: string } }>(["whoami"])).user.username, "alice", "a failed login keeps the old one");
  });

  test("obj new Project|Dataset --json prints the new object", async () => {
    project = await json(["obj", "new", "Project", "name=Mitosis", "description=fixed cells, 2 stains"]);
    assert.equal(project.type, "Project");
    assert.equal(project.name, "Mitosis");
    assert.equal((project as unknown as { description: string }).description, "fixed cells, 2 stains");
    linked = await json(["obj", "new", "Dataset", "name=Day 1"]);
    assert.equal(linked.type, "Dataset");
    orphan = await json(["obj", "new", "dataset", "name=Loose"]);

    const bad = await fovea(["obj", "new", "Project", "title=x"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown key "title"/);
  });

  test("obj link Project Dataset, and ls at each level", async () => {
    const link = await json<{ parent: { type: string; id: number }; child: { type: string; id: number } }>(["obj", "link", `Project:${project.id}`, `Dataset:${linked.id}`]);
    assert.deepEqual([link.parent, link.child], [{ type: "Project", id: project.id }, { type: "Dataset", id: linked.id }]);

    const top = await json<{ projects: Array<{ id: number }>; datasets: Array<{ id: number }> }>(["ls"]);
    assert.deepEqual(top.projects.map((p) => p.id), [project.id]);
    assert.deepEqual(top.datasets.map((d) => d.id), [orphan.id], "only orphaned datasets at the top");

    const inProject = await json<{ project: { id: number }; datasets: Array<{ id: number }> }>(["ls", `Project:${project.id}`]);
    assert.deepEqual(inProject.datasets.map((d) => d.id), [linked.id]);

    const text = await fovea(["ls"]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`Project:${project.id}\\s+Mitosis`));
    assert.match(text.stdout, new RegExp(`Dataset:${orphan.id}\\s+Loose`));
  });

  test("an image (made through the server until import lands) links into a dataset and shows in ls", async () => {
    const image = await serverModule!.createImageRecord(server, { ownerUsername: "alice", groupId: lab.id, name: "cells.tif", sizeX: 512, sizeY: 256, sizeC: 2 });
    imageId = image.id;
    const r = await fovea(["obj", "link", `Dataset:${linked.id}`, `Image:${imageId}`]);
    assert.equal(r.code, 0, r.stderr);
    const inDataset = await json<{ images: Array<{ id: number; name: string }> }>(["ls", `Dataset:${linked.id}`]);
    assert.deepEqual(inDataset.images.map((i) => [i.id, i.name]), [[imageId, "cells.tif"]]);
  });

  test("roi add --json creates every shape kind and prints { rois: [...] }", async () => {
    const file = join(work, "all-kinds.json");
    await writeFile(file, JSON.stringify([
      {
        name: "every kind",
        shapes: [
          { kind: "Line", x1: 10, y1: 20, x2: 40, y2: 60, z: 0, t: 0, c: 1, text: "cut" },
          { kind: "Polyline", points: [[0, 0], [3, 4], [3, 10]] },
          { kind: "Rectangle", x: 5.5, y: 6, width: 20, height: 10 },
          { kind: "Ellipse", x: 100, y: 100, radiusX: 10, radiusY: 5 },
          { kind: "Polygon", points: [[0, 0], [10, 0], [10, 10]] },
          { kind: "Point", x: 1, y: 2 },
          { kind: "Label", x: 3, y: 4, text: "nucleus" },
        ],
      },
      { shapes: [{ kind: "Point", x: 7, y: 8 }] },
    ]));
    const out = await json<{ rois: Array<{ type: string; id: number; shapes: Array<Record<string, unknown>> }> }>(["roi", "add", `Image:${imageId}`, "--file", file]);
    assert.equal(out.rois.length, 2);
    const [all] = out.rois;
    assert.equal(all!.type, "Roi");
    assert.deepEqual(all!.shapes.map((s) => s.kind), ["Line", "Polyline", "Rectangle", "Ellipse", "Polygon", "Point", "Label"]);
    for (const s of all!.shapes) {
      assert.equal(s.type, "Shape");
      assert.equal(typeof s.id, "number");
    }
    const line = all!.shapes[0]!;
    assert.deepEqual([line.x1, line.y1, line.x2, line.y2, line.z, line.t, line.c], [10, 20, 40, 60, 0, 0, 1]);
    assert.equal(line.length, 50);
    assert.equal(all!.shapes[2]!.area, 200);
    assert.equal(all!.shapes[6]!.text, "nucleus");
  });

  test("roi add of malformed shapes names each field, exits 1 and creates nothing", async () => {
    const file = join(work, "bad.json");
    // 1e999 is valid JSON text that parses to Infinity.
    await writeFile(file, `{"shapes":[{"kind":"Polygon"},{"kind":"Point","x":1e999,"y":2},{"kind":"Rectangle","x":0,"y":0,"width":-4,"height":2}]}`);
    const text = await fovea(["roi", "add", `Image:${imageId}`, "--file", file]);
    assert.equal(text.code, 1);
    assert.match(text.stderr, /roi\.shapes\[0\]\.points: /);
    assert.match(text.stderr, /roi\.shapes\[1\]\.x: must be a finite number/);
    assert.match(text.stderr, /roi\.shapes\[2\]\.width: must not be negative/);

    const r = await fovea(["roi", "add", `Image:${imageId}`, "--file", file, "--json"]);
    assert.equal(r.code, 1);
    const envelope = JSON.parse(r.stdout) as { error: { code: string; details: Array<{ field: string }> } };
    assert.equal(envelope.error.code, "SHAPE_INVALID");
    assert.deepEqual(envelope.error.details.map((d) => d.field), ["roi.shapes[0].points", "roi.shapes[1].x", "roi.shapes[2].width"]);

    const listed = await json<{ rois: unknown[] }>(["roi", "ls", `Image:${imageId}`]);
    assert.equal(listed.rois.length, 2, "no ROI was created by the failed commands");
  });

  test("roi ls and ls Image show the ROIs", async () => {
    const text = await fovea(["roi", "ls", `Image:${imageId}`]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Line .*length 50/);
    const image = await json<{ image: { id: number; sizeX: number }; roiCount: number }>(["ls", `Image:${imageId}`]);
    assert.equal(image.image.sizeX, 512);
    assert.equal(image.roiCount, 2);
  });

  test("obj link to an annotation, and download of a file annotation", async () => {
    const login = JSON.parse(await readFile(join(configDir, "login.json"), "utf8")) as { token: string };
    const client = new FoveaClient({ baseUrl: url, token: login.token });
    const tag = await client.annotations.create({ kind: "tag", value: "mitosis" });
    const link = await json<{ child: { type: string; id: number } }>(["obj", "link", `Image:${imageId}`, `TagAnnotation:${tag.id}`]);
    assert.deepEqual(link.child, { type: "TagAnnotation", id: tag.id });

    const content = "cell,area\n1,12.5\n2,8.25\n";
    const file = await client.uploadFile(new Blob([content], { type: "text/csv" }), { fileName: "résultats.csv", links: [`Image:${imageId}`] });

    const explicit = join(work, "out", "r.csv");
    await mkdir(join(work, "out"));
    const saved = await json<{ path: string; size: number }>(["download", `FileAnnotation:${file.id}`, "-o", explicit]);
    assert.equal(saved.path, explicit);
    assert.equal(await readFile(explicit, "utf8"), content);

    const here = join(work, "here");
    await mkdir(here);
    const byName = await fovea(["download", `FileAnnotation:${file.id}`], { cwd: here });
    assert.equal(byName.code, 0, byName.stderr);
    assert.equal(await readFile(join(here, "résultats.csv"), "utf8"), content);
    const again = await fovea(["download", `FileAnnotation:${file.id}`], { cwd: here });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);

    // This image was recorded without a file (createImageRecord), so it has no original to give.
    const image = await fovea(["download", `Image:${imageId}`]);
    assert.equal(image.code, 1);
    assert.match(image.stderr, /has no original file/);
  });

  test("logout ends the session on the server; whoami then fails", async () => {
    const { token } = JSON.parse(await readFile(join(configDir, "login.json"), "utf8")) as { token: string };
    const out = await fovea(["logout"]);
    assert.equal(out.code, 0, out.stderr);
    assert.equal(existsSync(join(configDir, "login.json")), false);
    const who = await fovea(["whoami"]);
    assert.equal(who.code, 1);
    assert.match(who.stderr, /not logged in/);
    await assert.rejects(new FoveaClient({ baseUrl: url, token }).session.get(), (e: Error & { code?: string }) => e.code === "UNAUTHENTICATED" || e.code === "SESSION_EXPIRED");
  });
});
