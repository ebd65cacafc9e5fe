/**
 * The tracks of the kymograph demo movie: gently curved microtubule-like paths, each carrying one
 * particle at a constant signed speed. Tracks keep clear of each other and of the image border so
 * each particle stays a separate spot and every kymograph stripe stays whole.
 */
import type { PathPoint } from "./arc-length-path.ts";
import { Random } from "./random.ts";

/** One track of the ground truth. */
export interface TrackTruth {
  /** The polyline the particle follows, vertices every VERTEX_SPACING px along a smooth curve. */
  readonly path: readonly PathPoint[];
  /** µm/s along the path; + means from the path's first point toward its last. */
  readonly speedUmPerS: number;
  /** Arc length (px, from the first point) of the particle at time 0. */
  readonly startArcLengthPx: number;
}

/** A track as drawn: the truth plus how bright its particle is. */
export interface TrackLayout extends TrackTruth {
  /** Photons at the particle's centre before bleaching. */
  readonly brightness: number;
}

/** The movie the tracks must fit, and its calibration. */
export interface MovieGeometry {
  readonly sizeX: number;
  readonly sizeY: number;
  readonly sizeT: number;
  readonly pixelSize: number;
  readonly timeIncrement: number;
}

const VERTEX_SPACING = 4;
/** Distance kept from the image border (px) and from the ends of a path (arc length, px). */
const BORDER = 10;
const END_MARGIN = 10;
/** Closest approach of two tracks, or of two far-apart parts of one track. */
const TRACK_SPACING = 14;

/**
 * 3–5 tracks at 0.1–0.8 µm/s, at least one in each direction. Speeds are stratified (one per equal
 * slice of the range, in random order) so every movie shows slow and fast stripes side by side.
 */
export function layOutTracks(rng: Random, g: MovieGeometry): TrackLayout[] {
  const count = rng.int(3, 5);
  const slices = Array.from({ length: count }, (_, k) => k);
  for (let k = count - 1; k > 0; k--) {
    const other = rng.int(0, k);
    [slices[k], slices[other]] = [slices[other]!, slices[k]!];
  }
  const speeds = slices.map((k) => rng.sign() * (0.1 + (0.7 * (k + rng.next())) / count));
  if (speeds.every((v) => v > 0)) speeds[speeds.length - 1]! *= -1;
  if (speeds.every((v) => v < 0)) speeds[0]! *= -1;
  const tracks: TrackLayout[] = [];
  for (const speed of speeds) {
    const track = placeTrack(rng, g, speed, tracks);
    if (track) tracks.push(track);
  }
  if (tracks.length === 0) {
    throw new RangeError(`kymographMovie: a ${g.sizeX} × ${g.sizeY} field is too small for ${g.sizeT} time points of moving particles`);
  }
  return tracks;
}

/** Tries paths long enough for the particle's whole run; slows the particle down when none fits. */
function placeTrack(rng: Random, g: MovieGeometry, speed: number, others: readonly TrackLayout[]): TrackLayout | undefined {
  for (let v = speed; Math.abs(v) >= 0.1 - 1e-9; v *= 0.8) {
    const travel = (Math.abs(v) * g.timeIncrement * (g.sizeT - 1)) / g.pixelSize;
    for (let attempt = 0; attempt < 300; attempt++) {
      const length = travel + 2 * END_MARGIN + rng.uniform(20, 60);
      const path = curvedPath(rng, g, length);
      if (!path || !isClear(path, others)) continue;
      const lo = v > 0 ? END_MARGIN : END_MARGIN + travel;
      const startArcLengthPx = rng.uniform(lo, lo + length - 2 * END_MARGIN - travel);
      return { path, speedUmPerS: v, startArcLengthPx, brightness: rng.uniform(700, 1100) };
    }
  }
  return undefined;
}

/**
 * A smooth curve of the given arc length: the heading turns with curvature κ(s) = κ0 + κ1·sin(ωs + φ)
 * (an arc when κ1 is small, an S-curve when it dominates). |κ0| ≥ 1/300 px⁻¹ keeps every track
 * visibly bent; the radius of curvature never drops below ~37 px (microtubules are stiff).
 * Returns undefined when it leaves the image.
 */
function curvedPath(rng: Random, g: MovieGeometry, length: number): PathPoint[] | undefined {
  let x = rng.uniform(BORDER, g.sizeX - BORDER);
  let y = rng.uniform(BORDER, g.sizeY - BORDER);
  let heading = rng.uniform(0, 2 * Math.PI);
  const k0 = rng.sign() * rng.uniform(1 / 300, 1 / 100);
  const k1 = rng.uniform(0, 1 / 60);
  const omega = (2 * Math.PI * rng.uniform(0.5, 1.2)) / length;
  const phase = rng.uniform(0, 2 * Math.PI);
  const points: PathPoint[] = [[x, y]];
  const steps = Math.ceil(length / VERTEX_SPACING);
  const ds = length / steps; // equal spacing, ending exactly at `length`
  for (let k = 1; k <= steps; k++) {
    const s = (k - 0.5) * ds; // midpoint rule for the heading over this step
    heading += (k0 + k1 * Math.sin(omega * s + phase)) * ds;
    x += ds * Math.cos(heading);
    y += ds * Math.sin(heading);
    if (x < BORDER || y < BORDER || x > g.sizeX - BORDER || y > g.sizeY - BORDER) return undefined;
    points.push([x, y]);
  }
  return points;
}

function isClear(path: readonly PathPoint[], others: readonly TrackLayout[]): boolean {
  const near = (a: PathPoint, b: PathPoint) => Math.hypot(a[0] - b[0], a[1] - b[1]) < TRACK_SPACING;
  for (const other of others) {
    if (path.some((p) => other.path.some((q) => near(p, q)))) return false;
  }
  // A path must not fold back onto itself either (vertices far apart along it stay far apart).
  const apart = Math.ceil((3 * TRACK_SPACING) / VERTEX_SPACING);
  for (let i = 0; i < path.length; i++) {
    for (let j = i + apart; j < path.length; j++) if (near(path[i]!, path[j]!)) return false;
  }
  return true;
}
