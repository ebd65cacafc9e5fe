/**
 * Adds Gaussian spots to a float plane, touching only the pixels of each spot's bounding box: with
 * thousands of spots per image, evaluating every spot at every pixel would cost seconds per plane.
 *
 * Coordinates follow SCRIPTS.md §2: pixel (i, j) covers [i, i+1) × [j, j+1), so a spot centred at
 * (x, y) is sampled at pixel centres (i + 0.5, j + 0.5). The 2-D Gaussian is separable, so each
 * spot costs two short 1-D kernels and one multiply per pixel.
 */

/** Spots are cut off at this many sigmas (exp(−4.5²/2) ≈ 4e−5 of the peak: invisible under noise). */
const CUTOFF_SIGMAS = 4.5;

/** Scratch kernels, reused across calls: a spot is at most a few dozen pixels wide. */
let kernelX = new Float32Array(64);
let kernelY = new Float32Array(64);

/**
 * Adds amplitude · exp(−((i+0.5−x)² + (j+0.5−y)²) / 2σ²) to `plane` (row-major, width × height) at
 * every pixel within CUTOFF_SIGMAS·σ of the centre that lies inside the plane.
 */
export function addGaussianSpot(
  plane: Float32Array, width: number, height: number, x: number, y: number, sigma: number, amplitude: number,
): void {
  const reach = CUTOFF_SIGMAS * sigma;
  const i0 = Math.max(0, Math.floor(x - reach));
  const i1 = Math.min(width - 1, Math.ceil(x + reach));
  const j0 = Math.max(0, Math.floor(y - reach));
  const j1 = Math.min(height - 1, Math.ceil(y + reach));
  if (i0 > i1 || j0 > j1) return;
  const nx = i1 - i0 + 1;
  const ny = j1 - j0 + 1;
  if (nx > kernelX.length) kernelX = new Float32Array(nx);
  if (ny > kernelY.length) kernelY = new Float32Array(ny);
  const k = -1 / (2 * sigma * sigma);
  for (let i = 0; i < nx; i++) {
    const d = i0 + i + 0.5 - x;
    kernelX[i] = Math.exp(k * d * d);
  }
  for (let j = 0; j < ny; j++) {
    const d = j0 + j + 0.5 - y;
    kernelY[j] = amplitude * Math.exp(k * d * d);
  }
  for (let j = 0; j < ny; j++) {
    const ky = kernelY[j]!;
    const row = (j0 + j) * width + i0;
    for (let i = 0; i < nx; i++) plane[row + i]! += ky * kernelX[i]!;
  }
}

/** The weight of a Gaussian Z profile at plane z for an object focused at zCentre. */
export function zWeight(z: number, zCentre: number, sigmaZ: number): number {
  const d = z - zCentre;
  return Math.exp((-d * d) / (2 * sigmaZ * sigmaZ));
}
