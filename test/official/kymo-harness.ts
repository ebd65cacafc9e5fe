/**
 * What the Kymograph tests share: a real server with its official scripts and job runner, an
 * HTTP helper, job launching, raw planes read back through GET /images/:id/pixels, and an
 * independent kymograph computation (arc-length sampling and bilinear interpolation written here
 * from SCRIPTS.md §3, deliberately not through @fovea/model's geometry module).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";

const REPO_ROOT = join(import.meta.dirname, "..", "..");
/** The real microscopy files (../shared/data/SOURCES.md). */
export const TEST_DATA = resolve(process.env.FOVEA_TEST_DATA ?? join(REPO_ROOT, "../shared/data"));
export const SKIP_REAL_DATA: string | false = existsSync(TEST_DATA) ? false : "FOVEA_TEST_DATA folder not found: real-data tests skipped";

export type Json = any;

export interface Harness {
  readonly server: RunningServer;
  api<T = Json>(method: string, path: string, body?: unknown): Promise<T>;
  /** Launches an official script by its registry name and waits for the job to end. */
  run(script: string, inputs: Record<string, unknown>): Promise<JobResult>;
  /** Plane (z, c, t) of an image as numbers, with its size. */
  plane(imageId: number, c: number, t: number, z?: number): Promise<Plane>;
  close(): Promise<void>;
}

export interface JobResult {
  readonly status: string;
  readonly error: string | null;
  readonly outputs: Record<string, Json>;
  readonly stdout: string;
}

export interface Plane {
  readonly width: number;
  readonly height: number;
  readonly dtype: string;
  readonly data: ArrayLike<number>;
}

const CTORS: Record<string, new (b: ArrayBuffer) => ArrayLike<number>> = {
  uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array,
  uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array,
};

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "fovea-kymo-"));
  const password = "kymo-root-pw-1";
  const server = await startServer(loadConfig({}, { dataDir: dir, port: 0, host: "127.0.0.1", adminPassword: password, logLevel: "silent", workers: 2 }));
  const login = await (await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password }),
  })).json() as { token: string };
  const auth = { authorization: `Bearer ${login.token}` };
  const send = (method: string, path: string, body?: unknown) => fetch(`${server.url}/api/v1${path}`, {
    method, headers: { ...auth, ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await send(method, path, body);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) as T;
  };
  const scripts = (await api<{ items: { id: number; name: string }[] }>("GET", "/scripts?limit=1000")).items;
  return {
    server,
    api,
    async run(name, inputs) {
      const script = scripts.find((s) => s.name === name);
      if (!script) throw new Error(`official script ${name} not registered (have ${scripts.map((s) => s.name).join(", ")})`);
      const job = await api<{ id: number }>("POST", `/scripts/${script.id}/launch`, { inputs });
      for (;;) {
        const state = await api<JobResult>("GET", `/jobs/${job.id}`);
        if (!["queued", "running"].includes(state.status)) {
          return { ...state, stdout: await api<string>("GET", `/jobs/${job.id}/logs/stdout`) };
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async plane(imageId, c, t, z = 0) {
      const res = await send("GET", `/images/${imageId}/pixels?z=${z}&c=${c}&t=${t}`);
      if (!res.ok) throw new Error(`pixels of image ${imageId} → ${res.status} ${await res.text()}`);
      const dtype = res.headers.get("x-fovea-dtype")!;
      const [height, width] = res.headers.get("x-fovea-shape")!.split(",").map(Number);
      return { width: width!, height: height!, dtype, data: new CTORS[dtype]!(await res.arrayBuffer()) };
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Bilinear interpolation of raw values, pixel (i, j) at its centre (i + 0.5, j + 0.5); 0 outside, clamped neighbours at the border. */
export function bilinear(plane: Plane, x: number, y: number): number {
  const { width: w, height: h, data } = plane;
  if (!(x >= 0 && x < w && y >= 0 && y < h)) return 0;
  const u = x - 0.5;
  const v = y - 0.5;
  const i = Math.floor(u);
  const j = Math.floor(v);
  const fx = u - i;
  const fy = v - j;
  const px = (a: number, b: number) => data[Math.min(h - 1, Math.max(0, b)) * w + Math.min(w - 1, Math.max(0, a))]!;
  return (1 - fx) * (1 - fy) * px(i, j) + fx * (1 - fy) * px(i + 1, j) + (1 - fx) * fy * px(i, j + 1) + fx * fy * px(i + 1, j + 1);
}

/**
 * Where sample s (arc length s from the first point) and row k of a W-wide band lie: on the
 * segment holding arc length s (at a joint, the one starting there), offset k − (W−1)/2 along
 * its normal (−uy, ux).
 */
export function bandPositions(points: readonly (readonly [number, number])[], width: number): { n: number; at(k: number, s: number): [number, number] } {
  const segments: { ax: number; ay: number; ux: number; uy: number; from: number }[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const len = Math.hypot(bx - ax, by - ay);
    if (len > 0) segments.push({ ax, ay, ux: (bx - ax) / len, uy: (by - ay) / len, from: total });
    total += len;
  }
  return {
    n: Math.floor(total) + 1,
    at(k, s) {
      const seg = segments.filter((g) => g.from <= s).pop()!;
      const off = k - (width - 1) / 2;
      return [seg.ax + seg.ux * (s - seg.from) - seg.uy * off, seg.ay + seg.uy * (s - seg.from) + seg.ux * off];
    },
  };
}

/** The value stored for `value` in an integer or float image (integers: nearest, clamped). */
export function stored(value: number, dtype: string): number {
  const ranges: Record<string, [number, number]> = { uint8: [0, 255], uint16: [0, 65535], int16: [-32768, 32767], int8: [-128, 127] };
  const r = ranges[dtype];
  return r ? Math.min(r[1], Math.max(r[0], Math.round(value))) : value;
}

/** One band of the expected kymograph: time point `t` sampled along `points`. */
export interface ExpectedBand {
  readonly t: number;
  readonly points: readonly (readonly [number, number])[];
  readonly z?: number;
}

/** The kymograph plane of channel c, as SCRIPTS.md §3 describes it, from raw source planes. */
export async function expectedKymograph(h: Harness, imageId: number, c: number, bands: readonly ExpectedBand[], width: number, sizeX: number): Promise<Float64Array> {
  const out = new Float64Array(sizeX * bands.length * width);
  for (const [i, band] of bands.entries()) {
    const plane = await h.plane(imageId, c, band.t, band.z ?? 0);
    const pos = bandPositions(band.points, width);
    for (let k = 0; k < width; k++) {
      for (let s = 0; s < pos.n; s++) {
        const [x, y] = pos.at(k, s);
        out[(i * width + k) * sizeX + s] = stored(bilinear(plane, x, y), plane.dtype);
      }
    }
  }
  return out;
}

/** Largest |a − b| over two planes of the same length. */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** RFC 4180 parsing (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[i++];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(field), (field = ""));
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
