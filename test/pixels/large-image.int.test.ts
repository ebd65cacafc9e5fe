/**
 * Acceptance, point 4: an 8192 × 8192 uint16 TIFF (128 MiB of pixels, generated here with sharp)
 * imports into a real server process — `fovea server start`, the built CLI, as a user runs it —
 * whose peak RSS (VmHWM from /proc/<pid>/status) stays under 500 MB; the image gets a pyramid
 * (levels 8192 … 512), each level's raw pixels are right (level 0 is the file, level 1 the rounded
 * 2×2 mean of level 0), and 512 × 512 tiles render as PNG at every level.
 *
 * Needs no real data. The CLI bundle must be built (`node build.mjs`; `npm test` builds first).
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import sharp from "sharp";
import { FoveaClient } from "@fovea/client";
import { ADMIN_PASSWORD, REPO_ROOT } from "./pixel-harness.ts";

const BIN = join(REPO_ROOT, "apps/cli/bin/fovea.js");
const BUNDLE = join(REPO_ROOT, "apps/cli/dist/fovea.js");
const N = 8192;
const RSS_LIMIT_BYTES = 500 * 1000 * 1000;
const EXPECTED_LEVELS = [8192, 4096, 2048, 1024, 512];

/** Cheap and position-dependent, so a misplaced tile or a wrong mean shows. */
const value = (x: number, y: number): number => (x * 3 + y * 5 + ((x * y) >> 7)) & 0xffff;

async function writeBigTiff(path: string): Promise<void> {
  const data = new Uint16Array(N * N);
  for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) data[y * N + x] = value(x, y);
  // STACK.md gotcha 4: pass the Uint16Array itself and ask for grey16, or sharp writes 8-bit sRGB.
  await sharp(data, { raw: { width: N, height: N, channels: 1 } }).toColourspace("grey16").tiff({ compression: "none" }).toFile(path);
}

/** VmHWM (peak resident set) and VmRSS of a process, in bytes. */
async function memoryOf(pid: number): Promise<{ peak: number; now: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = (key: string) => {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB$`, "m").exec(status);
    if (!m) throw new Error(`no ${key} in /proc/${pid}/status`);
    return Number(m[1]) * 1024;
  };
  return { peak: kib("VmHWM"), now: kib("VmRSS") };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB (${(bytes / 2 ** 20).toFixed(0)} MiB)`;

/** Starts `fovea server start --port 0 --json` and resolves with its URL once it listens. */
function startServerProcess(dataDir: string, configDir: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  // Only what this server needs: an inherited FOVEA_DATABASE_URL or FOVEA_DEMO would change it.
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("FOVEA_")) env[k] = v;
  Object.assign(env, { FOVEA_ADMIN_PASSWORD: ADMIN_PASSWORD, FOVEA_LOG_LEVEL: "warn", FOVEA_CONFIG_DIR: configDir });
  const child = spawn(process.execPath, [BIN, "server", "start", "--data", dataDir, "--port", "0", "--host", "127.0.0.1", "--json"], {
    env, stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not print its URL within 30 s:\n${stdout}\n${stderr}`)), 30_000);
    child.stdout!.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
      try {
        const { url } = JSON.parse(stdout) as { url: string };
        clearTimeout(timer);
        resolve({ child, url, stderr: () => stderr });
      } catch {
        // not a whole JSON document yet
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`fovea server start exited (${code ?? signal}) before listening:\n${stderr}`));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

describe("an 8192² uint16 image in a server process", () => {
  let work: string;
  let server: { child: ChildProcess; url: string; stderr: () => string } | undefined;
  let token: string;
  let client: FoveaClient;
  let imageId: number;
  let levels: { sizeX: number; sizeY: number }[];

  before(async () => {
    if (!existsSync(BUNDLE)) {
      throw new Error(`${BUNDLE} is missing: build the CLI first with \`node build.mjs\` (npm test does it before testing)`);
    }
    work = await mkdtemp(join(tmpdir(), "fovea-8k-"));
    server = await startServerProcess(join(work, "data"), join(work, "config"));
    client = new FoveaClient({ baseUrl: server.url });
    await client.login({ username: "root", password: ADMIN_PASSWORD });
    token = client.token!;
  });

  after(async () => {
    if (server) await stopProcess(server.child);
    if (work) await rm(work, { recursive: true, force: true });
  });

  test("imports with the server's peak RSS under 500 MB", async (t) => {
    const file = join(work, "gradient-8k.tif");
    await writeBigTiff(file);
    const pid = server!.child.pid!;
    const idle = await memoryOf(pid);
    const { images } = await client.pixels.importFiles([{ path: file, name: "gradient-8k.tif" }]);
    const mem = await memoryOf(pid);
    t.diagnostic(`server peak RSS (VmHWM) ${mb(mem.peak)} after the import; ${mb(idle.peak)} before it; RSS now ${mb(mem.now)}`);
    assert.equal(images.length, 1);
    const [image] = images;
    assert.deepEqual([image!.sizeX, image!.sizeY, image!.sizeZ, image!.sizeC, image!.sizeT, image!.pixelType], [N, N, 1, 1, 1, "uint16"]);
    imageId = image!.id;
    assert.ok(mem.peak < RSS_LIMIT_BYTES, `peak RSS ${mb(mem.peak)} is over 500 MB`);
  });

  test("the layout lists a pyramid 8192, 4096, 2048, 1024, 512 in 512-pixel tiles", async () => {
    assert.ok(imageId, "needs the import above");
    const layout = await client.pixels.layout(imageId);
    levels = layout.levels;
    assert.deepEqual(levels.map((l) => [l.sizeX, l.sizeY]), EXPECTED_LEVELS.map((s) => [s, s]));
    assert.equal(layout.tileSize, 512);
    assert.equal(layout.pixelType, "uint16");
  });

  test("raw reads: level 0 is the file's pixels, level 1 the rounded 2×2 mean of level 0", async () => {
    assert.ok(levels, "needs the layout above");
    const read = async (level: number, x: number, y: number, width: number, height: number) => {
      const p = await client.pixels.readPlane(imageId, { level, region: { x, y, width, height } });
      assert.deepEqual([p.dtype, p.width, p.height], ["uint16", width, height]);
      return new Uint16Array(p.bytes);
    };
    // Level 0 at the corners and across a tile edge (511 | 512).
    for (const [x, y] of [[0, 0], [N - 3, N - 2], [510, 4000]] as const) {
      const got = await read(0, x, y, 3, 2);
      const want = [value(x, y), value(x + 1, y), value(x + 2, y), value(x, y + 1), value(x + 1, y + 1), value(x + 2, y + 1)];
      assert.deepEqual([...got], want, `level 0 at (${x}, ${y})`);
    }
    // Level 1 against level 0 as the server returns it, and against the pattern itself.
    for (const [x, y] of [[1234, 2345], [0, 4095], [4095, 0]] as const) {
      const block = await read(0, 2 * x, 2 * y, 2, 2);
      const [one] = await read(1, x, y, 1, 1);
      const mean = Math.round((block[0]! + block[1]! + block[2]! + block[3]!) / 4);
      assert.equal(one, mean, `level 1 at (${x}, ${y}) = mean of level 0 at (${2 * x}, ${2 * y})`);
      const fromPattern = Math.round((value(2 * x, 2 * y) + value(2 * x + 1, 2 * y) + value(2 * x, 2 * y + 1) + value(2 * x + 1, 2 * y + 1)) / 4);
      assert.equal(one, fromPattern);
    }
  });

  test("512×512 tiles render as PNG at every level", async () => {
    assert.ok(levels, "needs the layout above");
    const perLevel: number[] = [];
    for (const [level, l] of levels.entries()) {
      // The first, a middle and the last tile on the diagonal (one tile at the smallest level).
      const starts = [...new Set([0, Math.floor(l.sizeX / 1024) * 512, l.sizeX - 512])];
      perLevel.push(0);
      for (const x of starts) {
        const y = x;
        const res = await fetch(`${server!.url}/api/v1/images/${imageId}/render?level=${level}&x=${x}&y=${y}&width=512&height=512`, {
          headers: { authorization: `Bearer ${token}` },
        });
        assert.equal(res.status, 200, `level ${level} tile (${x}, ${y}): ${res.status} ${res.status === 200 ? "" : await res.text()}`);
        assert.equal(res.headers.get("content-type"), "image/png");
        const png = Buffer.from(await res.arrayBuffer());
        assert.equal((await sharp(png).metadata()).format, "png");
        // Decode it whole: the size must be right and the tile must show the pattern, not a flat fill.
        const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
        assert.deepEqual([info.width, info.height], [512, 512], `level ${level} tile (${x}, ${y})`);
        assert.ok(new Set(data).size > 16, `level ${level} tile (${x}, ${y}) shows the pattern (${new Set(data).size} grey levels)`);
        perLevel[level]!++;
      }
    }
    assert.deepEqual(perLevel, [3, 3, 3, 2, 1], "tiles rendered per level");
    // A tile reaching past the level's edge is refused, not padded or wrapped.
    const past = await fetch(`${server!.url}/api/v1/images/${imageId}/render?level=4&x=1&y=0&width=512&height=512`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(past.status, 400, await past.text());
  });
});
