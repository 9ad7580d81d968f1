/**
 * A period's trend and heat-map sums from the kept quarter counts of its UTC days (migration
 * 0047, day-quarters.ts): each quarter put in its local hour and day through the zone's offset
 * runs (`offsetSegments`), no Intl per quarter. The customers' messages are summed per local hour
 * (the heat map's weekday × hour and the trend's days), ours per local day (the trend only), as
 * arrays `computeReport` reads by local hour and day (`LocalTotals`; no clock, `Date` or text per
 * quarter or hour: those were a fifth of a year's report, session 13).
 */
import type { OffsetSegment } from './local-clock.js';
import type { LocalTotals } from './message-totals.js';

const QUARTERS_PER_DAY = 96;

/** One kept row: its UTC day and 96 customer counts then 96 of ours, per quarter hour of the day. */
export interface DayQuarterRow {
  day: number;
  counts: Int32Array;
}

/**
 * The counts of the quarters [startQ, endQ) (covered by `segments`) summed per local hour
 * (customers') and local day (ours): what the report reads (no `Date` or text per quarter).
 */
export function localHourSums(
  rows: readonly DayQuarterRow[],
  segments: readonly OffsetSegment[],
  startQ: number,
  endQ: number,
): LocalTotals {
  const empty = new Float64Array(0);
  if (segments.length === 0 || startQ >= endQ)
    return { hourBase: 0, received: empty, dayBase: 0, sent: empty };
  const offsets = segments.map(([, , offset]) => offset);
  const low = startQ + Math.min(...offsets);
  const high = endQ + Math.max(...offsets);
  const hourBase = Math.floor(low / 4);
  const dayBase = Math.floor(low / QUARTERS_PER_DAY);
  const received = new Float64Array(Math.floor(high / 4) - hourBase + 1);
  const sent = new Float64Array(Math.floor(high / QUARTERS_PER_DAY) - dayBase + 1);
  for (const { day, counts } of rows) {
    const base = day * QUARTERS_PER_DAY;
    const first = Math.max(0, startQ - base);
    const last = Math.min(QUARTERS_PER_DAY, endQ - base);
    let s = 0;
    for (let q = first; q < last; q++) {
      const quarter = base + q;
      while (s < segments.length - 1 && quarter >= segments[s]![1]) s++;
      const local = quarter + segments[s]![2];
      const inbound = counts[q]!;
      if (inbound !== 0) {
        const h = Math.floor(local / 4) - hourBase;
        received[h]! += inbound;
      }
      const outbound = counts[QUARTERS_PER_DAY + q]!;
      if (outbound !== 0) {
        const d = Math.floor(local / QUARTERS_PER_DAY) - dayBase;
        sent[d]! += outbound;
      }
    }
  }
  return { hourBase, received, dayBase, sent };
}
