// OMERO-style Python scripts (omero.scripts, omero.rtypes, omero.gateway.BlitzGateway) through a real
// server: each fixture under omero-fixtures/ is uploaded unmodified, described by python3, launched
// and run as a job process. Their outputs must follow SPEC §5's conventions (Message text,
// File_Annotation/Image as { type, id }), and the data they wrote is checked against the API.
// The whole suite runs once per interpreter: `python3` from PATH (pyenv, NumPy 2) and Debian's
// /usr/bin/python3 (the NumPy tests are skipped when that interpreter has no NumPy).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { siRnaHelaImages } from "../../packages/pixels/src/demo/index.ts";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "omero-fixtures");
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), "utf8");

interface Interpreter { label: string; pathFirst?: string; executable?: string }

function hasNumpy(python: string): boolean {
  return spawnSync(python, ["-I", "-c", "import numpy"], { stdio: "ignore" }).status === 0;
}

const INTERPRETERS: Interpreter[] = [
  { label: "python3 from PATH" },
  // The runner looks python3 up on PATH (and pins what it resolves to): putting /usr/bin first selects Debian's.
  { label: "Debian's /usr/bin/python3", pathFirst: "/usr/bin", executable: "/usr/bin/python3" },
];

type Json = any;

interface Job { id: number; status: string; outputs: Record<string, Json>; error: string | null }

class Harness {
  server!: RunningServer;
  dir!: string;
  auth: Record<string, string> = {};

  async start(label: string): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), "fovea-omero-style-"));
    this.server = await startServer(loadConfig({}, { dataDir: this.dir, port: 0, host: "127.0.0.1", adminPassword: "omero-style-pw", logLevel: "silent", workers: 2 }));
    const login = await (await fetch(`${this.server.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: "omero-style-pw" }) })).json() as { token: string };
    this.auth = { authorization: `Bearer ${login.token}` };
    assert.ok(label);
  }

  async stop(): Promise<void> {
    await this.server?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async api(method: string, path: string, body?: unknown, expectOk = true): Promise<{ status: number; body: Json; headers: Headers; bytes: ArrayBuffer }> {
    const isForm = body instanceof FormData;
    const isBytes = body instanceof Uint8Array;
    const res = await fetch(`${this.server.url}/api/v1${path}`, {
      method,
      headers: { ...this.auth, ...(body !== undefined && !isForm && { "content-type": isBytes ? "application/octet-stream" : "application/json" }) },
      body: body === undefined ? null : isForm || isBytes ? (body as FormData | Uint8Array) : JSON.stringify(body),
    });
    const bytes = await res.arrayBuffer();
    const text = new TextDecoder().decode(bytes);
    if (expectOk && !res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    const json = text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    return { status: res.status, body: json, headers: res.headers, bytes };
  }

  readonly #uploaded = new Map<string, Json>();

  /** Uploads a fixture once per server, as an official script in its own folder (official Hello_World exists). */
  async upload(name: string, source = fixture(name)): Promise<Json> {
    const known = this.#uploaded.get(name);
    if (known) return known;
    const form = new FormData();
    form.append("official", "true");
    form.append("folder", "omero_style");
    form.append("file", new Blob([source]), name);
    const script = (await this.api("POST", "/scripts", form)).body;
    this.#uploaded.set(name, script);
    return script;
  }

  async run(scriptId: number, inputs: Record<string, unknown>): Promise<Job> {
    const job = (await this.api("POST", `/scripts/${scriptId}/launch`, { inputs })).body as Job;
    return this.waitEnd(job.id);
  }

  async waitEnd(jobId: number): Promise<Job> {
    for (;;) {
      const state = (await this.api("GET", `/jobs/${jobId}`)).body as Job;
      if (!["queued", "running"].includes(state.status)) return state;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async log(jobId: number, stream: "stdout" | "stderr"): Promise<string> {
    return (await this.api("GET", `/jobs/${jobId}/logs/${stream}`)).body as string;
  }

  /** Raw values of one plane, as the API serves them (independent of the Python layer). */
  async plane(imageId: number, z: number, c: number, t: number): Promise<{ dtype: string; values: number[] }> {
    const res = await this.api("GET", `/images/${imageId}/pixels?z=${z}&c=${c}&t=${t}`);
    const dtype = res.headers.get("x-fovea-dtype")!;
    const ctor = { uint8: Uint8Array, uint16: Uint16Array, int16: Int16Array, float32: Float32Array, float64: Float64Array }[dtype as "uint16"];
    assert.ok(ctor, `pixel type ${dtype} handled by the test`);
    return { dtype, values: Array.from(new ctor(res.bytes)) };
  }

  /** A new image written by the test itself through /image-uploads: values are given per (z, c, t). */
  async newImage(meta: Record<string, unknown> & { sizeX: number; sizeY: number; sizeZ: number; sizeC: number; sizeT: number; pixelType: "uint16" | "float32" }, value: (z: number, c: number, t: number, i: number) => number): Promise<Json> {
    const { uploadId } = (await this.api("POST", "/image-uploads", meta)).body;
    const ctor = meta.pixelType === "uint16" ? Uint16Array : Float32Array;
    for (let z = 0; z < meta.sizeZ; z++) {
      for (let c = 0; c < meta.sizeC; c++) {
        for (let t = 0; t < meta.sizeT; t++) {
          const plane = new ctor(meta.sizeX * meta.sizeY);
          for (let i = 0; i < plane.length; i++) plane[i] = value(z, c, t, i);
          await this.api("PUT", `/image-uploads/${uploadId}/planes/${z}/${c}/${t}`, new Uint8Array(plane.buffer));
        }
      }
    }
    return (await this.api("POST", `/image-uploads/${uploadId}/commit`)).body;
  }
}

for (const interpreter of INTERPRETERS) {
  const missing = interpreter.executable !== undefined && !existsSync(interpreter.executable);
  describe(`OMERO-style scripts on ${interpreter.label}`, { skip: missing ? `no ${interpreter.executable}` : false }, () => {
    const h = new Harness();
    const numpy = hasNumpy(interpreter.executable ?? "python3");
    const needsNumpy = numpy ? false : `${interpreter.executable ?? "python3"} has no NumPy`;
    const savedPath = process.env.PATH;
    let dataset: Json;
    let emptyDataset: Json;
    let images: Json[];

    before(async () => {
      if (interpreter.pathFirst) process.env.PATH = `${interpreter.pathFirst}:${savedPath ?? ""}`;
      await h.start(interpreter.label);
      dataset = (await h.api("POST", "/datasets", { name: "omero-style" })).body;
      emptyDataset = (await h.api("POST", "/datasets", { name: "empty" })).body;
      const actor = (await h.server.services.auth.authenticate(h.auth.authorization!.slice(7))).actor;
      images = await h.server.services.imports.importReaders(actor, siRnaHelaImages({ count: 2, sizeX: 20, sizeY: 14, sizeZ: 2 }).readers, { datasetId: dataset.id });
    });

    after(async () => {
      await h.stop();
      process.env.PATH = savedPath;
    });

    test("the job runs on the intended interpreter", async () => {
      const script = await h.upload("Which_Python.py", [
        "import sys", "import omero.scripts as scripts", "from omero.rtypes import rbool, rstring",
        "client = scripts.client('Which_Python.py', 'Reports its interpreter.')",
        "try:", "    import numpy", "    has_numpy = True", "except ImportError:", "    has_numpy = False",
        "client.setOutput('Executable', rstring(sys.executable))", "client.setOutput('NumPy', rbool(has_numpy))",
        "client.closeSession()", "",
      ].join("\n"));
      const job = await h.run(script.id, {});
      assert.equal(job.status, "succeeded", job.error ?? "");
      if (interpreter.executable) assert.equal(job.outputs.Executable, interpreter.executable);
      assert.equal(job.outputs.NumPy, numpy);
    });

    test("Hello World: the declaration, log lines, Message and the first Image", async () => {
      const script = await h.upload("Hello_World.py");
      assert.equal(script.language, "python");
      assert.equal(script.name, "Hello_World");
      assert.equal(script.title, "Hello World");
      assert.equal(script.description, "Lists the images of the chosen datasets.");
      assert.deepEqual([script.authors, script.institutions, script.contact, script.version],
        [["OME Team"], ["University of Dundee"], "ome-users@lists.openmicroscopy.org.uk", "5.0"]);
      assert.deepEqual(script.params, [
        { name: "Data_Type", type: "string", description: "The data you want to work with.", default: "Dataset", values: ["Dataset"], grouping: "1" },
        { name: "IDs", type: "list", element: "long", description: "List of Dataset IDs", grouping: "2" },
      ]);

      const job = await h.run(script.id, { IDs: [dataset.id, emptyDataset.id] });
      assert.equal(job.status, "succeeded", job.error ?? "");
      assert.deepEqual(job.outputs, { Message: "Returned 2 images", Image: { type: "Image", id: images[0].id } });
      const stdout = await h.log(job.id, "stdout");
      assert.deepEqual(stdout.trim().split("\n"), images.map((img) => `---- Processing image ${img.id}`));

      const none = await h.run(script.id, { Data_Type: "Dataset", IDs: [emptyDataset.id] });
      assert.equal(none.status, "succeeded", none.error ?? "");
      assert.deepEqual(none.outputs, { Message: "No images found" });
    });

    test("a wrong input is refused at launch with PARAM_INVALID, naming each parameter", async () => {
      const script = await h.upload("Hello_World.py");
      const res = await h.api("POST", `/scripts/${script.id}/launch`, { inputs: { Data_Type: "Project", IDs: ["one"] } }, false);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.code, "PARAM_INVALID");
      const details = res.body.error.details as { param: string; code: string }[];
      assert.deepEqual(details.map((d) => [d.param, d.code]).sort(), [["Data_Type", "NOT_ALLOWED"], ["IDs[0]", "WRONG_TYPE"]]);
      const missing = await h.api("POST", `/scripts/${script.id}/launch`, { inputs: {} }, false);
      assert.equal(missing.status, 400);
      assert.deepEqual(missing.body.error.details.map((d: { param: string; code: string }) => [d.param, d.code]), [["IDs", "MISSING"]]);
    });

    test("the OMERO-style declaration is exactly what define_script declares", async () => {
      const omeroStyle = await h.upload("Plane_Statistics.py");
      const fovea = await h.upload("Plane_Statistics_Fovea.py");
      for (const key of ["title", "description", "authors", "institutions", "contact", "version", "params"]) {
        assert.deepEqual(omeroStyle[key], fovea[key], key);
      }
      assert.deepEqual(omeroStyle.params.map((x: Json) => [x.name, x.type, x.element, x.optional, x.default, x.min, x.max, x.grouping]), [
        ["Data_Type", "string", undefined, undefined, "Image", undefined, undefined, "1"],
        ["IDs", "list", "long", undefined, undefined, undefined, undefined, "2"],
        ["Channels", "list", "int", true, [1, 2], 1, undefined, "3"],
        ["Max_Planes", "int", undefined, true, 1000, 1, 100000, "4"],
        ["Verbose", "bool", undefined, true, false, undefined, undefined, "5"],
        ["Scale", "float", undefined, true, 1, 0, 10, "5.1"],
      ]);
      assert.deepEqual(omeroStyle.params[0].values, ["Dataset", "Image"]);
    });

    test("plane statistics with NumPy equal an independent computation from the raw pixels", { skip: needsNumpy }, async () => {
      const script = await h.upload("Plane_Statistics.py");
      const job = await h.run(script.id, { Data_Type: "Dataset", IDs: [dataset.id], Channels: [1, 3] });
      assert.equal(job.status, "succeeded", job.error ?? "");
      assert.deepEqual(job.outputs, { Message: "Measured 8 planes of 2 images", Planes: 8 });
      const stdout = await h.log(job.id, "stdout");
      for (const image of images) {
        const meta = (await h.api("GET", `/images/${image.id}`)).body;
        const header = `image=${image.id} name=${meta.name} size=20x14x2x4x1 pixel_size=${pyFloat(meta.physicalSizeX)},${pyFloat(meta.physicalSizeY)},${pyFloat(meta.physicalSizeZ)} channels=${meta.channels.map((c: Json) => c.name).join("|")}`;
        assert.ok(stdout.includes(header), `${header}\nnot in\n${stdout}`);
      }
      const rows = stdout.split("\n").filter((l) => l.startsWith("STATS\t")).map((l) => l.split("\t").slice(1));
      assert.equal(rows.length, 8);
      for (const [id, z, c, t, dtype, min, max, mean] of rows) {
        const { values, dtype: served } = await h.plane(Number(id), Number(z), Number(c), Number(t));
        assert.equal(dtype, served);
        assert.equal(Number(min), Math.min(...values));
        assert.equal(Number(max), Math.max(...values));
        assert.ok(Math.abs(Number(mean) - values.reduce((a, b) => a + b, 0) / values.length) < 1e-9, `mean of ${id} ${z} ${c} ${t}`);
      }
      assert.deepEqual(rows.map((r) => r.slice(0, 4).join(",")), images.flatMap((img) => [0, 1].flatMap((z) => [0, 2].map((c) => `${img.id},${z},${c},0`))));
    });

    test("a CSV attached with createFileAnnfromLocalFile + linkAnnotation, outputs sent without closeSession", async () => {
      const script = await h.upload("Attach_CSV.py");
      const job = await h.run(script.id, { IDs: images.map((i) => i.id), File_Name: "meta" });
      assert.equal(job.status, "succeeded", job.error ?? "");
      const file = job.outputs.File_Annotation as { type: string; id: number };
      assert.deepEqual(Object.keys(job.outputs).sort(), ["File_Annotation", "Message"]);
      assert.deepEqual(Object.keys(file).sort(), ["id", "type"]);
      assert.equal(file.type, "FileAnnotation");
      const ann = (await h.api("GET", `/annotations/${file.id}`)).body;
      assert.equal(ann.file.name, "meta.csv");
      assert.equal(ann.file.mimeType, "text/csv");
      assert.equal(ann.namespace, "openmicroscopy.org/omero/fovea/metadata");
      assert.equal(ann.description, "Image metadata");
      assert.equal(job.outputs.Message, `Attached meta.csv (${ann.file.size} bytes) to 2 images`);
      for (const image of images) {
        const linked = (await h.api("GET", `/images/${image.id}/annotations`)).body.items as Json[];
        assert.ok(linked.some((a) => a.id === file.id), `the file is attached to image ${image.id}`);
      }
      const csv = (await h.api("GET", `/annotations/${file.id}/file`)).body as string;
      const expected = ["image_id,name,size_x,size_y,size_z,size_c,size_t,pixels_type,pixel_size_x,channels,datasets"];
      for (const image of images) {
        const m = (await h.api("GET", `/images/${image.id}`)).body;
        expected.push([m.id, m.name, m.sizeX, m.sizeY, m.sizeZ, m.sizeC, m.sizeT, m.pixelType, pyFloat(m.physicalSizeX), m.channels.map((c: Json) => c.name).join(";"), "omero-style"].join(","));
      }
      assert.equal(csv, expected.join("\r\n") + "\r\n");
    });

    test("createImageFromNumpySeq: planes in z, c, t order read back bit-exact, in the dataset, as the Image output", { skip: needsNumpy }, async () => {
      const target = (await h.api("POST", "/datasets", { name: "created" })).body;
      const sizes = { sizeX: 7, sizeY: 5, sizeZ: 3, sizeC: 2, sizeT: 2 };
      const valueOf = (z: number, c: number, t: number, i: number): number => 1000 * z + 100 * c + 10 * t + (i % 10);
      const source = await h.newImage({ name: "zct source", ...sizes, pixelType: "uint16", physicalSizeX: 0.5, physicalSizeY: 0.5, physicalSizeZ: 2,
        channels: [{ name: "DAPI", color: "0000FF" }, { name: "GFP", color: "00FF00" }] }, valueOf);
      const floats = await h.newImage({ name: "float source", sizeX: 4, sizeY: 3, sizeZ: 2, sizeC: 1, sizeT: 3, pixelType: "float32", channels: [{ name: "ratio" }] },
        (z, c, t, i) => z + t / 4 + i / 1024);
      const script = await h.upload("Create_Image.py");
      const job = await h.run(script.id, { IDs: [source.id, floats.id], Dataset_ID: target.id, Offset: 3 });
      assert.equal(job.status, "succeeded", job.error ?? "");
      const contents = (await h.api("GET", `/datasets/${target.id}/images`)).body.items as Json[];
      assert.equal(contents.length, 2);
      const created = contents.find((i) => i.name === "zct source_reversed")!;
      assert.deepEqual(job.outputs, { Message: "Created 2 images", Image: { type: "Image", id: created.id } });
      assert.deepEqual([created.sizeX, created.sizeY, created.sizeZ, created.sizeC, created.sizeT, created.pixelType], [7, 5, 3, 2, 2, "uint16"]);
      assert.deepEqual(created.channels.map((c: Json) => [c.name, c.color]), [["DAPI", "0000FF"], ["GFP", "00FF00"]]);
      assert.deepEqual([created.physicalSizeX, created.physicalSizeY, created.physicalSizeZ], [0.5, 0.5, 2]);
      assert.equal(created.description, `Z reversed from image ${source.id}`);
      for (let z = 0; z < 3; z++) {
        for (let c = 0; c < 2; c++) {
          for (let t = 0; t < 2; t++) {
            const { values } = await h.plane(created.id, z, c, t);
            assert.deepEqual(values, Array.from({ length: 35 }, (_, i) => valueOf(2 - z, c, t, i) + 3), `plane z=${z} c=${c} t=${t}`);
          }
        }
      }
      const createdFloat = contents.find((i) => i.name === "float source_reversed")!;
      assert.equal(createdFloat.pixelType, "float32");
      for (let z = 0; z < 2; z++) {
        for (let t = 0; t < 3; t++) {
          const { values } = await h.plane(createdFloat.id, z, 0, t);
          const expected = Array.from(Float32Array.from({ length: 12 }, (_, i) => (1 - z) + t / 4 + i / 1024), (v) => Math.fround(v + 3));
          assert.deepEqual(values, expected, `float plane z=${z} t=${t}`);
        }
      }
    });

    test("without NumPy, planes and tiles are array.array values and createImageFromNumpySeq says it needs NumPy", async () => {
      const image = images[0];
      const script = await h.upload("Without_Numpy.py");
      const job = await h.run(script.id, { IDs: [image.id] });
      assert.equal(job.status, "succeeded", job.error ?? "");
      assert.deepEqual(job.outputs, { Message: "read 280 values" });
      const { values } = await h.plane(image.id, 1, 2, 0);
      const tile = [2, 3, 4, 5, 6].flatMap((y) => values.slice(y * 20 + 3, y * 20 + 7));
      const sum = values.reduce((a, b) => a + b, 0);
      assert.deepEqual((await h.log(job.id, "stdout")).trim().split("\n"), [
        `PLANE\tarray\tH\t280\t${Math.min(...values)}\t${Math.max(...values)}\t${sum}`,
        `TILE\t${tile.join(",")}`,
        "CREATE\tBlitzGateway.createImageFromNumpySeq needs NumPy, which this Python cannot import",
      ]);
    });

    test("a project walked with getObjects, listChildren, listParents, opts and attributes; who the job runs as", async () => {
      const project = (await h.api("POST", "/projects", { name: "walk" })).body;
      await h.api("POST", `/projects/${project.id}/datasets`, { datasetId: dataset.id });
      await h.api("POST", `/projects/${project.id}/datasets`, { datasetId: emptyDataset.id });
      const script = await h.upload("Walk_Hierarchy.py");
      const job = await h.run(script.id, { IDs: [project.id] });
      assert.equal(job.status, "succeeded", job.error ?? "");
      const session = (await h.api("GET", "/session")).body;
      const group = session.user.groups.find((g: Json) => g.id === session.groupId);
      const ids = images.map((i) => i.id);
      const lines = (await h.log(job.id, "stdout")).trim().split("\n");
      assert.deepEqual(lines, [
        `PROJECT\t${project.id}\twalk\t2\tTrue`,
        `DATASET\t${dataset.id}\tomero-style\t2\t[${project.id}]`,
        ...images.map((img) => `IMAGE\t${img.id}\t${img.name}\t${dataset.id}\tuint16\t${img.channels[0].color}`),
        `DATASET\t${emptyDataset.id}\tempty\t0\t[${project.id}]`,
        `BY_PARENT\t[${dataset.id}, ${emptyDataset.id}]\t[${ids.join(", ")}]`,
        `LOOKUP\t${ids[0]}\tNone\t[${ids[1]}]`,
        `WHO\troot\troot\t${group.name}\t${group.name}`,
      ]);
    });

    test("ROIs through the ROI service and getObjects('Roi') with OMERO's shape accessors", async () => {
      const image = images[1];
      const roi = (await h.api("POST", `/images/${image.id}/rois`, { name: "cell 1", shapes: [
        { kind: "Line", x1: 1, y1: 2.5, x2: 10, y2: 12, z: 1, c: 0 },
        { kind: "Rectangle", x: 2, y: 3, width: 4, height: 5, t: 0, text: "box" },
        { kind: "Ellipse", x: 8, y: 7, radiusX: 3, radiusY: 2 },
        { kind: "Point", x: 4.5, y: 6 },
        { kind: "Polygon", points: [[1, 1], [8, 1], [4.25, 9]] },
        { kind: "Polyline", points: [[0, 0], [5, 5], [10, 2]] },
        { kind: "Label", x: 3, y: 4, text: "note" },
      ] })).body;
      const script = await h.upload("Roi_Shapes.py");
      const job = await h.run(script.id, { IDs: [image.id] });
      assert.equal(job.status, "succeeded", job.error ?? "");
      assert.deepEqual(job.outputs, { Message: "Listed 7 shapes" });
      const lines = (await h.log(job.id, "stdout")).trim().split("\n");
      const ids = roi.shapes.map((s: Json) => s.id);
      const prefix = `SHAPE\t${image.id}\t${roi.id}`;
      assert.deepEqual(lines, [
        `${prefix}\t${ids[0]}\tLineI\t1\t\t0\t\t1.0\t2.5\t10.0\t12.0`,
        `${prefix}\t${ids[1]}\tRectangleI\t\t0\t\tbox\t2.0\t3.0\t4.0\t5.0`,
        `${prefix}\t${ids[2]}\tEllipseI\t\t\t\t\t8.0\t7.0\t3.0\t2.0`,
        `${prefix}\t${ids[3]}\tPointI\t\t\t\t\t4.5\t6.0`,
        `${prefix}\t${ids[4]}\tPolygonI\t\t\t\t\t1,1 8,1 4.25,9`,
        `${prefix}\t${ids[5]}\tPolylineI\t\t\t\t\t0,0 5,5 10,2`,
        `${prefix}\t${ids[6]}\tLabelI\t\t\t\tnote\t3.0\t4.0`,
        `ROI\t${image.id}\t${roi.id}\tcell 1\t7`,
      ]);
    });

    test("an unsupported call fails the job with a NotImplementedError naming it", async () => {
      const script = await h.upload("Unsupported_Call.py");
      const job = await h.run(script.id, { IDs: [1] });
      assert.equal(job.status, "failed");
      assert.equal(job.error, "NotImplementedError: BlitzGateway.getQueryService is not supported by Fovea's OMERO layer");
      const stderr = await h.log(job.id, "stderr");
      assert.match(stderr, /Traceback \(most recent call last\):[\s\S]*script\.py", line 10, in <module>\n    query_service = conn\.getQueryService\(\)[\s\S]*NotImplementedError: BlitzGateway\.getQueryService is not supported by Fovea's OMERO layer/);
    });

    test("cancel reaches a script working at its top level: the job is cancelled and its finally block ran", async () => {
      const script = await h.upload("Wait_For_Cancel.py");
      const job = (await h.api("POST", `/scripts/${script.id}/launch`, { inputs: {} })).body as Job;
      while (!(await h.log(job.id, "stdout")).includes("started")) await new Promise((r) => setTimeout(r, 50));
      await h.api("POST", `/jobs/${job.id}/cancel`);
      assert.equal((await h.waitEnd(job.id)).status, "cancelled");
      // The job reads cancelled at once; the process then gets SIGTERM, runs its finally block and ends.
      const deadline = Date.now() + 10_000;
      let stdout = await h.log(job.id, "stdout");
      while (!stdout.includes("cleaned up") && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        stdout = await h.log(job.id, "stdout");
      }
      assert.equal(stdout, "started\ncleaned up\n");
    });

    test("an exception ends the job failed even though finally: client.closeSession() ran after an output", async () => {
      const script = await h.upload("Fails_After_Output.py");
      const job = await h.run(script.id, { Reason: "no cells" });
      assert.equal(job.status, "failed");
      assert.equal(job.error, "ValueError: measurement failed: no cells");
      assert.deepEqual(job.outputs, {});
      assert.match(await h.log(job.id, "stderr"), /script\.py", line 8, in <module>\n    raise ValueError[\s\S]*ValueError: measurement failed: no cells/);
    });
  });
}

/** A number as Python's str() prints a float (the scripts print pixel sizes with %s). */
function pyFloat(v: number | null): string {
  if (v === null) return "None";
  return Number.isInteger(v) ? `${v}.0` : String(v);
}
