/**
 * A synthetic time-lapse for the Kymograph and Kymograph Analysis scripts (SCRIPTS.md §3): GFP
 * cargo moving at constant, known speeds along curved microtubules in a flat cell.
 *
 * Reading the truth back through the scripts. A kymograph drawn along a track's `path` (a Polyline
 * ROI with exactly these points) puts arc length s in column s and time point t in rows
 * t·W … t·W+W−1 (W = Line_Width). The particle sits at
 *     s(t) = startArcLengthPx + speedUmPerS · (t · timeIncrement) / pixelSize,
 * so its stripe is a straight line through column startArcLengthPx at row 0 with slope
 *     dx/dy = speedUmPerS · timeIncrement / pixelSize / W   columns per row
 * (speed · timeIncrement / pixelSize columns per time point). Kymograph Analysis turns a segment
 * (dx, dy) back into dx·pixelSize / (dy·timeIncrement/W) = speedUmPerS: positive stripes run to the
 * right going down, i.e. toward the path's last point.
 */
import type { ImageMetadata, ImageReader } from "@fovea/core";
import { measurePath, type MeasuredPath } from "./arc-length-path.ts";
import { DEMO_CAMERA } from "./camera.ts";
import { layOutTracks, type TrackLayout, type TrackTruth } from "./kymograph-tracks.ts";
import { DEFAULT_DEMO_SEED, mixSeed, Random } from "./random.ts";
import { addGaussianSpot } from "./splat.ts";
import { syntheticReader, type RenderSignal } from "./synthetic-reader.ts";

export type { PathPoint } from "./arc-length-path.ts";
export type { TrackTruth } from "./kymograph-tracks.ts";

/** All optional; the defaults give the demo catalogue's movie. */
export interface KymographMovieOptions {
  /** Default 256 × 256 pixels and 60 time points. */
  readonly sizeX?: number;
  readonly sizeY?: number;
  readonly sizeT?: number;
  readonly seed?: number;
}

/** What the movie shows: calibration and the tracks with their particles' constant speeds. */
export interface KymographMovieTruth {
  /** Seconds between time points (also the reader's metadata.timeIncrement). */
  readonly timeIncrement: number;
  /** µm per pixel in X and Y. */
  readonly pixelSize: number;
  readonly tracks: readonly TrackTruth[];
}

/** The movie's reader and its ground truth. */
export interface KymographMovie {
  readonly reader: ImageReader;
  readonly truth: KymographMovieTruth;
}

/** 100×/1.4 objective on a 16 µm-pixel EMCCD: 0.16 µm per pixel; one frame every 0.5 s. */
export const KYMOGRAPH_PIXEL_SIZE = 0.16;
export const KYMOGRAPH_TIME_INCREMENT = 0.5;
/** The particle's PSF; the microtubule's is a little narrower (it is a line, not a blob). */
const PARTICLE_SIGMA = 1.5;
const FILAMENT_SIGMA = 1.0;
const FILAMENT_BRIGHTNESS = 90;
/** Photobleaching time constant, in frames: the last frame keeps ~86 % of the first's signal. */
const BLEACH_FRAMES = 400;

/**
 * Generates the movie and its truth. Tracks are laid out now; frames are rendered when read, and
 * the same seed always gives the same pixels. Throws RangeError when the field cannot hold a track.
 */
export function kymographMovie(options: KymographMovieOptions = {}): KymographMovie {
  const { sizeX = 256, sizeY = 256, sizeT = 60, seed = DEFAULT_DEMO_SEED } = options;
  for (const [name, v] of Object.entries({ sizeX, sizeY, sizeT })) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`kymographMovie: ${name} must be a positive integer (got ${v})`);
  }
  const geometry = { sizeX, sizeY, sizeT, pixelSize: KYMOGRAPH_PIXEL_SIZE, timeIncrement: KYMOGRAPH_TIME_INCREMENT };
  const tracks = layOutTracks(new Random(mixSeed(seed, 7, 1)), geometry);
  const reader = syntheticReader({
    metadata: metadataOf(sizeX, sizeY, sizeT),
    render: renderFrame(tracks, sizeX, sizeY),
    camera: DEMO_CAMERA,
    noiseSeed: mixSeed(seed, 7, 2),
  });
  const truth: KymographMovieTruth = {
    timeIncrement: KYMOGRAPH_TIME_INCREMENT,
    pixelSize: KYMOGRAPH_PIXEL_SIZE,
    tracks: tracks.map(({ path, speedUmPerS, startArcLengthPx }) => ({ path, speedUmPerS, startArcLengthPx })),
  };
  return { reader, truth };
}

function renderFrame(tracks: readonly TrackLayout[], width: number, height: number): RenderSignal {
  const measured = tracks.map((track) => ({ track, path: measurePath(track.path) }));
  const haze = cellHaze(width, height);
  return (signal, _z, _c, t) => {
    const bleach = Math.exp(-t / BLEACH_FRAMES);
    for (const { track, path } of measured) {
      drawFilament(signal, width, height, path, FILAMENT_BRIGHTNESS * bleach);
      const s = track.startArcLengthPx + (track.speedUmPerS * t * KYMOGRAPH_TIME_INCREMENT) / KYMOGRAPH_PIXEL_SIZE;
      const [x, y] = path.at(s);
      addGaussianSpot(signal, width, height, x, y, PARTICLE_SIGMA, track.brightness * bleach);
    }
    for (let j = 0, p = 0; j < height; j++) {
      for (let i = 0; i < width; i++, p++) signal[p]! += bleach * haze.rows[j]! * haze.columns[i]! + 40;
    }
  };
}

/**
 * A line of uniform brightness along the path: Gaussians every half pixel of arc length, each
 * weighted so that their sum peaks at `brightness` across the line (the line integral of one
 * Gaussian along the path is σ√(2π) times its peak).
 */
function drawFilament(signal: Float32Array, width: number, height: number, path: MeasuredPath, brightness: number): void {
  const step = 0.5;
  const amplitude = (brightness * step) / (FILAMENT_SIGMA * Math.sqrt(2 * Math.PI));
  for (let s = 0; s <= path.length; s += step) {
    const [x, y] = path.at(s);
    addGaussianSpot(signal, width, height, x, y, FILAMENT_SIGMA, amplitude);
  }
}

/** The cell's diffuse cytoplasmic GFP: one broad separable Gaussian (rows × columns), 120 photons at its peak. */
function cellHaze(width: number, height: number): { rows: Float32Array; columns: Float32Array } {
  const gauss = (n: number, centre: number, sigma: number, peak: number) =>
    Float32Array.from({ length: n }, (_, i) => peak * Math.exp(-((i + 0.5 - centre) ** 2) / (2 * sigma * sigma)));
  return { rows: gauss(height, 0.55 * height, 0.6 * height, Math.sqrt(120)), columns: gauss(width, 0.45 * width, 0.7 * width, Math.sqrt(120)) };
}

function metadataOf(sizeX: number, sizeY: number, sizeT: number): ImageMetadata {
  return {
    name: "GFP-cargo_timelapse",
    sizeX, sizeY, sizeZ: 1, sizeC: 1, sizeT,
    pixelType: "uint16",
    physicalSizeX: KYMOGRAPH_PIXEL_SIZE,
    physicalSizeY: KYMOGRAPH_PIXEL_SIZE,
    timeIncrement: KYMOGRAPH_TIME_INCREMENT,
    channels: [{ name: "GFP", emissionWavelength: 510, color: "00FF00", window: { start: 150, end: 1100 } }],
    format: "Synthetic",
    acquisitionDate: "2024-03-15T14:30:00Z",
  };
}
