/**
 * The seeded randomness of the demo generators. Demo images must be identical on every machine and
 * every run (tests compare planes and check ground truth), so nothing here touches Math.random.
 */

/** The seed every generator uses unless told otherwise. */
export const DEFAULT_DEMO_SEED = 20240314;

/**
 * mulberry32: a 32-bit generator with a 2^32 period, which is plenty for one plane of noise and
 * costs a few integer operations per draw. Returns numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes several integers into one 32-bit seed (murmur3's finaliser after each part), so that each
 * plane gets its own noise stream: readPlane(z, c, t) must not depend on which planes were read
 * before it.
 */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** Convenience draws over one mulberry32 stream. */
export class Random {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.#next();
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.#next();
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor((hi - lo + 1) * this.#next());
  }

  /** −1 or +1 with equal odds. */
  sign(): number {
    return this.#next() < 0.5 ? -1 : 1;
  }

  /** Standard normal (Box–Muller; one of the pair is dropped, which keeps the stream simple). */
  normal(): number {
    const u = 1 - this.#next(); // in (0, 1], so log(u) is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.#next());
  }
}
