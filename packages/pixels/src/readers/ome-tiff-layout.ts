/**
 * OME-TIFF: one series per OME Image, planes mapped to IFDs by TiffData (else by DimensionOrder,
 * images following each other). IFD indices count the main IFD chain, where OME-TIFF keeps only
 * full-resolution planes (pyramids live in SubIFDs).
 */
import type { ChannelMeta } from "@fovea/core";
import type { PixelType } from "@fovea/model";
import type { OmeDocument, OmeImage } from "./ome-xml.ts";
import { linearIndex, planeAt, type Sizes } from "./plane-index.ts";
import { imageName, unreadable, unsupported } from "./reader-errors.ts";
import type { TiffPage } from "./tiff-pages.ts";
import { channelSamples, sampleChannels, type PlaneSource, type TiffSeries } from "./tiff-series.ts";

const OME_TYPES: Readonly<Record<string, PixelType>> = {
  int8: "int8", uint8: "uint8", int16: "int16", uint16: "uint16", int32: "int32", uint32: "uint32",
  float: "float32", double: "float64", bit: "uint8",
};

/** Integer types that differ only in signedness (same width). */
const SAME_WIDTH: Readonly<Partial<Record<PixelType, PixelType>>> = {
  int8: "uint8", uint8: "int8", int16: "uint16", uint16: "int16", int32: "uint32", uint32: "int32",
};

/** One series per OME Image, each validated against the pages the file holds. */
export function omeTiffSeries(path: string, doc: OmeDocument, pages: readonly TiffPage[]): TiffSeries[] {
  if (doc.binaryOnly) throw unsupported(path, "a metadata-only OME-TIFF (BinaryOnly: pixels in other files) is not supported");
  let nextIfd = 0;
  return doc.images.map((image, k) => {
    const series = imageSeries(path, doc, image, pages, nextIfd, imageName(path, image.name, k, doc.images.length));
    nextIfd += series.planeCount;
    return series.series;
  });
}

function imageSeries(
  path: string, doc: OmeDocument, image: OmeImage, pages: readonly TiffPage[], firstIfd: number, name: string,
): { series: TiffSeries; planeCount: number } {
  const foreign = image.tiffData.find((td) => td.uuid && doc.uuid && td.uuid !== doc.uuid);
  if (foreign) throw unsupported(path, `a multi-file OME-TIFF is not supported (planes are in ${foreign.fileName ?? foreign.uuid})`);
  const firstPage = pages[image.tiffData[0]?.ifd ?? firstIfd] ?? pages[0]!;
  const spp = channelSamples(firstPage);
  // An RGB OME-TIFF declares SizeC = 3 with one Channel of SamplesPerPixel 3: the IFDs then hold
  // SizeC / spp "page channels", each split into its samples.
  const declaredC = spp > 1 && image.sizeC % spp === 0 ? image.sizeC / spp : image.sizeC;
  const stacks = image.sizeZ * image.sizeT;
  if (stacks > pages.length) {
    throw unreadable(path, `the OME-XML describes ${image.sizeZ} Z × ${image.sizeT} T planes but the file has ${pages.length} pages`);
  }
  // Trust the IFDs over the XML: writers have declared more channels than they stored (the
  // aicsimageio sample's vendor metadata is the known case). When the pages present hold a whole
  // number of Z×T stacks, keep that many channels; anything else is a damaged file.
  const fewer = Math.floor((pages.length - firstIfd) / stacks);
  const candidates = declaredC * stacks <= pages.length ? [declaredC] : [];
  if (fewer >= 1 && fewer < declaredC) candidates.push(fewer);
  let pageC = 0;
  let ifds: number[] = [];
  for (const c of candidates) {
    ifds = mapPlanes(image, { sizeZ: image.sizeZ, sizeC: c, sizeT: image.sizeT }, firstIfd);
    pageC = c;
    if (ifds.every((i) => i < pages.length)) break;
  }
  if (pageC === 0 || ifds.some((i) => i >= pages.length)) {
    throw unreadable(path, `the OME-XML describes ${declaredC * stacks} planes (C ${image.sizeC}, Z ${image.sizeZ}, T ${image.sizeT}) that the file's ${pages.length} pages do not hold`);
  }
  const dims = { sizeZ: image.sizeZ, sizeC: pageC, sizeT: image.sizeT };
  const planeSource = (z: number, c: number, t: number): PlaneSource => ({
    page: pages[ifds[linearIndex("ZCT", dims, z, Math.floor(c / spp), t)]!]!,
    sample: c % spp,
  });
  const pagePixelType = firstPage.pixelType;
  const series: TiffSeries = {
    name,
    format: "OME-TIFF",
    sizeX: firstPage.width, sizeY: firstPage.height, sizeZ: image.sizeZ, sizeC: pageC * spp, sizeT: image.sizeT,
    pixelType: declaredType(image.type, pagePixelType), pagePixelType,
    physicalSizeX: image.physicalSizeX, physicalSizeY: image.physicalSizeY, physicalSizeZ: image.physicalSizeZ,
    timeIncrement: image.timeIncrement, acquisitionDate: image.acquisitionDate,
    channels: channelsOf(image, pageC, firstPage),
    planeSource,
  };
  if (firstPage.width !== image.sizeX || firstPage.height !== image.sizeY) {
    throw unreadable(path, `the OME-XML says ${image.sizeX}×${image.sizeY} but the TIFF pages are ${firstPage.width}×${firstPage.height}`);
  }
  return { series, planeCount: pageC * image.sizeZ * image.sizeT };
}

/**
 * IFD index of every plane, indexed by linearIndex("ZCT", dims, …). TiffData blocks give runs of
 * consecutive planes (in DimensionOrder) starting at FirstZ/C/T and IFD; PlaneCount defaults to 1
 * when IFD is given and to all planes otherwise (OME schema). Planes no block covers fall back to
 * the DimensionOrder position.
 */
function mapPlanes(image: OmeImage, dims: Sizes, firstIfd: number): number[] {
  const total = dims.sizeZ * dims.sizeC * dims.sizeT;
  const ifds = new Array<number>(total).fill(-1);
  for (const td of image.tiffData) {
    if (td.firstZ >= dims.sizeZ || td.firstC >= dims.sizeC || td.firstT >= dims.sizeT) continue;
    const start = linearIndex(image.order, dims, td.firstZ, td.firstC, td.firstT);
    const count = Math.min(td.planeCount ?? (td.ifd !== undefined ? 1 : total), total - start);
    for (let k = 0; k < count; k++) {
      const { z, c, t } = planeAt(image.order, dims, start + k);
      ifds[linearIndex("ZCT", dims, z, c, t)] = (td.ifd ?? 0) + k;
    }
  }
  for (let t = 0; t < dims.sizeT; t++) for (let c = 0; c < dims.sizeC; c++) for (let z = 0; z < dims.sizeZ; z++) {
    const i = linearIndex("ZCT", dims, z, c, t);
    if (ifds[i] === -1) ifds[i] = firstIfd + linearIndex(image.order, dims, z, c, t);
  }
  return ifds;
}

/**
 * Writers without SampleFormat store signed data as "unsigned" TIFF samples while the OME-XML
 * says int16 (or the reverse): when only the signedness differs, the XML is the better witness,
 * and the bits are reinterpreted. Any other disagreement keeps what the pages hold.
 */
function declaredType(omeType: string | undefined, pageType: PixelType): PixelType {
  const declared = omeType === undefined ? undefined : OME_TYPES[omeType];
  return declared !== undefined && SAME_WIDTH[pageType] === declared ? declared : pageType;
}

function channelsOf(image: OmeImage, pageC: number, page: TiffPage): ChannelMeta[] {
  const spp = channelSamples(page);
  // More Channel elements than channels stored: keep the first ones (see the IFD-count note).
  const declared = image.channels.slice(0, pageC);
  const out: ChannelMeta[] = [];
  for (let c = 0; c < pageC; c++) {
    const ch = declared[c];
    const rgb = spp > 1 ? sampleChannels(page, pageC > 1 ? ch?.name : undefined) : undefined;
    if (rgb) {
      out.push(...rgb);
      continue;
    }
    for (let s = 0; s < spp; s++) {
      const base = ch?.name ?? (ch?.emissionWavelength !== undefined ? `${ch.emissionWavelength}nm` : `Ch${out.length + 1}`);
      out.push({
        name: spp > 1 ? `${base} ${s + 1}` : base,
        color: ch?.color, emissionWavelength: ch?.emissionWavelength,
      });
    }
  }
  return out;
}
