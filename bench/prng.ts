/**
 * A small seeded PRNG (mulberry32) so every run generates the same history. `forIndex` gives
 * each message its own stream, so any slice of the history can be regenerated on its own
 * (the raw baseline inserts exactly the rows the app stored).
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A well-mixed 32-bit hash of (seed, index). */
export function mix(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function forIndex(seed: number, index: number): Rng {
  return mulberry32(mix(seed, index));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Zipf-like pick: low indexes are much more likely (word frequencies in real text). */
export function pickSkewed<T>(rng: Rng, items: readonly T[], power = 2.2): T {
  return items[Math.floor(Math.pow(rng(), power) * items.length)] as T;
}
