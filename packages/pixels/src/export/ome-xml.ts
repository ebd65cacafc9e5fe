/**
 * The OME-XML (schema 2016-06) that an OME-TIFF carries in its first page's ImageDescription:
 * pixel type, sizes, physical sizes with units, time increment, channels, and one TiffData that
 * maps the pages, in `DimensionOrder`, onto the planes.
 */
import type { ImageMetadata } from "@fovea/core";
import type { PixelType } from "../common/pixel-types.ts";

/** Pages run Z fastest, then C, then T (the OME default, which OMERO also writes). */
export const DIMENSION_ORDER = "XYZCT";

/** Page index of plane (z, c, t) under DIMENSION_ORDER. */
export function pageIndex(meta: Pick<ImageMetadata, "sizeZ" | "sizeC">, z: number, c: number, t: number): number {
  return z + meta.sizeZ * (c + meta.sizeC * t);
}

const OME_TYPES: Record<PixelType, string> = {
  uint8: "uint8", int8: "int8", uint16: "uint16", int16: "int16", uint32: "uint32", int32: "int32", float32: "float", float64: "double",
};

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch]!);
}

/** Attributes in order, skipping undefined values. */
function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
}

/** OME colours are signed 32-bit RGBA integers. */
function omeColor(rrggbb: string | undefined): number | undefined {
  if (!rrggbb || !/^[0-9a-fA-F]{6}$/.test(rrggbb)) return undefined;
  return ((parseInt(rrggbb, 16) << 8) | 0xff) | 0;
}

export function buildOmeXml(meta: ImageMetadata, colors: readonly string[] = []): string {
  const { sizeX, sizeY, sizeZ, sizeC, sizeT } = meta;
  const pixels = attrs({
    ID: "Pixels:0", DimensionOrder: DIMENSION_ORDER, Type: OME_TYPES[meta.pixelType],
    SizeX: sizeX, SizeY: sizeY, SizeZ: sizeZ, SizeC: sizeC, SizeT: sizeT,
    PhysicalSizeX: meta.physicalSizeX, PhysicalSizeXUnit: meta.physicalSizeX === undefined ? undefined : "µm",
    PhysicalSizeY: meta.physicalSizeY, PhysicalSizeYUnit: meta.physicalSizeY === undefined ? undefined : "µm",
    PhysicalSizeZ: meta.physicalSizeZ, PhysicalSizeZUnit: meta.physicalSizeZ === undefined ? undefined : "µm",
    TimeIncrement: meta.timeIncrement, TimeIncrementUnit: meta.timeIncrement === undefined ? undefined : "s",
    BigEndian: "false", Interleaved: "false",
  });
  const channels = Array.from({ length: sizeC }, (_, c) => {
    const ch = meta.channels[c];
    return `<Channel${attrs({
      ID: `Channel:0:${c}`, Name: ch?.name || `Ch${c + 1}`, SamplesPerPixel: 1, Color: omeColor(colors[c] ?? ch?.color),
      EmissionWavelength: ch?.emissionWavelength, EmissionWavelengthUnit: ch?.emissionWavelength === undefined ? undefined : "nm",
    })}/>`;
  });
  const image = attrs({ ID: "Image:0", Name: meta.name });
  const date = meta.acquisitionDate ? `<AcquisitionDate>${escapeXml(meta.acquisitionDate)}</AcquisitionDate>` : "";
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
    ` xsi:schemaLocation="http://www.openmicroscopy.org/Schemas/OME/2016-06 http://www.openmicroscopy.org/Schemas/OME/2016-06/ome.xsd" Creator="Fovea">`,
    `<Image${image}>${date}<Pixels${pixels}>`,
    ...channels,
    `<TiffData IFD="0" PlaneCount="${sizeZ * sizeC * sizeT}"/>`,
    `</Pixels></Image></OME>`,
  ].join("");
}
