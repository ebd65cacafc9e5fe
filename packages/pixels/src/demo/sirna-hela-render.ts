/**
 * Renders the expected photons of one siRNA-HeLa plane from an image layout. Each object is drawn
 * only within its bounding box, so a 512 × 512 plane costs milliseconds, not seconds.
 *
 * Channels: 0 DAPI (nuclei with chromatin texture and nucleoli), 1 FITC (cell bodies, dimmer over
 * the nucleus, which excludes cytoplasmic proteins), 2 TRITC (cytoplasmic spots), 3 CY5 (sister
 * centromere pairs over a faint nucleoplasmic haze, as anti-centromere antibodies give).
 */
import { bodyRadius, SPOT_SIGMA_Z, type CellLayout, type Dot, type ImageLayout, type Wave } from "./sirna-hela-layout.ts";
import type { NucleusTruth } from "./sirna-hela-truth.ts";
import { addGaussianSpot, zWeight } from "./splat.ts";
import type { RenderSignal } from "./synthetic-reader.ts";

/** Out-of-focus haze and autofluorescence per channel, in photons. */
const BACKGROUND = [40, 60, 50, 45] as const;
/** Widefield defocus: a nucleus (~5 µm thick) dims slowly over a 1.8 µm stack, a cell body more slowly still. */
const NUCLEUS_SIGMA_Z = 4;
const BODY_SIGMA_Z = 6;
/** Edge softness of nuclei and cell bodies, in pixels either side of the outline. */
const NUCLEUS_EDGE = 2;
const BODY_EDGE = 3;
/** Fraction of the illumination lost in the corners: widefield lamps are never flat. */
const VIGNETTING = 0.12;

/** The plane renderer of one image; it reads the layout and never changes it. */
export function renderSiRnaHela(layout: ImageLayout, sizeX: number, sizeY: number, sizeZ: number): RenderSignal {
  const midZ = (sizeZ - 1) / 2;
  return (signal, z, c) => {
    const box = { signal, width: sizeX, height: sizeY };
    if (c === 0) for (const cell of layout.cells) paintNucleus(box, cell, zWeight(z, midZ, NUCLEUS_SIGMA_Z), true);
    if (c === 1) {
      for (const cell of layout.cells) paintCellBody(box, cell, zWeight(z, midZ, BODY_SIGMA_Z));
      for (const cell of layout.cells) shadeNucleus(box, cell.nucleus);
    }
    if (c === 2) for (const cell of layout.cells) paintDots(box, cell.spots, z);
    if (c === 3) {
      for (const cell of layout.cells) paintNucleus(box, cell, 0.04 * zWeight(z, midZ, NUCLEUS_SIGMA_Z), false);
      paintDots(box, layout.centromeres, z);
    }
    illuminate(box, BACKGROUND[c] ?? 0);
  };
}

interface Canvas {
  readonly signal: Float32Array;
  readonly width: number;
  readonly height: number;
}

/** A dome-shaped ellipse (thicker, so brighter, in the middle), optionally with chromatin texture and nucleoli. */
function paintNucleus(box: Canvas, cell: CellLayout, weight: number, textured: boolean): void {
  const n = cell.nucleus;
  const amplitude = cell.dnaBrightness * weight;
  const rMean = Math.sqrt(n.rx * n.ry);
  const limit = 1 + NUCLEUS_EDGE / rMean;
  const frame = ellipseFrame(n);
  forEachPixelNear(box, n.x, n.y, n.rx + NUCLEUS_EDGE + 1, (p, px, py) => {
    const rho2 = ellipseRho2(frame, px, py);
    if (rho2 > limit * limit) return;
    const edge = 1 - smoothstep((Math.sqrt(rho2) - 1) * rMean, -NUCLEUS_EDGE, NUCLEUS_EDGE);
    const texture = textured ? modulation(cell.chromatin, px, py) : 1;
    box.signal[p]! += amplitude * edge * (1 - 0.25 * rho2) * texture;
  });
  if (!textured) return;
  for (const hole of cell.nucleoli) {
    addGaussianSpot(box.signal, box.width, box.height, hole.x, hole.y, hole.sigma, -hole.amplitude * amplitude);
  }
}

/** Cell bodies do not overlap in a monolayer: where two meet, the brighter wins (max, not sum). */
function paintCellBody(box: Canvas, cell: CellLayout, weight: number): void {
  const b = cell.body;
  const amplitude = b.brightness * weight;
  forEachPixelNear(box, b.x, b.y, b.radius * (1 + b.a2 + b.a3) + BODY_EDGE, (p, px, py) => {
    const dx = px - b.x;
    const dy = py - b.y;
    const r = Math.sqrt(dx * dx + dy * dy); // not Math.hypot, which is several times slower in V8
    const outline = r > 0 ? bodyRadius(b, dx / r, dy / r) : b.radius;
    if (r - outline > BODY_EDGE) return;
    const v = amplitude * (1 - smoothstep(r - outline, -BODY_EDGE, BODY_EDGE)) * modulation(b.texture, px, py);
    if (v > box.signal[p]!) box.signal[p] = v;
  });
}

/**
 * Cytoplasmic stains are excluded from nuclei, so every nucleus darkens whatever body covers it.
 * This is a pass of its own: a neighbour's body may reach over a nucleus, and must be dimmed too.
 */
function shadeNucleus(box: Canvas, n: NucleusTruth): void {
  const rMean = Math.sqrt(n.rx * n.ry);
  const limit = 1 + NUCLEUS_EDGE / rMean;
  const frame = ellipseFrame(n);
  forEachPixelNear(box, n.x, n.y, n.rx + NUCLEUS_EDGE + 1, (p, px, py) => {
    const rho2 = ellipseRho2(frame, px, py);
    if (rho2 > limit * limit) return;
    box.signal[p]! *= 1 - 0.55 * (1 - smoothstep((Math.sqrt(rho2) - 1) * rMean, -NUCLEUS_EDGE, NUCLEUS_EDGE));
  });
}

function paintDots(box: Canvas, dots: readonly Dot[], z: number): void {
  for (const d of dots) {
    const w = zWeight(z, d.z, SPOT_SIGMA_Z);
    if (w < 1e-3) continue; // more than 5.6 planes away: below one photon
    addGaussianSpot(box.signal, box.width, box.height, d.x, d.y, d.sigma, d.amplitude * w);
  }
}

/** Adds the background, then scales everything by the lamp's radial fall-off. */
function illuminate(box: Canvas, background: number): void {
  const cx = box.width / 2;
  const cy = box.height / 2;
  const norm = VIGNETTING / (cx * cx + cy * cy);
  for (let j = 0; j < box.height; j++) {
    const dy = j + 0.5 - cy;
    for (let i = 0, p = j * box.width; i < box.width; i++, p++) {
      const dx = i + 0.5 - cx;
      box.signal[p] = (box.signal[p]! + background) * (1 - norm * (dx * dx + dy * dy));
    }
  }
}

/** Calls `visit(index, pixelCentreX, pixelCentreY)` for the pixels within `reach` (a square) of (x, y). */
function forEachPixelNear(box: Canvas, x: number, y: number, reach: number, visit: (p: number, px: number, py: number) => void): void {
  const i0 = Math.max(0, Math.floor(x - reach));
  const i1 = Math.min(box.width - 1, Math.ceil(x + reach));
  const j0 = Math.max(0, Math.floor(y - reach));
  const j1 = Math.min(box.height - 1, Math.ceil(y + reach));
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) visit(j * box.width + i, i + 0.5, j + 0.5);
  }
}

/** A nucleus's axes, precomputed once per paint rather than once per pixel. */
interface EllipseFrame {
  readonly x: number;
  readonly y: number;
  readonly cos: number;
  readonly sin: number;
  readonly rx: number;
  readonly ry: number;
}

function ellipseFrame(n: NucleusTruth): EllipseFrame {
  return { x: n.x, y: n.y, cos: Math.cos(n.angle), sin: Math.sin(n.angle), rx: n.rx, ry: n.ry };
}

/** ρ² of the point (px, py) for the nucleus: 1 on the outline. */
function ellipseRho2(e: EllipseFrame, px: number, py: number): number {
  const dx = px - e.x;
  const dy = py - e.y;
  const u = (dx * e.cos + dy * e.sin) / e.rx;
  const v = (-dx * e.sin + dy * e.cos) / e.ry;
  return u * u + v * v;
}

function modulation(waves: readonly Wave[], x: number, y: number): number {
  let m = 1;
  for (const w of waves) m += w.amplitude * Math.sin(w.kx * x + w.ky * y + w.phase);
  return m;
}

/** 0 below lo, 1 above hi, a smooth cubic in between. */
function smoothstep(v: number, lo: number, hi: number): number {
  const t = Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
  return t * t * (3 - 2 * t);
}
