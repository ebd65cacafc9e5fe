/**
 * Synthetic stand-ins for the siRNA-HeLa images of OMERO's training data: DeltaVision widefield
 * Z-stacks of fixed HeLa cells with four stains, used to exercise Batch ROI Export (SCRIPTS.md §3),
 * e.g. measuring sister-centromere pairs drawn on the CY5 channel.
 */
import type { ChannelMeta, ImageMetadata, ImageReader } from "@fovea/core";
import { DEMO_CAMERA } from "./camera.ts";
import { DEFAULT_DEMO_SEED, mixSeed, Random } from "./random.ts";
import { layOutImage, type LayoutGeometry } from "./sirna-hela-layout.ts";
import { renderSiRnaHela } from "./sirna-hela-render.ts";
import type { SiRnaHelaTruth } from "./sirna-hela-truth.ts";
import { syntheticReader } from "./synthetic-reader.ts";

export type { CentromerePairTruth, NucleusTruth, SiRnaHelaTruth, StackPoint } from "./sirna-hela-truth.ts";

/** All optional; the defaults give the demo catalogue's four 512 × 512 × 9 stacks. */
export interface SiRnaHelaOptions {
  /** Number of images (default 4). */
  readonly count?: number;
  /** Default 512 × 512 × 9. */
  readonly sizeX?: number;
  readonly sizeY?: number;
  readonly sizeZ?: number;
  readonly seed?: number;
}

/** The readers and, index for index, what each one shows. */
export interface SiRnaHelaImages {
  readonly readers: readonly ImageReader[];
  /** One entry per reader, in the same order. */
  readonly truth: readonly SiRnaHelaTruth[];
}

/** 60×/1.42 NA objective on a 6.45 µm-pixel CoolSNAP HQ2: 0.1075 µm per pixel; 0.2 µm Z steps. */
export const SIRNA_HELA_PIXEL_SIZE = 0.1075;
export const SIRNA_HELA_PLANE_SPACING = 0.2;

/**
 * The DeltaVision quad filter set, by its usual names. Colours are the conventional ones (CY5 as
 * magenta, so it stays apart from TRITC red); windows span background to bright signal.
 */
export const SIRNA_HELA_CHANNELS: readonly ChannelMeta[] = [
  { name: "DAPI", emissionWavelength: 457, color: "0000FF", window: { start: 150, end: 2600 } },
  { name: "FITC", emissionWavelength: 528, color: "00FF00", window: { start: 150, end: 700 } },
  { name: "TRITC", emissionWavelength: 617, color: "FF0000", window: { start: 150, end: 900 } },
  { name: "CY5", emissionWavelength: 685, color: "FF00FF", window: { start: 150, end: 2000 } },
];

/**
 * Generates `count` four-channel uint16 Z-stacks and their ground truth. Layouts are drawn now (the
 * truth needs them); planes are rendered when read, and the same seed always gives the same
 * pixels. Fields smaller than 512 × 512 hold proportionally fewer nuclei.
 */
export function siRnaHelaImages(options: SiRnaHelaOptions = {}): SiRnaHelaImages {
  const { count = 4, sizeX = 512, sizeY = 512, sizeZ = 9, seed = DEFAULT_DEMO_SEED } = options;
  for (const [name, v] of Object.entries({ count, sizeX, sizeY, sizeZ })) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`siRnaHelaImages: ${name} must be a positive integer (got ${v})`);
  }
  const geometry: LayoutGeometry = { sizeX, sizeY, sizeZ, pixelSize: SIRNA_HELA_PIXEL_SIZE, planeSpacing: SIRNA_HELA_PLANE_SPACING };
  const readers: ImageReader[] = [];
  const truth: SiRnaHelaTruth[] = [];
  for (let imageIndex = 0; imageIndex < count; imageIndex++) {
    const layout = layOutImage(new Random(mixSeed(seed, imageIndex, 1)), geometry);
    readers.push(syntheticReader({
      metadata: metadataOf(imageIndex, sizeX, sizeY, sizeZ),
      render: renderSiRnaHela(layout, sizeX, sizeY, sizeZ),
      camera: DEMO_CAMERA,
      noiseSeed: mixSeed(seed, imageIndex, 2),
    }));
    truth.push({
      imageIndex,
      nuclei: layout.cells.map((c) => c.nucleus),
      centromerePairs: layout.pairs,
      spots: layout.cells.flatMap((c) => c.spots.map((s) => [s.x, s.y, s.z] as const)),
    });
  }
  return { readers, truth };
}

function metadataOf(imageIndex: number, sizeX: number, sizeY: number, sizeZ: number): ImageMetadata {
  const number = String(imageIndex + 1).padStart(2, "0");
  return {
    // DeltaVision names raw (not deconvolved) stacks `<name>_R3D`.
    name: `siRNA-HeLa_${number}_R3D`,
    sizeX, sizeY, sizeZ, sizeC: SIRNA_HELA_CHANNELS.length, sizeT: 1,
    pixelType: "uint16",
    physicalSizeX: SIRNA_HELA_PIXEL_SIZE,
    physicalSizeY: SIRNA_HELA_PIXEL_SIZE,
    physicalSizeZ: SIRNA_HELA_PLANE_SPACING,
    channels: SIRNA_HELA_CHANNELS,
    format: "Synthetic",
    acquisitionDate: `2024-03-14T10:${number}:00Z`,
  };
}
