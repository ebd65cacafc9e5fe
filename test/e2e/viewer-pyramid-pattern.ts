/**
 * The test image of the pyramid browser test (viewer-pyramid.e2e.test.ts): a uint16 plane whose
 * 256-px squares each hold one value, so every tile of every level differs and a screen pixel can
 * be predicted from the image point under it. Squares are aligned to every level's 2×2 means
 * (256 = 2^8), so a coarse level shows each square with the same value as level 0.
 *
 * The size is deliberately not a multiple of the tile size: level 0 (4100 × 3100) ends in a
 * 4-px column and a 28-px row of tiles, and the ceil-halved levels (2050 × 1550, 1025 × 775,
 * 513 × 388, 257 × 194) end in 1-px columns, where an off-by-one at the edges would show.
 */

export const PATTERN = { sizeX: 4100, sizeY: 3100, square: 256 } as const;

/**
 * The value of square (sx, sy): a ramp in both directions plus a checkerboard. The weights are
 * chosen so that no two squares share a value (1700·Δx + 1100·Δy ± 20000 never cancels on this
 * grid) and, under the stored window (the plane's min to max), a square one step over in either
 * direction is at least 4 grey levels apart.
 */
export function squareValue(sx: number, sy: number): number {
  return 1000 + 1700 * sx + 1100 * sy + ((sx + sy) % 2 === 1 ? 20_000 : 0);
}

/** The value at full-resolution pixel (x, y). */
export function patternValue(x: number, y: number): number {
  return squareValue(Math.floor(x / PATTERN.square), Math.floor(y / PATTERN.square));
}

/** The whole plane, row-major, as the image-upload API takes it. */
export function patternPlane(): Uint16Array {
  const { sizeX, sizeY } = PATTERN;
  const plane = new Uint16Array(sizeX * sizeY);
  for (let y = 0; y < sizeY; y++) {
    const row = y * sizeX;
    for (let x = 0; x < sizeX; x++) plane[row + x] = patternValue(x, y);
  }
  return plane;
}

/** The render API's grey level for `value` in a white channel with window [start, end]. */
export function expectedGrey(value: number, start: number, end: number): number {
  return Math.round(Math.min(1, Math.max(0, (value - start) / (end - start))) * 255);
}

export interface ProbeOptions {
  /** Also probe this many pixels inside each edge of a square (0: its own outermost pixels). */
  edgeInset?: number;
  /** Leave out points nearer than this (image pixels) to their square's edge. */
  margin?: number;
}

/**
 * Image points worth checking inside `area` (image pixels): the centre of every square and, with
 * `edgeInset`, points near each of its four edges, where a tile drawn a pixel off, stretched or
 * cut short shows the neighbouring square's value instead. Returns pixel centres.
 *
 * Zoomed out, OpenLayers puts tile edges on whole screen pixels, up to half a screen pixel from
 * where the view says they are, so a point there must keep `margin` = 1.5 screen pixels (in image
 * pixels) from its square's edges to land on a screen pixel wholly inside that square.
 */
export function probePoints(area: { x0: number; y0: number; x1: number; y1: number }, { edgeInset, margin = 0 }: ProbeOptions = {}): [number, number][] {
  const s = PATTERN.square;
  const x0 = Math.max(0, area.x0);
  const y0 = Math.max(0, area.y0);
  const x1 = Math.min(PATTERN.sizeX, area.x1);
  const y1 = Math.min(PATTERN.sizeY, area.y1);
  const points: [number, number][] = [];
  for (let sy = Math.floor(y0 / s); sy * s < y1; sy++) {
    for (let sx = Math.floor(x0 / s); sx * s < x1; sx++) {
      const left = sx * s;
      const top = sy * s;
      const right = Math.min(left + s, PATTERN.sizeX) - 1;
      const bottom = Math.min(top + s, PATTERN.sizeY) - 1;
      const cx = Math.floor((left + right) / 2);
      const cy = Math.floor((top + bottom) / 2);
      const candidates: [number, number][] = [[cx, cy]];
      if (edgeInset !== undefined) {
        const d = edgeInset;
        candidates.push([Math.min(left + d, right), cy], [Math.max(right - d, left), cy], [cx, Math.min(top + d, bottom)], [cx, Math.max(bottom - d, top)]);
      }
      for (const [x, y] of candidates) {
        const clear = Math.min(x + 0.5 - left, right + 0.5 - x, y + 0.5 - top, bottom + 0.5 - y) >= margin;
        if (clear && x >= x0 && x < x1 && y >= y0 && y < y1) points.push([x + 0.5, y + 0.5]);
      }
    }
  }
  return points;
}
