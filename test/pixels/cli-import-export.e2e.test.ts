/**
 * Acceptance, point 5, through the real `fovea` binary (apps/cli/bin/fovea.js → the esbuild bundle)
 * against a real server listening in this process, each command a child process with its own
 * FOVEA_CONFIG_DIR:
 * - `fovea export Image:ID --format ome-tiff` of the toxo.dv import, read back by an independent
 *   reader (Debian's tifffile): same shape, dtype, channel names, physical sizes, and pixels;
 * - `--format ome-zarr`: a folder whose zarr.json and array metadata describe the same shape (and
 *   whose chunks, read with zarrita, hold the same pixels);
 * - `fovea download Image:ID` gives back the original bytes;
 * - `fovea import DIR` with one good file and a CZI imports the one and notes the CZI as skipped
 *   (exit 0); `fovea import` of the CZI alone exits 1 saying it is not supported.
 *
 * The bundle is not built here: `npm test` builds first; run `node build.mjs` before running this
 * file alone (the suite fails, saying so, when the bundle is missing).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import * as zarr from "zarrita";
import FileSystemStore from "@zarrita/storage/fs";
import { FoveaClient } from "@fovea/client";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";
import { ADMIN_PASSWORD, dataPath, REPO_ROOT, SKIP_REAL_DATA, toxoPlane } from "./pixel-harness.ts";
import { runPython, TIFFFILE_SKIP_REASON } from "./tifffile-python.ts";

const BIN = join(REPO_ROOT, "apps/cli/bin/fovea.js");
const BUNDLE = join(REPO_ROOT, "apps/cli/dist/fovea.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const relativeDiff = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

/** tifffile's view of an OME-TIFF, with the OME-XML parsed by Python's own XML parser. */
const READ_OME_TIFF = `
import sys, json, hashlib, numpy as np, tifffile, xml.etree.ElementTree as ET
with tifffile.TiffFile(sys.argv[1]) as t:
    s = t.series[0]
    a, ax = s.asarray(), s.axes
    xml = t.ome_metadata
    is_ome, n_series = t.is_ome, len(t.series)
for ch in "TCZYX":
    if ch not in ax:
        a, ax = a[np.newaxis, ...], ch + ax
a = np.transpose(a, [ax.index(ch) for ch in "TCZYX"])
root = ET.fromstring(xml)
ns = {"ome": root.tag[1:root.tag.index("}")]}
px = root.find("ome:Image/ome:Pixels", ns)
print(json.dumps({
    "isOme": is_ome, "series": n_series, "axes": s.axes, "dtype": str(a.dtype),
    "shape": dict(zip("TCZYX", map(int, a.shape))),
    "channels": [c.get("Name") for c in px.findall("ome:Channel", ns)],
    "physical": {k: float(px.get("PhysicalSize" + k)) for k in "XYZ" if px.get("PhysicalSize" + k)},
    "units": {k: px.get("PhysicalSize" + k + "Unit") for k in "XYZ"},
    "sha256": hashlib.sha256(np.ascontiguousarray(a[0]).astype("<u2").tobytes()).hexdigest(),
}))
`;

describe("fovea import / export / download end to end", () => {
  let work: string;
  let configDir: string;
  let server: RunningServer | undefined;
  let url: string;
  let client: FoveaClient;
  let toxoId: number | undefined;

  /** Runs `fovea ...args` asynchronously: the server lives in this process, so never block it. */
  function fovea(args: string[]): Promise<Run> {
    const env: Record<string, string | undefined> = { ...process.env, FOVEA_CONFIG_DIR: configDir };
    delete env.FOVEA_PASSWORD;
    delete env.FOVEA_SERVER;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  function needsToxo(): number {
    assert.ok(toxoId !== undefined, "needs the toxo.dv import of the first test");
    return toxoId;
  }

  before(async () => {
    if (!existsSync(BUNDLE)) {
      throw new Error(`${BUNDLE} is missing: build the CLI first with \`node build.mjs\` (npm test does it before testing)`);
    }
    work = await mkdtemp(join(tmpdir(), "fovea-pixels-e2e-"));
    configDir = join(work, "config");
    server = await startServer(loadConfig({}, {
      dataDir: join(work, "data"), port: 0, host: "127.0.0.1", adminPassword: ADMIN_PASSWORD, demo: false, logLevel: "silent",
    }));
    url = server.url;
    client = new FoveaClient({ baseUrl: url });
    await client.login({ username: "root", password: ADMIN_PASSWORD });
    const login = await fovea(["login", "-s", url, "-u", "root", "-w", ADMIN_PASSWORD]);
    assert.equal(login.code, 0, login.stderr);
  });

  after(async () => {
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  test("fovea import toxo.dv prints Image:ID", { skip: SKIP_REAL_DATA }, async () => {
    const r = await fovea(["import", dataPath("mrc/toxo.dv")]);
    assert.equal(r.code, 0, r.stderr);
    const m = /^Image:(\d+)\n$/.exec(r.stdout);
    assert.ok(m, `one Image:ID line, got ${JSON.stringify(r.stdout)}`);
    toxoId = Number(m[1]);
    const image = await client.images.get(toxoId);
    assert.equal(image.name, "toxo.dv");
  });

  test("fovea export --format ome-tiff, read back with tifffile: same shape, dtype, channels, physical sizes and pixels",
    { skip: SKIP_REAL_DATA || TIFFFILE_SKIP_REASON }, async () => {
      const id = needsToxo();
      const target = join(work, "toxo-export.ome.tif");
      const r = await fovea(["export", `Image:${id}`, "--format", "ome-tiff", "-o", target]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`exported Image:${id} to `));
      const image = await client.images.get(id);
      const got = JSON.parse(await runPython(READ_OME_TIFF, [target])) as {
        isOme: boolean; series: number; dtype: string; shape: Record<string, number>; channels: string[];
        physical: Record<string, number>; units: Record<string, string | null>; sha256: string;
      };
      assert.equal(got.isOme, true, "tifffile sees an OME-TIFF");
      assert.equal(got.series, 1);
      assert.deepEqual(got.shape, { T: 1, C: 2, Z: 17, Y: 128, X: 128 });
      assert.equal(got.dtype, "uint16");
      assert.deepEqual(got.channels, ["525nm", "632nm"]);
      const dv = await readFile(dataPath("mrc/toxo.dv"));
      const header = new DataView(dv.buffer, dv.byteOffset, 1024);
      const declared = { X: header.getFloat32(40, true), Y: header.getFloat32(44, true), Z: header.getFloat32(48, true) };
      for (const k of ["X", "Y", "Z"] as const) {
        assert.ok(got.physical[k] !== undefined, `PhysicalSize${k} is written`);
        assert.ok(relativeDiff(got.physical[k]!, image[`physicalSize${k}`]!) <= 1e-4, `PhysicalSize${k} ${got.physical[k]} vs the image's ${image[`physicalSize${k}`]}`);
        assert.ok(relativeDiff(got.physical[k]!, declared[k]) <= 1e-4, `PhysicalSize${k} ${got.physical[k]} vs toxo.dv's ${declared[k]}`);
        assert.ok(got.units[k] === null || got.units[k] === "µm", `PhysicalSize${k}Unit ${got.units[k]}`);
      }
      assert.equal(got.sha256, sha256(dv.subarray(1024)), "the pixels (C, Z, Y, X) are toxo.dv's pixel block");
    });

  test("fovea export --format ome-zarr: zarr.json and the array metadata describe the same shape; the chunks hold the pixels",
    { skip: SKIP_REAL_DATA }, async () => {
      const id = needsToxo();
      const target = join(work, "toxo-export.ome.zarr");
      const r = await fovea(["export", `Image:${id}`, "--format", "ome-zarr", "-o", target]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok((await stat(target)).isDirectory());
      assert.equal(existsSync(`${target}.part`), false, "no partial folder left");

      const group = JSON.parse(await readFile(join(target, "zarr.json"), "utf8"));
      assert.equal(group.zarr_format, 3);
      assert.equal(group.node_type, "group");
      const ms = group.attributes.ome.multiscales[0];
      assert.deepEqual(ms.axes.map((a: { name: string }) => a.name), ["t", "c", "z", "y", "x"]);
      assert.ok(ms.datasets.length >= 1);
      const scale0 = ms.datasets[0].coordinateTransformations[0].scale as number[];
      assert.ok(relativeDiff(scale0[2]!, 0.3) <= 1e-4 && relativeDiff(scale0[4]!, 0.13262) <= 1e-4, `level-0 scale ${scale0}`);
      assert.deepEqual(group.attributes.ome.omero.channels.map((c: { label: string }) => c.label), ["525nm", "632nm"]);
      for (const [level, ds] of (ms.datasets as { path: string }[]).entries()) {
        const array = JSON.parse(await readFile(join(target, ds.path, "zarr.json"), "utf8"));
        assert.equal(array.node_type, "array");
        assert.equal(array.data_type, "uint16");
        const side = Math.ceil(128 / 2 ** level);
        assert.deepEqual(array.shape, [1, 2, 17, side, side], `level ${level} shape`);
      }

      // An independent reader of the folder (zarrita over the files, not the server's store).
      const dv = await readFile(dataPath("mrc/toxo.dv"));
      const arr = await zarr.open(zarr.root(new FileSystemStore(target)).resolve(ms.datasets[0].path), { kind: "array" });
      for (const [z, c] of [[0, 0], [16, 1], [8, 1]] as const) {
        const plane = await zarr.get(arr, [0, c, z, null, null]);
        const data = plane.data as Uint16Array;
        assert.ok(Buffer.from(data.buffer, data.byteOffset, data.byteLength).equals(toxoPlane(dv, z, c)), `plane z=${z} c=${c}`);
      }
    });

  test("fovea download Image:ID gives back toxo.dv byte for byte", { skip: SKIP_REAL_DATA }, async () => {
    const id = needsToxo();
    const target = join(work, "downloaded.dv");
    const r = await fovea(["download", `Image:${id}`, "-o", target]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(sha256(await readFile(target)), sha256(await readFile(dataPath("mrc/toxo.dv"))));
  });

  test("fovea import of an OME-Zarr folder uploads it as one image", { skip: SKIP_REAL_DATA }, async () => {
    const r = await fovea(["import", dataPath("derived/toxo.ome.zarr")]);
    assert.equal(r.code, 0, r.stderr);
    const m = /^Image:(\d+)\n$/.exec(r.stdout);
    assert.ok(m, `one Image:ID line, got ${JSON.stringify(r.stdout)}`);
    const image = await client.images.get(Number(m[1]));
    assert.deepEqual([image.name, image.format, image.sizeZ, image.sizeC], ["toxo.ome.zarr", "OME-Zarr", 17, 2]);
    assert.equal((await client.pixels.originals(image.id)).length, 107);
  });

  test("fovea import DIR with a good file and a CZI: one Image:ID, the CZI noted as skipped, exit 0", { skip: SKIP_REAL_DATA }, async () => {
    const dir = join(work, "mixed");
    await mkdir(dir);
    await copyFile(dataPath("mrc/toxo.dv"), join(dir, "toxo.dv"));
    await copyFile(dataPath("neubias-training/xyz__multiple_images.czi"), join(dir, "xyz__multiple_images.czi"));
    const before = (await client.images.list()).total;
    const r = await fovea(["import", dir]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split("\n");
    assert.equal(lines.length, 1, `one line on stdout: ${JSON.stringify(r.stdout)}`);
    assert.match(lines[0]!, /^Image:\d+$/);
    assert.match(r.stderr, /skipped .*xyz__multiple_images\.czi/);
    assert.match(r.stderr, /not supported/);
    assert.equal((await client.images.list()).total, before + 1);

    const json = await fovea(["import", dir, "--json"]);
    assert.equal(json.code, 0, json.stderr);
    const doc = JSON.parse(json.stdout) as { images: { type: string; id: number; name: string }[]; skipped?: string[]; errors?: unknown[] };
    assert.deepEqual(doc.images.map((i) => [i.type, i.name]), [["Image", "toxo.dv"]]);
    assert.deepEqual(doc.skipped, [join(dir, "xyz__multiple_images.czi")]);
    assert.equal(doc.errors, undefined);
  });

  test("fovea import of the CZI alone exits 1 with \"not supported\" on stderr, and creates nothing", { skip: SKIP_REAL_DATA }, async () => {
    const before = (await client.images.list()).total;
    const r = await fovea(["import", dataPath("neubias-training/xyz__multiple_images.czi")]);
    assert.equal(r.code, 1, `exit code 1: ${r.stderr}`);
    assert.match(r.stderr, /not supported/);
    assert.match(r.stderr, /xyz__multiple_images\.czi/);
    assert.equal(r.stdout, "");
    assert.equal((await client.images.list()).total, before);
    assert.deepEqual(await readdir(join(work, "data", "tmp")).catch(() => []), [], "no upload left in the server's tmp");
  });
});
