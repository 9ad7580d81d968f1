/**
 * A period's trend and heat-map sums from the kept quarter counts of its UTC days (migration
 * 0047, day-quarters.ts): each quarter put in its local hour and day through the zone's offset
 * runs (`offsetSegments`), no Intl per quarter. The customers' messages are summed per local hour
 * (the heat map's weekday × hour and the trend's days), ours per local day (the trend only); each
 * sum is one `QuarterCount` at a quarter inside it, which is what `computeReport` reads.
 */
import type { OffsetSegment } from './local-clock.js';
import type { QuarterCount } from './message-totals.js';

const QUARTER_MS = 900_000;
const QUARTERS_PER_DAY = 96;

/** One kept row: its UTC day and 96 customer counts then 96 of ours, per quarter hour of the day. */
export interface DayQuarterRow {
  day: number;
  counts: Int32Array;
}

/** The counts of the quarters [startQ, endQ) (covered by `segments`) per local hour and day. */
export function localHourTotals(
  rows: readonly DayQuarterRow[],
  segments: readonly OffsetSegment[],
  startQ: number,
  endQ: number,
): QuarterCount[] {
  if (segments.length === 0 || startQ >= endQ) return [];
  const offsets = segments.map(([, , offset]) => offset);
  const low = startQ + Math.min(...offsets);
  const high = endQ + Math.max(...offsets);
  const hourBase = Math.floor(low / 4);
  const dayBase = Math.floor(low / QUARTERS_PER_DAY);
  const received = new Float64Array(Math.floor(high / 4) - hourBase + 1);
  const receivedAt = new Float64Array(received.length).fill(-1);
  const sent = new Float64Array(Math.floor(high / QUARTERS_PER_DAY) - dayBase + 1);
  const sentAt = new Float64Array(sent.length).fill(-1);
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
        if (receivedAt[h] === -1) receivedAt[h] = quarter;
      }
      const outbound = counts[QUARTERS_PER_DAY + q]!;
      if (outbound !== 0) {
        const d = Math.floor(local / QUARTERS_PER_DAY) - dayBase;
        sent[d]! += outbound;
        if (sentAt[d] === -1) sentAt[d] = quarter;
      }
    }
  }
  const out: QuarterCount[] = [];
  for (let h = 0; h < received.length; h++)
    if (received[h] !== 0) out.push({ at: receivedAt[h]! * QUARTER_MS, incoming: true, n: received[h]! });
  for (let d = 0; d < sent.length; d++)
    if (sent[d] !== 0) out.push({ at: sentAt[d]! * QUARTER_MS, incoming: false, n: sent[d]! });
  return out;
}
