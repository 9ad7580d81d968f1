import { mulberry32 } from '../../src-main/services/schedule/template.js';

/** A small seeded random source for tests: the same seed gives the same choices, so a failure replays. */
export interface Random {
  readonly seed: number;
  /** A whole number from 0 to `below - 1`. */
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  return {
    seed,
    int: (below) => Math.floor(next() * below),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
  };
}
