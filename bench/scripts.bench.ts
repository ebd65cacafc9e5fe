/**
 * Official scripts against a NumPy reference (issue: `bench/scripts`), on the same machine, the
 * same pixels and the same shapes:
 * - Batch_ROI_Export rows per second on the four demo siRNA-HeLa stacks (512² × 9 Z × 4 C, uint16)
 *   with 200 shapes of mixed kinds per image, half of them on one Z plane and half on every plane
 *   (Export_All_Planes), every channel;
 * - Kymograph time on the 60-frame demo movie, a polyline along each truth track, Line_Width 4.
 *
 * Fovea is timed twice: end to end (launch → `succeeded` seen on the job's event stream) and by the
 * job's own run time (startedAt → finishedAt). The references (bench/reference/*.py) get the raw
 * planes exported once over GET /images/:id/pixels as .npy files and the shapes as JSON; they time
 * themselves from loading their inputs to writing their outputs (interpreter start excluded). Both
 * outputs are compared value by value, so the figures compare the same computation. Nothing is
 * asserted; the target is Fovea at least as fast as the reference.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, startServer } from "@fovea/server";
import { kymographMovie, siRnaHelaImages } from "../packages/pixels/src/demo/index.ts";
import { mulberry32 } from "../packages/pixels/src/demo/random.ts";

const RUNS = Number(process.env.BENCH_SCRIPT_RUNS ?? 3);
const SHAPES_PER_IMAGE = Number(process.env.BENCH_SHAPES ?? 200);
const LINE_WIDTH = 4;
const REFERENCE = join(import.meta.dirname, "reference");

type Json = any;
type Shape = Record<string, unknown>;

interface JobTiming {
  readonly job: Json;
  /** Launch → the final status on the event stream, seconds. */
  readonly endToEnd: number;
  /** startedAt → finishedAt, seconds. */
  readonly run: number;
}

const NPY_DESCR: Record<string, string> = {
  uint8: "|u1", int8: "|i1", uint16: "<u2", int16: "<i2", uint32: "<u4", int32: "<i4", float32: "<f4", float64: "<f8",
};
const TYPED: Record<string, new (b: ArrayBuffer) => ArrayLike<number>> = {
  "|u1": Uint8Array, "|i1": Int8Array, "<u2": Uint16Array, "<i2": Int16Array, "<u4": Uint32Array, "<i4": Int32Array, "<f4": Float32Array, "<f8": Float64Array,
};

/** A version 1.0 .npy file of C-ordered little-endian data. */
function writeNpy(path: string, dtype: string, shape: readonly number[], chunks: readonly Buffer[]): void {
  const dict = `{'descr': '${NPY_DESCR[dtype]}', 'fortran_order': False, 'shape': (${shape.join(", ")}${shape.length === 1 ? "," : ""}), }`;
  const unpadded = 10 + dict.length + 1;
  const header = dict + " ".repeat((64 - (unpadded % 64)) % 64) + "\n";
  const preamble = Buffer.alloc(10);
  preamble.write("\x93NUMPY", 0, "latin1");
  preamble.writeUInt8(1, 6);
  preamble.writeUInt8(0, 7);
  preamble.writeUInt16LE(header.length, 8);
  writeFileSync(path, Buffer.concat([preamble, Buffer.from(header, "latin1"), ...chunks]));
}

function readNpy(path: string): { shape: number[]; data: ArrayLike<number> } {
  const bytes = readFileSync(path);
  const headerLength = bytes.readUInt16LE(8);
  const header = bytes.subarray(10, 10 + headerLength).toString("latin1");
  const descr = /'descr': '([^']+)'/.exec(header)![1]!;
  const shape = /'shape': \(([^)]*)\)/.exec(header)![1]!.split(",").map((s) => s.trim()).filter(Boolean).map(Number);
  const body = bytes.subarray(10 + headerLength);
  const copy = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  return { shape, data: new TYPED[descr]!(copy) };
}

/** RFC 4180 records of a CSV whose lines end with \n. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += ch;
  }
  return rows;
}

/** Equal text, or numbers equal to 1e-9 relative (sums of squares are added in a different order). */
function sameCell(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.trim() === "" || b.trim() === "") return false;
  const [x, y] = [Number(a), Number(b)];
  return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}


/**
 * `count` shapes in ROIs of four: rectangles, ellipses, polygons (some self-intersecting), lines,
 * polylines and points, cell-sized, some partly outside the image; every other shape on one Z
 * plane, the others on every plane; every third one on half-pixel coordinates.
 */
function shapesFor(size: number, sizeZ: number, count: number, seed: number): { name: string; shapes: Shape[] }[] {
  const rnd = mulberry32(seed); // seeded, so every run draws the same shapes
  let step = 100;
  // Hundredths, or halves for a third of the shapes of each kind: halves put pixel centres exactly on edges, where the §2 rules decide.
  const f = (v: number): number => Math.round(v * step) / step;
  const at = (): number => f(-20 + rnd() * (size + 40));
  const span = (lo: number, hi: number): number => f(lo + rnd() * (hi - lo));
  const kinds = ["Rectangle", "Ellipse", "Polygon", "Line", "Polyline", "Point"] as const;
  const rois: { name: string; shapes: Shape[] }[] = [];
  for (let n = 0; n < count; n++) {
    const kind = kinds[n % kinds.length]!;
    step = Math.floor(n / kinds.length) % 3 === 0 ? 2 : 100;
    const [cx, cy] = [at(), at()];
    let shape: Shape;
    switch (kind) {
      case "Rectangle": shape = { kind, x: cx, y: cy, width: span(6, 70), height: span(6, 70) }; break;
      case "Ellipse": shape = { kind, x: cx, y: cy, radiusX: span(3, 35), radiusY: span(3, 35) }; break;
      case "Polygon": {
        const vertices = 4 + Math.floor(rnd() * 6);
        const r = span(6, 40);
        const angles = Array.from({ length: vertices }, () => rnd() * 2 * Math.PI);
        if (n % 4 !== 0) angles.sort((a, b) => a - b); // a quarter of them cross themselves
        shape = { kind, points: angles.map((a) => [f(cx + r * (0.5 + rnd() / 2) * Math.cos(a)), f(cy + r * (0.5 + rnd() / 2) * Math.sin(a))]) };
        break;
      }
      case "Line": {
        const [len, a] = [span(5, 150), rnd() * 2 * Math.PI];
        shape = { kind, x1: cx, y1: cy, x2: f(cx + len * Math.cos(a)), y2: f(cy + len * Math.sin(a)) };
        break;
      }
      case "Polyline": {
        const points: number[][] = [[cx, cy]];
        for (let k = 1 + Math.floor(rnd() * 5); k > 0; k--) {
          const [px, py] = points[points.length - 1]!;
          const [len, a] = [span(5, 40), rnd() * 2 * Math.PI];
          points.push([f(px! + len * Math.cos(a)), f(py! + len * Math.sin(a))]);
        }
        shape = { kind, points };
        break;
      }
      case "Point": shape = { kind, x: cx, y: cy }; break;
    }
    if (n % 2 === 0) shape.z = Math.floor(rnd() * sizeZ);
    if (n % 10 === 0) shape.text = `shape ${n}, "${kind}"`;
    if (n % 4 === 0) rois.push({ name: `roi ${n / 4}`, shapes: [] });
    rois[rois.length - 1]!.shapes.push(shape);
  }
  return rois;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** The first interpreter that imports numpy: `python3` on the PATH, else Debian's. */
function findPython(): { exe: string; version: string } | undefined {
  for (const exe of ["python3", "/usr/bin/python3"]) {
    try {
      const out = execFileSync(exe, ["-c", "import sys, numpy; print(sys.executable, sys.version.split()[0], numpy.__version__)"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      const [path, py, np] = out.trim().split(" ");
      return { exe, version: `${path} (Python ${py}, NumPy ${np})` };
    } catch { /* next */ }
  }
  return undefined;
}

const s3 = (seconds: number): string => (seconds < 10 ? seconds.toFixed(3) : seconds.toFixed(2));
const per = (n: number, seconds: number): string => Math.round(n / seconds).toLocaleString("en-US");

export async function benchScripts(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "fovea-bench-scripts-"));
  const server = await startServer(loadConfig({}, { dataDir: join(dir, "data"), port: 0, host: "127.0.0.1", adminPassword: "bench-password", logLevel: "silent" }));
  const lines: string[] = [];
  try {
    const python = findPython();
    lines.push(`scripts: official scripts vs a NumPy reference (bench/reference), ${RUNS} runs each, medians; ` +
      `reference interpreter: ${python ? python.version : "none with numpy (references skipped)"}`);
    const login = await (await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: "bench-password" }),
    })).json() as { token: string };
    const auth = { authorization: `Bearer ${login.token}` };
    const actor = (await server.services.auth.authenticate(login.token)).actor;
    const api = async (method: string, path: string, body?: unknown): Promise<Json> => {
      const res = await fetch(`${server.url}/api/v1${path}`, {
        method, headers: { ...auth, ...(body !== undefined && { "content-type": "application/json" }) },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
      return text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    };
    const scripts = (await api("GET", "/scripts?limit=1000")).items as { id: number; name: string }[];
    const scriptId = (name: string): number => {
      const script = scripts.find((s) => s.name === name);
      if (!script) throw new Error(`official script ${name} is not registered`);
      return script.id;
    };
    /** Launches a job and waits for its final status on the job's event stream, as `fovea script launch --wait` does. */
    const timeJob = async (name: string, inputs: Record<string, unknown>): Promise<JobTiming> => {
      const t0 = performance.now();
      const { id } = await api("POST", `/scripts/${scriptId(name)}/launch`, { inputs });
      await (await fetch(`${server.url}/api/v1/jobs/${id}/events`, { headers: auth })).text();
      const endToEnd = (performance.now() - t0) / 1000;
      const job = await api("GET", `/jobs/${id}`);
      if (job.status !== "succeeded") throw new Error(`${name} job ${id} ${job.status}: ${job.error}\n${await api("GET", `/jobs/${id}/logs/stdout`)}`);
      return { job, endToEnd, run: (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 };
    };
    /** Every plane of an image as one .npy, axes in `order` (a permutation of "ZTC") then Y, X. */
    const exportPlanes = async (image: Json, order: "ZTC" | "CT", path: string): Promise<void> => {
      const sizes = { Z: image.sizeZ, T: image.sizeT, C: image.sizeC };
      const chunks: Buffer[] = [];
      const z = order === "CT" ? [0] : Array.from({ length: sizes.Z }, (_, i) => i);
      const outer = order === "CT" ? ["C", "T"] as const : ["Z", "T", "C"] as const;
      const idx = { Z: 0, T: 0, C: 0 };
      const walk = async (level: number): Promise<void> => {
        if (level === outer.length) {
          const res = await fetch(`${server.url}/api/v1/images/${image.id}/pixels?z=${idx.Z}&c=${idx.C}&t=${idx.T}`, { headers: auth });
          if (!res.ok) throw new Error(`pixels of image ${image.id} → ${res.status}`);
          chunks.push(Buffer.from(await res.arrayBuffer()));
          return;
        }
        const axis = outer[level]!;
        const values = axis === "Z" ? z : Array.from({ length: sizes[axis] }, (_, i) => i);
        for (const v of values) {
          idx[axis] = v;
          await walk(level + 1);
        }
      };
      await walk(0);
      const shape = [...outer.map((a) => (a === "Z" ? z.length : sizes[a])), image.sizeY, image.sizeX];
      writeNpy(path, image.pixelType, shape, chunks);
    };
    const runReference = (script: string, args: string[]): Json =>
      JSON.parse(execFileSync(python!.exe, [join(REFERENCE, script), ...args], { encoding: "utf8", maxBuffer: 1 << 24 }).trim().split("\n").pop()!);

    // ---- Batch_ROI_Export ----
    const hela = siRnaHelaImages();
    const images: Json[] = await server.services.imports.importReaders(actor, [...hela.readers]);
    for (const [i, image] of images.entries()) {
      for (const roi of shapesFor(image.sizeX, image.sizeZ, SHAPES_PER_IMAGE, 1000 + i)) await api("POST", `/images/${image.id}/rois`, roi);
    }
    const exportInputs = {
      Data_Type: "Image", IDs: images.map((i) => i.id), Channels: [1, 2, 3, 4],
      Export_All_Planes: true, Include_Points_Coords: true, Only_Shape_Channel: false,
    };
    const exports: JobTiming[] = [];
    for (let r = 0; r < RUNS; r++) exports.push(await timeJob("Batch_ROI_Export", { ...exportInputs, File_Name: `bench-${r}.csv` }));
    const csv = await api("GET", `/annotations/${exports[0]!.job.outputs.File_Annotation.id}/file`) as string;
    const foveaRows = parseCsv(csv);
    const rows = foveaRows.length - 1;
    const [e2e, run] = [median(exports.map((e) => e.endToEnd)), median(exports.map((e) => e.run))];
    const shapes = images.length * SHAPES_PER_IMAGE;
    lines.push(`  Batch_ROI_Export: ${images.length} images 512² × 9 Z × 4 C uint16, ${shapes} shapes (6 kinds, half on one Z, half on all 9), 4 channels → ${rows} rows`);
    lines.push(`    Fovea end to end (launch → succeeded): ${s3(e2e)} s, ${per(rows, e2e)} rows/s | job run (startedAt → finishedAt): ${s3(run)} s, ${per(rows, run)} rows/s`);
    if (python) {
      const refDir = join(dir, "ref-export");
      mkdirSync(refDir);
      const specImages = [];
      for (const image of images) {
        const npy = join(refDir, `image-${image.id}.npy`);
        await exportPlanes(image, "ZTC", npy);
        const rois = (await api("GET", `/images/${image.id}/rois?limit=1000`)).items;
        specImages.push({
          id: image.id, name: image.name, npy, physicalSizeX: image.physicalSizeX, physicalSizeY: image.physicalSizeY,
          channels: image.channels.map((c: Json, k: number) => c.name ?? `Channel ${k + 1}`), rois,
        });
      }
      const spec = join(refDir, "spec.json");
      writeFileSync(spec, JSON.stringify({ allPlanes: true, withPoints: true, shapeChannelOnly: false, channels: exportInputs.Channels, images: specImages }));
      const out = join(refDir, "out.csv");
      const refs = Array.from({ length: RUNS }, () => runReference("batch_roi_export.py", [spec, out]) as { rows: number; seconds: number });
      const refS = median(refs.map((r) => r.seconds));
      const refRows = refs[0]!.rows;
      lines.push(`    NumPy reference (load .npy → CSV written): ${s3(refS)} s for ${refRows} rows, ${per(refRows, refS)} rows/s`);
      lines.push(`    ratio Fovea / NumPy (rows/s): end to end ${(refS / e2e).toFixed(2)}×, job run ${(refS / run).toFixed(2)}× (target ≥ 1×)`);
      lines.push(`    ${compareCsv(foveaRows, parseCsv(readFileSync(out, "utf8")))}`);
    }

    // ---- Kymograph ----
    const movie = kymographMovie();
    const dataset = await api("POST", "/datasets", { name: "bench-kymograph" });
    const [source]: Json[] = await server.services.imports.importReaders(actor, [movie.reader], { datasetId: dataset.id });
    const rois: Json[] = [];
    for (const [k, track] of movie.truth.tracks.entries()) {
      rois.push(await api("POST", `/images/${source.id}/rois`, { name: `track ${k}`, shapes: [{ kind: "Polyline", points: track.path.map(([x, y]) => [x, y]) }] }));
    }
    const seen = new Set<number>();
    const listKymographs = async (): Promise<Map<number, Json>> => {
      const made = new Map<number, Json>();
      for (const img of (await api("GET", `/datasets/${dataset.id}/images?limit=1000`)).items as Json[]) {
        if (img.name !== `${source.name}_kymograph` || seen.has(img.id)) continue;
        seen.add(img.id);
        made.set(Number(/ROI (\d+)/.exec(img.description)![1]), img);
      }
      return made;
    };
    const kymoRuns: JobTiming[] = [];
    let firstKymographs = new Map<number, Json>();
    for (let r = 0; r < RUNS; r++) {
      kymoRuns.push(await timeJob("Kymograph", { Data_Type: "Image", IDs: [source.id], Line_Width: LINE_WIDTH }));
      const made = await listKymographs();
      if (r === 0) firstKymographs = made;
    }
    const kymoPixels = [...firstKymographs.values()].reduce((n, k) => n + k.sizeX * k.sizeY * k.sizeC, 0);
    const [k2e, krun] = [median(kymoRuns.map((e) => e.endToEnd)), median(kymoRuns.map((e) => e.run))];
    lines.push(`  Kymograph: ${source.sizeX}² × ${source.sizeT} T uint16 movie, ${rois.length} polylines along the truth tracks, Line_Width ${LINE_WIDTH} → ` +
      `${firstKymographs.size} kymographs, ${kymoPixels} pixels`);
    lines.push(`    Fovea end to end (launch → succeeded): ${s3(k2e)} s | job run (startedAt → finishedAt): ${s3(krun)} s`);
    if (python) {
      const refDir = join(dir, "ref-kymo");
      mkdirSync(join(refDir, "out"), { recursive: true });
      const npy = join(refDir, "movie.npy");
      await exportPlanes(source, "CT", npy);
      const stored = (await api("GET", `/images/${source.id}/rois?limit=1000`)).items as Json[];
      const spec = join(refDir, "spec.json");
      writeFileSync(spec, JSON.stringify({
        npy, dtype: source.pixelType, width: LINE_WIDTH, rois: stored.map((roi) => ({ id: roi.id, points: roi.shapes[0].points })),
      }));
      const refs = Array.from({ length: RUNS }, () => runReference("kymograph.py", [spec, join(refDir, "out")]) as { kymographs: number; pixels: number; seconds: number });
      const refS = median(refs.map((r) => r.seconds));
      lines.push(`    NumPy reference (load .npy → kymographs saved): ${s3(refS)} s for ${refs[0]!.kymographs} kymographs, ${refs[0]!.pixels} pixels`);
      lines.push(`    ratio NumPy time / Fovea time: end to end ${(refS / k2e).toFixed(3)}×, job run ${(refS / krun).toFixed(3)}× (target ≥ 1×)`);
      let compared = 0;
      let differing = 0;
      let worst = 0;
      let problem = "";
      for (const roi of stored) {
        const kymo = firstKymographs.get(roi.id);
        if (!kymo) {
          problem ||= `ROI ${roi.id}: no kymograph from Fovea`;
          continue;
        }
        const ref = readNpy(join(refDir, "out", `roi_${roi.id}.npy`));
        if (ref.shape.join("×") !== `${kymo.sizeC}×${kymo.sizeY}×${kymo.sizeX}`) {
          problem ||= `ROI ${roi.id}: Fovea ${kymo.sizeC}×${kymo.sizeY}×${kymo.sizeX}, NumPy ${ref.shape.join("×")}`;
          continue;
        }
        for (let c = 0; c < kymo.sizeC; c++) {
          const res = await fetch(`${server.url}/api/v1/images/${kymo.id}/pixels?z=0&c=${c}&t=0`, { headers: auth });
          const plane = new TYPED[NPY_DESCR[kymo.pixelType]!]!(await res.arrayBuffer());
          const base = c * kymo.sizeX * kymo.sizeY;
          for (let i = 0; i < plane.length; i++) {
            const d = Math.abs(plane[i]! - ref.data[base + i]!);
            compared++;
            if (d !== 0) differing++;
            worst = Math.max(worst, d);
          }
        }
      }
      lines.push(`    checked ${compared} kymograph pixels: ${problem || (differing === 0 ? "equal" : `${differing} differ, by at most ${worst}`)}`);
    }
    return lines;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every row of both CSVs, cell by cell: "checked N rows: equal" or the first mismatch. */
function compareCsv(fovea: string[][], numpy: string[][]): string {
  const [fh, ...fr] = fovea;
  const [nh, ...nr] = numpy;
  if (fh!.join(",") !== nh!.join(",")) return `headers differ: Fovea ${JSON.stringify(fh)}, NumPy ${JSON.stringify(nh)}`;
  if (fr.length !== nr.length) return `row counts differ: Fovea ${fr.length}, NumPy ${nr.length}`;
  for (let r = 0; r < fr.length; r++) {
    const [a, b] = [fr[r]!, nr[r]!];
    for (let k = 0; k < fh!.length; k++) {
      if (!sameCell(a[k] ?? "", b[k] ?? "")) {
        return `first mismatch at row ${r + 1} (${a.slice(0, 9).join(" | ")}), column ${fh![k]}: Fovea ${JSON.stringify(a[k])}, NumPy ${JSON.stringify(b[k])}`;
      }
    }
  }
  return `checked ${fr.length} rows × ${fh!.length} columns against the NumPy CSV: equal (numbers to 1e-9 relative)`;
}
