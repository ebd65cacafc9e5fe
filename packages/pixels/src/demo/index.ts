/**
 * Synthetic demo data: images a fresh server can show on its first start, and whose ground truth
 * lets tests check the official scripts end to end (Batch ROI Export on the siRNA-HeLa stacks,
 * Kymograph and Kymograph Analysis on the time-lapse). Everything is seeded and deterministic.
 */
import type { ImageReader } from "@fovea/core";
import { kymographMovie } from "./kymograph-movie.ts";
import { siRnaHelaImages } from "./sirna-hela.ts";

export { DEFAULT_DEMO_SEED } from "./random.ts";
export {
  siRnaHelaImages, SIRNA_HELA_CHANNELS, SIRNA_HELA_PIXEL_SIZE, SIRNA_HELA_PLANE_SPACING,
  type SiRnaHelaImages, type SiRnaHelaOptions, type SiRnaHelaTruth, type NucleusTruth, type CentromerePairTruth, type StackPoint,
} from "./sirna-hela.ts";
export {
  kymographMovie, KYMOGRAPH_PIXEL_SIZE, KYMOGRAPH_TIME_INCREMENT,
  type KymographMovie, type KymographMovieOptions, type KymographMovieTruth, type TrackTruth, type PathPoint,
} from "./kymograph-movie.ts";

/** One dataset of the demo catalogue. */
export interface DemoDataset {
  readonly name: string;
  readonly description: string;
  readonly readers: readonly ImageReader[];
}

export interface DemoCatalogue {
  readonly datasets: readonly DemoDataset[];
}

/**
 * The datasets a demo server imports on its first start. Building it is cheap (layouts only);
 * pixels are rendered as the importer reads them, one plane at a time.
 */
export function demoCatalogue(options: { readonly seed?: number } = {}): DemoCatalogue {
  const seed = options.seed === undefined ? {} : { seed: options.seed };
  return {
    datasets: [
      {
        name: "siRNA-HeLa",
        description:
          "Synthetic widefield (DeltaVision-style) Z-stacks of fixed HeLa cells, 9 planes 0.2 µm apart at 0.1075 µm/px: " +
          "DAPI nuclei, FITC cytoplasm, TRITC cytoplasmic spots, and CY5 sister-centromere pairs 0.5–1.0 µm apart. " +
          "Try Batch ROI Export with shapes drawn on the CY5 channel.",
        readers: siRnaHelaImages(seed).readers,
      },
      {
        name: "Kymograph",
        description:
          "A synthetic 60-frame GFP time-lapse (0.5 s per frame, 0.16 µm/px): particles moving at constant speeds " +
          "(0.1–0.8 µm/s, both directions) along curved microtubule-like tracks. Draw a polyline along a track, " +
          "run Kymograph, then measure the stripes with Kymograph Analysis.",
        readers: [kymographMovie(seed).reader],
      },
    ],
  };
}
