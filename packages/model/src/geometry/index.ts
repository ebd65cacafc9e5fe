/** Pixel geometry shared by the server and scripts: shape membership, statistics, path sampling. */
export { type PixelSpans, SpanBuilder, forEachPixel, pixelList, spansFromPixelKeys } from "./pixel-spans.ts";
export { bresenham, pixelOf, MAX_LINE_STEPS } from "./bresenham.ts";
export { shapePixels } from "./shape-pixels.ts";
export { intensityStats, type IntensityStats } from "./intensity-stats.ts";
export {
  pathSamplePositions, bilinearAt, bilinearFootprint, windowLookup, toPixelType,
  type PathSamplePositions, type PixelLookup, type PlaneWindow,
} from "./path-sampling.ts";
