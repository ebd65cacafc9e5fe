/**
 * A cooled-CCD camera model turning an expected photon signal into stored counts, so that demo
 * planes have the statistics analysis scripts meet in real widefield data: an offset (bias) of
 * about 100, shot noise whose variance equals the signal, Gaussian read noise, and a 12-bit ceiling.
 */
import { mulberry32, Random } from "./random.ts";

export interface CameraModel {
  /** Bias added to every pixel, in counts (CoolSNAP-class cameras sit around 100). */
  readonly offset: number;
  /** Read noise standard deviation, in counts. */
  readonly readNoise: number;
  /** Largest storable count (4095 for a 12-bit camera): brighter pixels saturate. */
  readonly maxCount: number;
}

/** The camera of every demo image: 12-bit, bias 100, 6 e⁻ read noise, 1 count per photoelectron. */
export const DEMO_CAMERA: CameraModel = { offset: 100, readNoise: 6, maxCount: 4095 };

/**
 * Writes offset + signal + noise, rounded and clamped, into `out`. Shot noise is drawn from the
 * normal approximation to Poisson (variance = signal): demo backgrounds are tens of photons and
 * more, where the approximation is indistinguishable. Shot and read noise are independent, so one
 * normal of their summed variance stands for both.
 */
export function exposePlane(signal: Float32Array, out: Uint16Array, camera: CameraModel, noiseSeed: number): void {
  const normals = standardNormals();
  const next = mulberry32(noiseSeed);
  const read2 = camera.readNoise * camera.readNoise;
  const bias = camera.offset + 0.5; // + 0.5 then floor = round
  for (let p = 0; p < signal.length; p++) {
    const s = signal[p]! > 0 ? signal[p]! : 0;
    const v = Math.floor(bias + s + Math.sqrt(s + read2) * normals[(next() * TABLE_SIZE) | 0]!);
    out[p] = v < 0 ? 0 : v > camera.maxCount ? camera.maxCount : v;
  }
}

/**
 * Normal deviates are drawn from a fixed table of 65,536 rather than by Box–Muller per pixel: a
 * logarithm and two trigonometric calls per pair made noise 80 % of a plane's cost (11 ms of
 * 14 ms at 512 × 512), the lookup costs about 1 ms, and the seeded index stream keeps pixels
 * independent. The tails stop near ±4.5σ, which no demo check can tell apart.
 */
const TABLE_SIZE = 65536;
let table: Float32Array | undefined;

function standardNormals(): Float32Array {
  if (table) return table;
  const rng = new Random(0x5eed);
  const raw = Array.from({ length: TABLE_SIZE }, () => rng.normal());
  // Rescale to mean 0 and variance 1 exactly, so the noise level is the model's, not the sample's.
  const mean = raw.reduce((a, b) => a + b, 0) / TABLE_SIZE;
  const sd = Math.sqrt(raw.reduce((a, b) => a + (b - mean) ** 2, 0) / TABLE_SIZE);
  table = Float32Array.from(raw, (v) => (v - mean) / sd);
  return table;
}
