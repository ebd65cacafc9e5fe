/**
 * Acceptance, point 2: damaged input fails with 422 (FILE_UNREADABLE, or UNSUPPORTED_FORMAT where the
 * bytes name no format we read) whose message names the uploaded file, and leaves no trace: no
 * image row, no dataset link, nothing new in <dataDir>/pixels or <dataDir>/files (every entry,
 * dot-names included), nothing left in <dataDir>/tmp.
 *
 * The damaged files are made at run time from real ones (SOURCES.md: no naturally corrupt file was
 * found): toxo.dv and CZT_peaks.ome.tif (big-endian) cut inside the header, the IFDs / extended
 * header and the pixels; random bytes; an empty file; a TIFF whose first IFD lies past the end; a
 * DV header whose sizes overflow. Most fail while the file is opened; a corrupt OME-Zarr chunk and a
 * corrupt strip in the second series of a two-series OME-TIFF fail half-way through writing pixels,
 * which is where the clean-up has real work to do.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { assertError, expectStatus, type ApiResponse, type Json } from "../support/api-client.ts";
import { dataPath, filePart, folderParts, forEachPixelServer, SKIP_REAL_DATA, type DataDirState, type PixelServer, type UploadPart } from "./pixel-harness.ts";
import { TIFFFILE_SKIP_REASON, writeTwoSeriesToxo } from "./tifffile-python.ts";

type Code = "FILE_UNREADABLE" | "UNSUPPORTED_FORMAT";
const EITHER: readonly Code[] = ["FILE_UNREADABLE", "UNSUPPORTED_FORMAT"];
/** A file of a format we read whose bytes are missing or broken is unreadable, not "unsupported". */
const DAMAGED: readonly Code[] = ["FILE_UNREADABLE"];

interface Case {
  /** The upload's file name, which the error message must contain. */
  readonly name: string;
  readonly codes: readonly Code[];
  readonly make: () => Promise<UploadPart[]>;
  readonly skip?: string | false;
}

async function truncated(source: string, name: string, length: number): Promise<UploadPart[]> {
  const bytes = await readFile(dataPath(source));
  assert.ok(length < bytes.length, `${name}: cut at ${length} of ${bytes.length}`);
  return [{ name, data: bytes.subarray(0, length) }];
}

/** Deterministic noise (a fixed LCG), so a run can never draw a valid magic number by chance. */
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let s = 0x2545f491;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** toxo.dv with nx, ny (and sections) overwritten in its header. */
async function dvWithSizes(name: string, nx: number, ny: number, sections = 34): Promise<UploadPart[]> {
  const bytes = Buffer.from(await readFile(dataPath("mrc/toxo.dv")));
  bytes.writeInt32LE(nx, 0);
  bytes.writeInt32LE(ny, 4);
  bytes.writeInt32LE(sections, 8);
  return [{ name, data: bytes }];
}

const DV_PLANE = 128 * 128 * 2;
/** CZT_peaks.ome.tif (big-endian, 99 526 bytes), as tifffile lists it: IFD 0 at 8, page 0's strips
 * at 622–6 000, IFD 1 at 5 998, IFD 15 at 89 858, the OME-XML description at 95 848–99 526. */
const CZT = "scikit-tracker/CZT_peaks.ome.tif";
const TOXO = "mrc/toxo.dv";
/** tinyTest.d3d.dv: 1024-byte header, then a 5 120-byte extended header, then the pixels. */
const TINY = "omero-common/tinyTest.d3d.dv";

const CASES: readonly Case[] = [
  { name: "toxo-cut-10.dv", codes: DAMAGED, make: () => truncated(TOXO, "toxo-cut-10.dv", 10) },
  { name: "toxo-cut-97.dv", codes: DAMAGED, make: () => truncated(TOXO, "toxo-cut-97.dv", 97) }, // half the 0xC0A0 marker
  { name: "toxo-cut-500.dv", codes: DAMAGED, make: () => truncated(TOXO, "toxo-cut-500.dv", 500) },
  { name: "toxo-cut-1023.dv", codes: DAMAGED, make: () => truncated(TOXO, "toxo-cut-1023.dv", 1023) },
  { name: "toxo-cut-1024.dv", codes: DAMAGED, make: () => truncated(TOXO, "toxo-cut-1024.dv", 1024) }, // header only
  { name: "toxo-cut-mid-pixels.dv", codes: DAMAGED, make: () => truncated(TOXO, "toxo-cut-mid-pixels.dv", 1024 + 5 * DV_PLANE + 100) },
  { name: "toxo-cut-last-byte.dv", codes: DAMAGED, make: () => truncated(TOXO, "toxo-cut-last-byte.dv", 1115135) },
  { name: "tiny-cut-in-ext-header.dv", codes: DAMAGED, make: () => truncated(TINY, "tiny-cut-in-ext-header.dv", 1024 + 2000) },
  { name: "tiny-cut-mid-pixels.dv", codes: DAMAGED, make: () => truncated(TINY, "tiny-cut-mid-pixels.dv", 6144 + 12_000) },
  { name: "czt-cut-5.ome.tif", codes: DAMAGED, make: () => truncated(CZT, "czt-cut-5.ome.tif", 5) },
  { name: "czt-cut-8.ome.tif", codes: DAMAGED, make: () => truncated(CZT, "czt-cut-8.ome.tif", 8) }, // header only
  { name: "czt-cut-in-ifd0.ome.tif", codes: DAMAGED, make: () => truncated(CZT, "czt-cut-in-ifd0.ome.tif", 100) },
  { name: "czt-cut-mid-pixels.ome.tif", codes: DAMAGED, make: () => truncated(CZT, "czt-cut-mid-pixels.ome.tif", 3000) },
  { name: "czt-cut-in-ifd1.ome.tif", codes: DAMAGED, make: () => truncated(CZT, "czt-cut-in-ifd1.ome.tif", 6100) },
  { name: "czt-cut-mid-file.ome.tif", codes: DAMAGED, make: () => truncated(CZT, "czt-cut-mid-file.ome.tif", 50_000) },
  { name: "czt-cut-in-ome-xml.ome.tif", codes: DAMAGED, make: () => truncated(CZT, "czt-cut-in-ome-xml.ome.tif", 97_000) },
  { name: "czt-cut-last-byte.ome.tif", codes: DAMAGED, make: () => truncated(CZT, "czt-cut-last-byte.ome.tif", 99_525) },
  { name: "noise.bin", codes: EITHER, make: async () => [{ name: "noise.bin", data: noise(64 * 1024) }] },
  { name: "noise.tif", codes: EITHER, make: async () => [{ name: "noise.tif", data: noise(64 * 1024) }] },
  { name: "noise.dv", codes: EITHER, make: async () => [{ name: "noise.dv", data: noise(64 * 1024) }] },
  { name: "empty.tif", codes: DAMAGED, make: async () => [{ name: "empty.tif", data: Buffer.alloc(0) }] },
  { name: "empty.dv", codes: DAMAGED, make: async () => [{ name: "empty.dv", data: Buffer.alloc(0) }] },
  {
    name: "ifd-past-end.tif", codes: DAMAGED, make: async () => {
      const data = Buffer.alloc(8);
      data.write("II*\0", 0, "latin1");
      data.writeUInt32LE(1 << 20, 4); // the first IFD at 1 MiB, in an 8-byte file
      return [{ name: "ifd-past-end.tif", data }];
    },
  },
  {
    name: "ifd-past-end-be.tif", codes: DAMAGED, make: async () => {
      const data = Buffer.alloc(8);
      data.write("MM\0*", 0, "latin1");
      data.writeUInt32BE(0xfffffff0, 4);
      return [{ name: "ifd-past-end-be.tif", data }];
    },
  },
  { name: "toxo-2^30x2^30.dv", codes: EITHER, make: () => dvWithSizes("toxo-2^30x2^30.dv", 2 ** 30, 2 ** 30) },
  { name: "toxo-65536x65536.dv", codes: EITHER, make: () => dvWithSizes("toxo-65536x65536.dv", 65536, 65536) }, // nx·ny = 2^32
  { name: "toxo-30000x30000.dv", codes: EITHER, make: () => dvWithSizes("toxo-30000x30000.dv", 30000, 30000) }, // plane fits, file does not
  { name: "toxo-huge-sections.dv", codes: EITHER, make: () => dvWithSizes("toxo-huge-sections.dv", 128, 128, 2 ** 31 - 2) },
  {
    // Opens fine (metadata intact); the last plane's Blosc chunk is cut in half, so 33 of 34 planes
    // are already in the store when the import fails.
    name: "toxo.ome.zarr", codes: DAMAGED, make: async () => {
      const parts = await folderParts(dataPath("derived/toxo.ome.zarr"));
      const last = parts.findIndex((p) => p.name === "toxo.ome.zarr/0/0/1/16/0/0");
      assert.ok(last >= 0, "the chunk of plane c=1 z=16");
      parts[last] = { ...parts[last]!, data: parts[last]!.data.subarray(0, parts[last]!.data.length >> 1) };
      return parts;
    },
  },
];

forEachPixelServer("corrupt input fails with 422 and leaves no trace", true, (ctx) => {
  let datasetId: number;
  let work: string;

  before(async () => {
    if (SKIP_REAL_DATA) return;
    datasetId = (await ctx.newDataset(ctx.rootToken, "corrupt uploads")).id as number;
    work = await mkdtemp(join(tmpdir(), "fovea-corrupt-"));
  });
  after(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

  async function childCount(): Promise<number> {
    return expectStatus(await ctx.root.get(`/datasets/${datasetId}/images`), 200, "dataset images").json.total as number;
  }

  /** Uploads into the dataset and checks the error and that nothing at all changed. */
  async function expectRefusedWithoutTrace(name: string, codes: readonly Code[], parts: UploadPart[]): Promise<void> {
    const before: DataDirState = await ctx.state({ settle: true });
    const linked = await childCount();
    const res: ApiResponse = await ctx.upload(ctx.rootToken, parts, [["datasetId", String(datasetId)]]);
    assert.equal(res.status, 422, `${name}: expected 422, got ${res.status} ${res.body.slice(0, 300)}`);
    const code = res.json?.error?.code as Code;
    assert.ok(codes.includes(code), `${name}: code ${code}, expected ${codes.join(" or ")}: ${res.body}`);
    const error: Json = assertError(res, 422, code);
    assert.ok(String(error.message).includes(name), `${name}: the message names the file: ${error.message}`);
    assert.ok(!String(error.message).includes(ctx.dataDir), `${name}: the message does not reveal the server's paths: ${error.message}`);
    const after = await ctx.state();
    assert.equal(after.images, before.images, `${name}: no image row`);
    assert.equal(await childCount(), linked, `${name}: no dataset link`);
    assert.deepEqual(after.pixels, before.pixels, `${name}: nothing new in <dataDir>/pixels`);
    assert.deepEqual(after.files, before.files, `${name}: nothing new in <dataDir>/files`);
    assert.deepEqual(after.tmp, [], `${name}: nothing left in <dataDir>/tmp`);
  }

  for (const c of CASES) {
    test(`${c.name} → 422 ${c.codes.join("|")}, no trace`, { skip: SKIP_REAL_DATA }, async () => {
      await expectRefusedWithoutTrace(c.name, c.codes, await c.make());
    });
  }

  test("a two-series OME-TIFF whose second series is corrupt → 422, and the first series is not kept either",
    { skip: SKIP_REAL_DATA || TIFFFILE_SKIP_REASON }, async () => {
      const path = join(work, "two-series-bad.ome.tif");
      await writeTwoSeriesToxo(dataPath("mrc/toxo.dv"), path, true);
      await expectRefusedWithoutTrace("two-series-bad.ome.tif", DAMAGED, [await filePart(path)]);
    });

  test("after all that, a good file still imports into the dataset (positive control)", { skip: SKIP_REAL_DATA }, async () => {
    const before = await ctx.state();
    const [image] = await ctx.importImages(ctx.rootToken, [await filePart(dataPath("mrc/toxo.dv"))], [["datasetId", String(datasetId)]]);
    assert.equal(image.name, "toxo.dv");
    const after = await ctx.state();
    assert.equal(after.images, before.images + 1);
    assert.equal(await childCount(), 1);
    assert.equal(after.pixels.filter((e) => /^[^/]+\/$/.test(e)).length, before.pixels.filter((e) => /^[^/]+\/$/.test(e)).length + 1);
  });
});
