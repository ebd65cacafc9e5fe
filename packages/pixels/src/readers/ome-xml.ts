/**
 * OME-XML (the ImageDescription of an OME-TIFF) → what Fovea needs per Image: sizes, type,
 * DimensionOrder, physical sizes (µm), time increment (s), channels and the TiffData plane → IFD
 * mapping. Only the schema's own elements count: vendor XML embedded in StructuredAnnotations
 * (e.g. the aicsimageio CZI metadata, which lists channels the pixels do not hold) is ignored
 * because we only look at Channel and TiffData elements that are direct children of Pixels.
 */
import { parseDimensionOrder, type AxisOrder } from "./plane-index.ts";
import { lengthFactorToMicrons, positiveOrUndefined, timeFactorToSeconds, toMicrons, toSeconds } from "./units.ts";
import { childrenNamed, firstChild, parseXml, type XmlElement } from "./xml-lite.ts";

/** A Channel element of Pixels. */
export interface OmeChannel {
  readonly name?: string | undefined;
  /** `RRGGBB`. */
  readonly color?: string | undefined;
  /** Nanometres. */
  readonly emissionWavelength?: number | undefined;
  readonly samplesPerPixel: number;
}

/** A TiffData element: where a run of planes lives. */
export interface OmeTiffData {
  readonly ifd?: number | undefined;
  readonly firstZ: number;
  readonly firstC: number;
  readonly firstT: number;
  readonly planeCount?: number | undefined;
  /** The UUID element's text: which file of a multi-file set holds these planes. */
  readonly uuid?: string | undefined;
  readonly fileName?: string | undefined;
}

/** One Image element, in Fovea's units. */
export interface OmeImage {
  readonly name?: string | undefined;
  readonly acquisitionDate?: string | undefined;
  readonly sizeX: number;
  readonly sizeY: number;
  readonly sizeZ: number;
  readonly sizeC: number;
  readonly sizeT: number;
  /** OME pixel type, e.g. `uint16`, `float` (= float32), `double`. */
  readonly type?: string | undefined;
  readonly order: AxisOrder;
  readonly physicalSizeX?: number | undefined;
  readonly physicalSizeY?: number | undefined;
  readonly physicalSizeZ?: number | undefined;
  readonly timeIncrement?: number | undefined;
  readonly channels: readonly OmeChannel[];
  readonly tiffData: readonly OmeTiffData[];
}

/** The parts of an OME document the TIFF reader uses. */
export interface OmeDocument {
  readonly uuid?: string | undefined;
  readonly images: readonly OmeImage[];
  /** Metadata-only companion files (BinaryOnly) point at the pixels elsewhere. */
  readonly binaryOnly: boolean;
}

/** Whether an ImageDescription looks like OME-XML (cheap test before parsing). */
export function looksLikeOmeXml(description: string | undefined): description is string {
  return description !== undefined && /<(\w+:)?OME[\s>]/.test(description.slice(0, 4096));
}

/**
 * Parses OME-XML; throws a plain Error with a reason when the document has no usable Image
 * (the caller names the file). Sizes are validated as positive integers.
 */
export function parseOmeXml(xml: string): OmeDocument {
  const root = parseXml(xml);
  if (!root || root.name !== "OME") throw new Error("the OME-XML has no OME root element");
  const images = childrenNamed(root, "Image").map(parseImage);
  if (images.length === 0) throw new Error("the OME-XML describes no Image");
  return { uuid: root.attributes.UUID, images, binaryOnly: firstChild(root, "BinaryOnly") !== undefined };
}

function parseImage(image: XmlElement, index: number): OmeImage {
  const pixels = firstChild(image, "Pixels");
  if (!pixels) throw new Error(`OME Image ${index} has no Pixels element`);
  const a = pixels.attributes;
  const size = (key: string) => {
    const v = Number(a[key] ?? "1");
    if (!Number.isSafeInteger(v) || v <= 0) throw new Error(`OME Image ${index}: ${key}="${a[key]}" is not a positive integer`);
    return v;
  };
  const sizes = { sizeX: size("SizeX"), sizeY: size("SizeY"), sizeZ: size("SizeZ"), sizeC: size("SizeC"), sizeT: size("SizeT") };
  const order = parseDimensionOrder(a.DimensionOrder) ?? "ZCT";
  return {
    name: image.attributes.Name,
    acquisitionDate: firstChild(image, "AcquisitionDate")?.text.trim() || undefined,
    ...sizes,
    type: a.Type?.toLowerCase(),
    order,
    physicalSizeX: toMicrons(num(a.PhysicalSizeX), a.PhysicalSizeXUnit),
    physicalSizeY: toMicrons(num(a.PhysicalSizeY), a.PhysicalSizeYUnit),
    physicalSizeZ: toMicrons(num(a.PhysicalSizeZ), a.PhysicalSizeZUnit),
    timeIncrement: toSeconds(num(a.TimeIncrement), a.TimeIncrementUnit) ?? deltaTIncrement(pixels),
    channels: childrenNamed(pixels, "Channel").map(parseChannel),
    tiffData: childrenNamed(pixels, "TiffData").map(parseTiffData),
  };
}

function num(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function int(v: string | undefined): number | undefined {
  const n = num(v);
  return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function parseChannel(ch: XmlElement): OmeChannel {
  const a = ch.attributes;
  const wavelength = num(a.EmissionWavelength);
  const factor = lengthFactorToMicrons(a.EmissionWavelengthUnit ?? "nm");
  const nm = wavelength !== undefined && factor !== undefined && wavelength > 0 ? round3(wavelength * factor * 1000) : undefined;
  return {
    name: a.Name?.trim() || undefined,
    color: omeColorToHex(a.Color),
    emissionWavelength: nm,
    samplesPerPixel: Math.max(1, int(a.SamplesPerPixel) ?? 1),
  };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function parseTiffData(td: XmlElement): OmeTiffData {
  const a = td.attributes;
  const uuid = firstChild(td, "UUID");
  return {
    ifd: int(a.IFD), firstZ: int(a.FirstZ) ?? 0, firstC: int(a.FirstC) ?? 0, firstT: int(a.FirstT) ?? 0,
    planeCount: int(a.PlaneCount),
    uuid: uuid?.text.trim() || undefined, fileName: uuid?.attributes.FileName,
  };
}

/**
 * OME colours are signed 32-bit RGBA integers (-1 = opaque white, 0x00FF00FF = green as
 * 16711935); we keep RRGGBB and drop alpha.
 */
export function omeColorToHex(value: string | undefined): string | undefined {
  const n = num(value);
  if (n === undefined || !Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 32) return undefined;
  const rgba = n >>> 0;
  return (rgba >>> 8).toString(16).padStart(6, "0").toUpperCase();
}

/**
 * When Pixels has no TimeIncrement, the Plane elements' DeltaT (first channel and slice, time
 * points 0 and 1) give one, as Bio-Formats derives it.
 */
function deltaTIncrement(pixels: XmlElement): number | undefined {
  // DeltaT in seconds for time point t (first slice and channel), each in its own unit.
  const seconds = (t: number): number | undefined => {
    const plane = childrenNamed(pixels, "Plane").find((p) =>
      (p.attributes.TheZ ?? "0") === "0" && (p.attributes.TheC ?? "0") === "0" && p.attributes.TheT === String(t));
    const value = num(plane?.attributes.DeltaT);
    const factor = timeFactorToSeconds(plane?.attributes.DeltaTUnit ?? "s");
    return value === undefined || factor === undefined ? undefined : value * factor;
  };
  const [t0, t1] = [seconds(0), seconds(1)];
  return t0 === undefined || t1 === undefined ? undefined : positiveOrUndefined(t1 - t0);
}
