/**
 * Small seeded randomness for the demo fleet. Everything is a pure function of (seed, stream, time) so a
 * value never depends on how often or in which order it was asked for: two polls at the same clock value see
 * the same reply, and a restarted simulator continues where the old one would have been.
 */

/** One murmur3 round of a 32-bit word into the running hash. */
function mixWord(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * 32-bit hash of a list of integers (murmur3-style mixing); the building block of every random value here.
 * Hot in the simulator (hundreds of calls per reply), so it allocates nothing beyond its arguments.
 */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    // Split into two 32-bit halves so indexes beyond 2^32 (e.g. millisecond buckets) still mix fully.
    h = mixWord(h, part >>> 0);
    h = mixWord(h, Math.floor(part / 4294967296) >>> 0);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform number in [0, 1) addressed by integers (no state). */
export function unit(...parts: number[]): number {
  return hash32(...parts) / 4294967296;
}

/** Uniform number in [min, max) addressed by integers. */
export function between(min: number, max: number, ...parts: number[]): number {
  return min + (max - min) * unit(...parts);
}

/** Mulberry32: a tiny sequential PRNG for streams of bytes (garbage replies) where order does not matter. */
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
 * Value noise in [-1, 1]: random knots every periodMs, eased between them. Continuous in time, so a reading
 * moves smoothly instead of jumping at every poll.
 */
export function smoothNoise(seed: number, stream: number, tMs: number, periodMs: number): number {
  const x = tMs / periodMs;
  const k = Math.floor(x);
  const f = x - k;
  const a = unit(seed, stream, periodMs, k) * 2 - 1;
  const b = unit(seed, stream, periodMs, k + 1) * 2 - 1;
  const ease = f * f * (3 - 2 * f);
  return a + (b - a) * ease;
}

/** Octave weights sum to 1, so the walk stays in [-1, 1] by construction (bounds are tested, not hoped for). */
const WALK_OCTAVES: ReadonlyArray<readonly [periodMs: number, weight: number]> = [
  [2 * 3600_000, 0.45],
  [15 * 60_000, 0.35],
  [90_000, 0.2],
];

/**
 * A bounded, mean-reverting random walk in [-1, 1]: slow drift over hours plus minute-scale wander. It is a
 * function of time rather than a stepped accumulator so any instant can be computed directly.
 */
export function walk(seed: number, stream: number, tMs: number): number {
  let v = 0;
  for (const [periodMs, weight] of WALK_OCTAVES) v += weight * smoothNoise(seed, stream, tMs, periodMs);
  return Math.max(-1, Math.min(1, v));
}
