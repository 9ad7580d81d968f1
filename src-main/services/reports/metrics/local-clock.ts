/** The local day, weekday and hour of instants in one zone, cached per quarter hour (every zone's offset is a multiple of 15 minutes). */
import { addDays, localParts } from '../../../../src-shared/zoned-time.js';

export interface LocalSlot {
  /** YYYY-MM-DD */
  date: string;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  hour: number;
}

const QUARTER = 15 * 60_000;

export function localClock(timeZone: string): (at: number) => LocalSlot {
  const cache = new Map<number, LocalSlot>();
  return (at) => {
    const key = Math.floor(at / QUARTER);
    let slot = cache.get(key);
    if (!slot) {
      const p = localParts(at, timeZone);
      slot = { date: isoDate(p), weekday: (p.weekday + 6) % 7, hour: p.hour };
      cache.set(key, slot);
    }
    return slot;
  };
}

export function isoDate(d: { year: number; month: number; day: number }): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Every date from `from` to `to` (YYYY-MM-DD, both included). */
export function datesBetween(from: string, to: string): string[] {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const out: string[] = [];
  for (let i = 0; i < 400; i++) {
    const date = isoDate(addDays(y, m, d, i));
    out.push(date);
    if (date >= to) break;
  }
  return out;
}
