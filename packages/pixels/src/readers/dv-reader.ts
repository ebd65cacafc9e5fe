/**
 * DeltaVision (.dv, .r3d, and any file carrying the 0xC0A0 marker): our own reader, since npm
 * has none. One image per file; planes are read with positioned reads at
 * 1024 + next + section × planeBytes.
 */
import type { ChannelMeta, ImageMetadata, ImageReader, OpenedFile } from "@fovea/core";
import type { Plane } from "@fovea/model";
import { DV_HEADER_BYTES, hasDvMagic, parseDvHeader, sectionIndex, type DvHeader } from "./dv-header.ts";
import { scoreMatch, type FileProbe, type FormatReader } from "./format-reader.ts";
import { checkPlaneIndex } from "./plane-index.ts";
import { PositionedFile } from "./positioned-file.ts";
import { displayName, guard } from "./reader-errors.ts";
import { samplesFromBytes } from "./sample-bytes.ts";

const EXTENSIONS = [".dv", ".r3d", ".r3d_d3d", ".dv_otf", ".otf"];

/** DeltaVision/MRC files carrying the DV marker. */
export const dvReader: FormatReader = {
  formatName: "DeltaVision",
  extensions: EXTENSIONS,
  recognise: (probe) => scoreMatch(!probe.isDirectory && hasDvMagic(probe.head), probe, EXTENSIONS),
  open: openDv,
};

async function openDv(probe: FileProbe, signal?: AbortSignal): Promise<OpenedFile> {
  signal?.throwIfAborted();
  const file = await PositionedFile.open(probe.path);
  try {
    const head = await file.readUpTo(0, DV_HEADER_BYTES);
    const header = parseDvHeader(probe.path, head, file.size);
    const reader = new DvImageReader(file, header, metadataOf(probe, header));
    return { images: [reader], close: () => file.close() };
  } catch (err) {
    await file.close();
    throw err;
  }
}

function metadataOf(probe: FileProbe, h: DvHeader): ImageMetadata {
  // SoftWoRx OTFs (.otf, .dv_otf) are DV files whose "pixel sizes" are reciprocal-space steps: we
  // import the values as an image but do not pass those numbers off as micrometres.
  const reciprocal = probe.lowerName.endsWith("otf");
  const channels: ChannelMeta[] = h.wavelengths.map((nm, c) =>
    nm > 0 ? { name: `${nm}nm`, emissionWavelength: nm } : { name: `Ch${c + 1}` });
  return {
    name: displayName(probe.path),
    sizeX: h.sizeX, sizeY: h.sizeY, sizeZ: h.sizeZ, sizeC: h.sizeC, sizeT: h.sizeT,
    pixelType: h.pixelType,
    physicalSizeX: reciprocal ? undefined : h.pixelSize.x,
    physicalSizeY: reciprocal ? undefined : h.pixelSize.y,
    physicalSizeZ: reciprocal ? undefined : h.pixelSize.z,
    channels,
    format: "DeltaVision",
  };
}

class DvImageReader implements ImageReader {
  constructor(
    private readonly file: PositionedFile,
    readonly header: DvHeader,
    readonly metadata: ImageMetadata,
  ) {}

  async readPlane(z: number, c: number, t: number, signal?: AbortSignal): Promise<Plane> {
    signal?.throwIfAborted();
    checkPlaneIndex(this.metadata, z, c, t);
    const h = this.header;
    const section = sectionIndex(h, z, c, t);
    const what = `plane z=${z} c=${c} t=${t}`;
    const bytes = await guard(this.file.path, `reading ${what}`, () => this.file.read(h.dataOffset + section * h.planeBytes, h.planeBytes, what));
    return { width: h.sizeX, height: h.sizeY, data: samplesFromBytes(h.pixelType, bytes, h.littleEndian) };
  }
}
