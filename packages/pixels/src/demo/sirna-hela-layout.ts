/**
 * Where everything lies in one siRNA-HeLa demo image: nuclei, cell bodies, cytoplasmic spots and
 * centromere pairs, drawn once per image from its own random stream. The renderer only reads this
 * layout, so the ground truth and the pixels cannot drift apart.
 */
import { Random } from "./random.ts";
import type { CentromerePairTruth, NucleusTruth, StackPoint } from "./sirna-hela-truth.ts";

/** A plane wave modulating intensity: 1 + Σ amplitude · sin(kx·x + ky·y + phase). */
export interface Wave {
  readonly kx: number;
  readonly ky: number;
  readonly phase: number;
  readonly amplitude: number;
}

/** A Gaussian spot in the stack. */
export interface Dot {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly sigma: number;
  readonly amplitude: number;
}

/** One cell: its nucleus (the truth), how its stains look, and its cytoplasmic spots. */
export interface CellLayout {
  readonly nucleus: NucleusTruth;
  /** DAPI photons at the nucleus centre in the focal plane (G2 nuclei hold twice G1's DNA). */
  readonly dnaBrightness: number;
  readonly chromatin: readonly Wave[];
  /** Nucleoli hold little DNA: Gaussian holes in the DAPI signal (amplitude = fraction removed; z unused). */
  readonly nucleoli: readonly Dot[];
  readonly body: CellBody;
  readonly spots: readonly Dot[];
}

/**
 * The cell body: a star-shaped outline r(θ) = radius · (1 + a2 cos(2θ − p2) + a3 cos(3θ − p3)).
 * The phases are kept as (cos p, sin p), which the renderer needs at every pixel.
 */
export interface CellBody {
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  readonly a2: number;
  readonly cosP2: number;
  readonly sinP2: number;
  readonly a3: number;
  readonly cosP3: number;
  readonly sinP3: number;
  readonly brightness: number;
  readonly texture: readonly Wave[];
}

/** Everything one image shows; `pairs` is the centromere truth, `centromeres` the same dots as drawn. */
export interface ImageLayout {
  readonly cells: readonly CellLayout[];
  readonly pairs: readonly CentromerePairTruth[];
  readonly centromeres: readonly Dot[];
}

/** The stack the layout must fit, and its calibration. */
export interface LayoutGeometry {
  readonly sizeX: number;
  readonly sizeY: number;
  readonly sizeZ: number;
  /** µm per pixel in X/Y, and per plane in Z. */
  readonly pixelSize: number;
  readonly planeSpacing: number;
}

/** A diffraction-limited spot: σ ≈ 1.2 px at 0.1075 µm/px is the PSF of a 1.4 NA objective. */
export const SPOT_SIGMA_XY = 1.2;
export const SPOT_SIGMA_Z = 1.5;
/** Dots of different pairs keep this far apart in X/Y, so each stays a separate local maximum. */
const MIN_DOT_SPACING = 5.5;
const NUCLEUS_GAP = 6;

/** Lays out one image; `rng` is that image's own stream. */
export function layOutImage(rng: Random, g: LayoutGeometry): ImageLayout {
  // 8–15 nuclei fill a 512 × 512 field at 0.1075 µm/px; smaller fields get proportionally fewer.
  const wanted = Math.max(1, Math.round(rng.int(8, 15) * (g.sizeX * g.sizeY) / (512 * 512)));
  const nuclei = placeNuclei(rng, g, wanted);
  const cells = nuclei.map((n) => describeCell(rng, g, n, nuclei));
  const pairs: CentromerePairTruth[] = [];
  const centromeres: Dot[] = [];
  nuclei.forEach((n, index) => placeCentromeres(rng, g, n, index, pairs, centromeres));
  return { cells, pairs, centromeres };
}

/** Random sequential placement; a nucleus that does not fit is shrunk a little and tried again. */
function placeNuclei(rng: Random, g: LayoutGeometry, wanted: number): NucleusTruth[] {
  const placed: NucleusTruth[] = [];
  for (let k = 0; k < wanted; k++) {
    let rx = rng.uniform(38, 54);
    const aspect = rng.uniform(0.72, 0.95);
    const angle = rng.uniform(0, Math.PI);
    for (let shrink = 0; shrink < 5 && rx >= 24; shrink++, rx *= 0.9) {
      const spot = findFreeSpot(rng, g, rx, placed);
      if (spot) {
        placed.push({ x: spot[0], y: spot[1], rx, ry: rx * aspect, angle });
        break;
      }
    }
  }
  return placed;
}

/** A centre keeping the whole nucleus (bounded by its circle of radius r) inside the image and clear of others. */
function findFreeSpot(rng: Random, g: LayoutGeometry, r: number, placed: readonly NucleusTruth[]): [number, number] | undefined {
  const margin = r + 4;
  if (g.sizeX < 2 * margin || g.sizeY < 2 * margin) return undefined;
  for (let attempt = 0; attempt < 300; attempt++) {
    const x = rng.uniform(margin, g.sizeX - margin);
    const y = rng.uniform(margin, g.sizeY - margin);
    if (placed.every((o) => Math.hypot(o.x - x, o.y - y) >= r + o.rx + NUCLEUS_GAP)) return [x, y];
  }
  return undefined;
}

function describeCell(rng: Random, g: LayoutGeometry, n: NucleusTruth, allNuclei: readonly NucleusTruth[]): CellLayout {
  const nucleoli = Array.from({ length: rng.int(1, 3) }, () => {
    const [x, y] = pointInEllipse(rng, n, 0.55);
    return { x, y, z: 0, sigma: rng.uniform(3, 5.5), amplitude: rng.uniform(0.25, 0.4) };
  });
  const shift = rng.uniform(0, 0.3) * n.rx;
  const heading = rng.uniform(0, 2 * Math.PI);
  const p2 = rng.uniform(0, 2 * Math.PI);
  const p3 = rng.uniform(0, 2 * Math.PI);
  const body: CellBody = {
    x: n.x + shift * Math.cos(heading),
    y: n.y + shift * Math.sin(heading),
    radius: rng.uniform(1.5, 1.9) * Math.sqrt(n.rx * n.ry),
    a2: rng.uniform(0, 0.15), cosP2: Math.cos(p2), sinP2: Math.sin(p2),
    a3: rng.uniform(0, 0.1), cosP3: Math.cos(p3), sinP3: Math.sin(p3),
    brightness: rng.uniform(250, 500),
    texture: waves(rng, 4, 12, 45, 0.05),
  };
  const cell = { nucleus: n, dnaBrightness: rng.uniform(1400, 2400), chromatin: waves(rng, 5, 5, 16, 0.05), nucleoli, body };
  return { ...cell, spots: placeSpots(rng, g, body, allNuclei) };
}

function waves(rng: Random, count: number, minWavelength: number, maxWavelength: number, amplitude: number): Wave[] {
  return Array.from({ length: count }, () => {
    const k = (2 * Math.PI) / rng.uniform(minWavelength, maxWavelength);
    const dir = rng.uniform(0, Math.PI);
    return { kx: k * Math.cos(dir), ky: k * Math.sin(dir), phase: rng.uniform(0, 2 * Math.PI), amplitude };
  });
}

/**
 * Cytoplasmic spots (e.g. P-bodies): inside the cell body and the image, outside every nucleus (a
 * body may reach over a neighbour's nucleus).
 */
function placeSpots(rng: Random, g: LayoutGeometry, body: CellBody, nuclei: readonly NucleusTruth[]): Dot[] {
  const spots: Dot[] = [];
  const wanted = rng.int(15, 45);
  for (let attempt = 0; attempt < wanted * 20 && spots.length < wanted; attempt++) {
    const theta = rng.uniform(0, 2 * Math.PI);
    const r = bodyRadius(body, Math.cos(theta), Math.sin(theta)) * Math.sqrt(rng.uniform(0.04, 0.8));
    const x = body.x + r * Math.cos(theta);
    const y = body.y + r * Math.sin(theta);
    if (x < 2 || y < 2 || x > g.sizeX - 2 || y > g.sizeY - 2 || nuclei.some((n) => ellipseRadius(n, x, y) < 1.15)) continue;
    spots.push({ x, y, z: stackDepth(rng, g) ?? (g.sizeZ - 1) / 2, sigma: SPOT_SIGMA_XY, amplitude: rng.uniform(300, 900) });
  }
  return spots;
}

/** 10–30 sister-centromere pairs, 0.5–1.0 µm apart, mostly side by side (within 30° of the focal plane). */
function placeCentromeres(rng: Random, g: LayoutGeometry, n: NucleusTruth, index: number, pairs: CentromerePairTruth[], dots: Dot[]): void {
  // Small nuclei get fewer pairs, so dots of different pairs never crowd into one blur.
  const wanted = Math.min(rng.int(10, 30), Math.max(10, Math.floor((Math.PI * n.rx * n.ry) / 200)));
  const mine: Dot[] = [];
  const maxTilt = g.sizeZ >= 3 ? Math.PI / 6 : 0;
  for (let made = 0, attempt = 0; made < wanted && attempt < wanted * 100; attempt++) {
    const d = rng.uniform(0.5, 1.0);
    const tilt = rng.uniform(-maxTilt, maxTilt);
    const azimuth = rng.uniform(0, 2 * Math.PI);
    const half: StackPoint = [
      (0.5 * d * Math.cos(tilt) * Math.cos(azimuth)) / g.pixelSize,
      (0.5 * d * Math.cos(tilt) * Math.sin(azimuth)) / g.pixelSize,
      (0.5 * d * Math.sin(tilt)) / g.planeSpacing,
    ];
    const [mx, my] = pointInEllipse(rng, n, 0.85);
    const mz = stackDepth(rng, g, Math.abs(half[2]));
    if (mz === undefined) continue;
    const a: StackPoint = [mx - half[0], my - half[1], mz - half[2]];
    const b: StackPoint = [mx + half[0], my + half[1], mz + half[2]];
    if (ellipseRadius(n, a[0], a[1]) > 0.92 || ellipseRadius(n, b[0], b[1]) > 0.92) continue;
    if (mine.some((o) => Math.hypot(o.x - a[0], o.y - a[1]) < MIN_DOT_SPACING || Math.hypot(o.x - b[0], o.y - b[1]) < MIN_DOT_SPACING)) continue;
    const brightness = rng.uniform(1200, 2400);
    for (const p of [a, b]) mine.push({ x: p[0], y: p[1], z: p[2], sigma: SPOT_SIGMA_XY, amplitude: brightness * rng.uniform(0.9, 1.1) });
    const distanceUm = Math.hypot((b[0] - a[0]) * g.pixelSize, (b[1] - a[1]) * g.pixelSize, (b[2] - a[2]) * g.planeSpacing);
    pairs.push({ nucleus: index, a, b, distanceUm });
    made++;
  }
  dots.push(...mine);
}

/**
 * A focal depth for an object whose extent reaches `halfDepth` planes either side: within half a
 * plane of the stack's ends, so it peaks inside the stack. Undefined when the stack is too thin.
 */
function stackDepth(rng: Random, g: LayoutGeometry, halfDepth = 0): number | undefined {
  if (g.sizeZ < 3) return (g.sizeZ - 1) / 2;
  const lo = 0.5 + halfDepth;
  const hi = g.sizeZ - 1.5 - halfDepth;
  return lo <= hi ? rng.uniform(lo, hi) : undefined;
}

/** A point uniformly distributed in the ellipse scaled by `scale`. */
function pointInEllipse(rng: Random, n: NucleusTruth, scale: number): [number, number] {
  const r = scale * Math.sqrt(rng.next());
  const theta = rng.uniform(0, 2 * Math.PI);
  const u = r * n.rx * Math.cos(theta);
  const v = r * n.ry * Math.sin(theta);
  const c = Math.cos(n.angle);
  const s = Math.sin(n.angle);
  return [n.x + u * c - v * s, n.y + u * s + v * c];
}

/** ρ of (x, y) for the nucleus: < 1 inside, 1 on the boundary. */
export function ellipseRadius(n: NucleusTruth, x: number, y: number): number {
  const dx = x - n.x;
  const dy = y - n.y;
  const c = Math.cos(n.angle);
  const s = Math.sin(n.angle);
  const u = (dx * c + dy * s) / n.rx;
  const v = (-dx * s + dy * c) / n.ry;
  return Math.sqrt(u * u + v * v);
}

/** The cell body's outline radius in the direction (cos θ, sin θ), without trigonometry per pixel. */
export function bodyRadius(b: CellBody, cos: number, sin: number): number {
  const cos2 = cos * cos - sin * sin;
  const sin2 = 2 * sin * cos;
  const cos3 = cos * (4 * cos * cos - 3);
  const sin3 = sin * (3 - 4 * sin * sin);
  const h2 = cos2 * b.cosP2 + sin2 * b.sinP2;
  const h3 = cos3 * b.cosP3 + sin3 * b.sinP3;
  return b.radius * (1 + b.a2 * h2 + b.a3 * h3);
}
