/**
 * OME-Zarr images (NGFF 0.4 on Zarr v2, 0.5 on Zarr v3) through zarrita: the full-resolution
 * level only (the store builds its own pyramid), any subset and order of the t, c, z, y, x axes.
 * Chunk codecs, Blosc included, are zarrita's.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import FileSystemStore from "@zarrita/storage/fs";
import * as zarr from "zarrita";
import type { ImageMetadata, ImageReader, OpenedFile } from "@fovea/core";
import type { PixelType, Plane, TypedArray } from "@fovea/model";
import { hasExtension, type FileProbe, type FormatReader, type Recognition } from "./format-reader.ts";
import { ngffAttributes, NgffUnsupportedError, nonImageLayout, parseNgffImage, type AxisName, type NgffImage } from "./ngff-meta.ts";
import { bytesPerPixel } from "../common/pixel-types.ts";
import { checkPlaneIndex } from "./plane-index.ts";
import { guard, imageName, unreadable, unsupported } from "./reader-errors.ts";
import { CheckedChunkStore, chunkCheckOf } from "./zarr-chunk-check.ts";

const EXTENSIONS = [".zarr", ".ome.zarr"];
/** Planes are handed out whole, as one typed array. */
const MAX_PLANE_BYTES = 2 ** 31 - 1;
const PIXEL_TYPES: readonly string[] = ["uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "float64"];

type ZarrArray = zarr.Array<zarr.DataType, CheckedChunkStore>;

interface GroupAttributes {
  readonly zarrFormat: 2 | 3;
  readonly attributes: unknown;
}

/** A JSON document inside the folder, or undefined when the file does not exist. */
async function readJson(dir: string, relative: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(join(dir, relative), "utf8")) as unknown;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/** The group's attributes: `zarr.json` (v3) or `.zattrs` (v2); undefined when neither exists. */
async function readGroupAttributes(dir: string): Promise<GroupAttributes | undefined> {
  const v3 = await readJson(dir, "zarr.json");
  if (v3 !== undefined) return { zarrFormat: 3, attributes: (v3 as { attributes?: unknown } | null)?.attributes };
  const v2 = await readJson(dir, ".zattrs");
  return v2 === undefined ? undefined : { zarrFormat: 2, attributes: v2 };
}

async function recognise(probe: FileProbe): Promise<Recognition> {
  if (!probe.isDirectory) return 0;
  let group: GroupAttributes | undefined;
  try {
    group = await readGroupAttributes(probe.path);
  } catch {
    // Unparseable JSON: still claim the folder when its name says Zarr, so open() reports why.
    return hasExtension(probe.lowerName, EXTENSIONS) ? 1 : 0;
  }
  if (!group || (!ngffAttributes(group.attributes) && !nonImageLayout(group.attributes))) return 0;
  return hasExtension(probe.lowerName, EXTENSIONS) ? 2 : 1;
}

/** OME-Zarr image folders (NGFF 0.4 and 0.5). */
export const omeZarrReader: FormatReader = {
  formatName: "OME-Zarr",
  extensions: EXTENSIONS,
  recognise,
  open: openOmeZarr,
};

async function openOmeZarr(probe: FileProbe, signal?: AbortSignal): Promise<OpenedFile> {
  const { path } = probe;
  const group = await guard(path, "reading the Zarr group metadata", () => readGroupAttributes(path));
  if (!group) throw unreadable(path, "no zarr.json or .zattrs in the folder");
  const layout = nonImageLayout(group.attributes);
  if (layout && !ngffAttributes(group.attributes)) throw unsupported(path, layout);
  let image: NgffImage;
  try {
    image = parseNgffImage(group.attributes);
  } catch (err) {
    if (err instanceof NgffUnsupportedError) throw unsupported(path, err.message);
    throw unreadable(path, `invalid OME-NGFF metadata: ${(err as Error).message}`, err);
  }
  const level0 = image.level0Path.replace(/^\/+|\/+$/g, "");
  // The path comes from the file: it must not lead out of the folder.
  if (level0 === "" || level0.split("/").some((part) => part === ".." || part === ".")) {
    throw unreadable(path, `the level-0 dataset path "${image.level0Path}" is not a sub-folder`);
  }
  const arrayMeta = await guard(path, "reading the level-0 array metadata",
    () => readJson(path, join(level0, group.zarrFormat === 3 ? "zarr.json" : ".zarray")));
  if (typeof arrayMeta !== "object" || arrayMeta === null) throw unreadable(path, `the level-0 array "${level0}" is missing`);
  const check = chunkCheckOf(arrayMeta as Record<string, unknown>, group.zarrFormat);
  const store = new CheckedChunkStore(new FileSystemStore(path), path, `/${level0}/`, check);
  const location = zarr.root(store).resolve(level0);
  const array = await guard(path, `opening the level-0 array "${level0}"`, () =>
    group.zarrFormat === 3 ? zarr.open.v3(location, { kind: "array" }) : zarr.open.v2(location, { kind: "array", attrs: false }));
  signal?.throwIfAborted();
  return { images: [new ZarrImageReader(path, array, image.axes, metadataOf(path, image, array))], close: async () => {} };
}

function metadataOf(path: string, image: NgffImage, array: ZarrArray): ImageMetadata {
  if (!PIXEL_TYPES.includes(array.dtype)) throw unsupported(path, `Zarr data type ${array.dtype} is not supported`);
  if (array.shape.length !== image.axes.length) {
    throw unreadable(path, `the level-0 array has ${array.shape.length} dimensions but the metadata names ${image.axes.length} axes`);
  }
  const size = (axis: AxisName) => {
    const i = image.axes.indexOf(axis);
    return i < 0 ? 1 : array.shape[i]!;
  };
  const sizeC = size("c");
  if ([size("x"), size("y"), size("z"), sizeC, size("t")].some((n) => !(Number.isSafeInteger(n) && n > 0))) {
    throw unreadable(path, `the level-0 array has an empty or invalid shape [${array.shape.join(", ")}]`);
  }
  if (size("x") * size("y") * bytesPerPixel(array.dtype as PixelType) > MAX_PLANE_BYTES) {
    throw unsupported(path, `a ${size("x")}×${size("y")} plane is too large to read whole`);
  }
  return {
    name: imageName(path, image.name, 0, 1),
    sizeX: size("x"), sizeY: size("y"), sizeZ: size("z"), sizeC, sizeT: size("t"),
    pixelType: array.dtype as PixelType,
    physicalSizeX: image.physicalSizeX, physicalSizeY: image.physicalSizeY, physicalSizeZ: image.physicalSizeZ,
    // A single time point's "increment" is the writer's placeholder scale (usually 1), not data.
    timeIncrement: size("t") > 1 ? image.timeIncrement : undefined,
    channels: Array.from({ length: sizeC }, (_, c) => image.channels[c] ?? { name: `Ch${c + 1}` }),
    format: "OME-Zarr",
  };
}

class ZarrImageReader implements ImageReader {
  constructor(
    private readonly path: string,
    private readonly array: ZarrArray,
    /** Axis names in array order. */
    private readonly axes: readonly AxisName[],
    readonly metadata: ImageMetadata,
  ) {}

  async readPlane(z: number, c: number, t: number, signal?: AbortSignal): Promise<Plane> {
    signal?.throwIfAborted();
    checkPlaneIndex(this.metadata, z, c, t);
    const axes = this.axes;
    const index: Record<AxisName, number | null> = { t, c, z, y: null, x: null };
    const selection = axes.map((a) => index[a]);
    const chunk = await guard(this.path, `reading plane z=${z} c=${c} t=${t}`,
      () => zarr.get(this.array, selection, signal ? { signal } : {}));
    const data = chunk.data as TypedArray;
    const { sizeX: width, sizeY: height } = this.metadata;
    // The result keeps the array's axis order: y before x is row-major already; otherwise transpose.
    const [sy, sx] = axes.indexOf("y") < axes.indexOf("x") ? [chunk.stride[0]!, chunk.stride[1]!] : [chunk.stride[1]!, chunk.stride[0]!];
    if (sx === 1 && sy === width) return { width, height, data };
    const out = new (data.constructor as new (n: number) => TypedArray)(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = data[y * sy + x * sx]!;
    return { width, height, data: out };
  }
}
