/**
 * Pixel benchmarks (issue: Pixels), each next to a reference on the same machine:
 * - import throughput (MB/s) of an uncompressed OME-TIFF and a DeltaVision file, vs `cp` of the same bytes;
 * - raw plane reads over HTTP (MB/s), vs reading the same bytes from a local file;
 * - rendered 512 × 512 JPEG tiles per second from 3-channel uint16 data, vs sharp encoding an
 *   already-prepared RGB buffer of the same size.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { createZarrPixelStore, writeOmeTiff } from "@fovea/pixels";
import { loadConfig, startServer } from "@fovea/server";
import { syntheticStack, writeDv } from "./fixtures.ts";
import { fmt } from "./stats.ts";

const SIZE = Number(process.env.BENCH_PLANE ?? 1024);
const PLANES = Number(process.env.BENCH_PLANES ?? 64);

async function seconds<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, (performance.now() - t0) / 1000];
}

export async function benchPixels(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "fovea-bench-px-"));
  const server = await startServer(loadConfig({}, { dataDir: join(dir, "data"), port: 0, adminPassword: "bench-password", logLevel: "silent" }));
  const lines: string[] = [`pixels: ${PLANES} planes of ${SIZE}×${SIZE} uint16 (${((SIZE * SIZE * 2 * PLANES) / 2 ** 20).toFixed(0)} MiB of pixels)`];
  try {
    // Inputs: the same pixels as uncompressed OME-TIFF (via a scratch store) and as DV.
    const stack = syntheticStack(SIZE, PLANES);
    const scratch = createZarrPixelStore(join(dir, "scratch"));
    const w = await scratch.create("src", stack.metadata);
    for (let z = 0; z < PLANES; z++) await w.writePlane(z, 0, 0, await stack.readPlane(z, 0, 0));
    await w.commit();
    const tiff = join(dir, "bench.ome.tif");
    await writeOmeTiff(scratch, "src", stack.metadata, tiff, { compression: "none" });
    const dv = await writeDv(stack, dir);

    const login = await (await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: "bench-password" }),
    })).json() as { token: string };
    const auth = { authorization: `Bearer ${login.token}` };
    const actor = (await server.services.auth.authenticate(login.token)).actor;

    let imageId = 0;
    for (const [label, path] of [["OME-TIFF (uncompressed)", tiff], ["DeltaVision", dv]] as const) {
      const mb = statSync(path).size / 1e6;
      const [images, importS] = await seconds(() => server.services.imports.importFile(actor, { path, originals: [] }));
      imageId = images[0]!.id;
      const [, cpS] = await seconds(async () => execFileSync("cp", [path, join(dir, "copy.bin")]));
      rmSync(join(dir, "copy.bin"));
      lines.push(`  import ${label}: ${fmt(mb / importS)} MB/s | cp ${fmt(mb / cpS)} MB/s | ratio ${(cpS / importS).toFixed(2)} (target ≥ 0.5)`);
    }

    // Raw plane reads over HTTP vs the same bytes from a local file.
    const planeBytes = SIZE * SIZE * 2;
    const [, httpS] = await seconds(async () => {
      for (let z = 0; z < PLANES; z++) await (await fetch(`${server.url}/api/v1/images/${imageId}/pixels?z=${z}`, { headers: auth })).arrayBuffer();
    });
    const raw = join(dir, "planes.raw");
    writeFileSync(raw, Buffer.alloc(planeBytes * PLANES, 7));
    const [, fileS] = await seconds(async () => { readFileSync(raw); });
    const mbPlanes = (planeBytes * PLANES) / 1e6;
    lines.push(`  raw plane reads over HTTP: ${fmt(mbPlanes / httpS)} MB/s | local file read ${fmt(mbPlanes / fileS)} MB/s | ratio ${(fileS / httpS).toFixed(2)}`);

    // Rendered 512² JPEG tiles from 3-channel uint16 data vs sharp encoding prepared RGB.
    const rgbStack = syntheticStack(2048, 1, 3);
    const [[rgbImage]] = await seconds(() => server.services.imports.importReaders(actor, [rgbStack]));
    const tiles = 64;
    const [, renderS] = await seconds(async () => {
      for (let i = 0; i < tiles; i++) {
        const x = (i % 4) * 512;
        const y = (Math.floor(i / 4) % 4) * 512;
        await (await fetch(`${server.url}/api/v1/images/${rgbImage!.id}/render?format=jpeg&x=${x}&y=${y}&width=512&height=512`, { headers: auth })).arrayBuffer();
      }
    });
    const rgb = Buffer.alloc(512 * 512 * 3);
    for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 31) & 255;
    const [, encodeS] = await seconds(async () => {
      for (let i = 0; i < tiles; i++) await sharp(rgb, { raw: { width: 512, height: 512, channels: 3 } }).jpeg().toBuffer();
    });
    lines.push(`  render 512² JPEG tiles (3 × uint16, over HTTP): ${fmt(tiles / renderS)} tiles/s | sharp encode of ready RGB ${fmt(tiles / encodeS)} tiles/s | ` +
      `our cost beyond the encode ${fmt(((renderS - encodeS) / tiles) * 1000)} ms/tile vs encode ${fmt((encodeS / tiles) * 1000)} ms/tile`);
    return lines;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
