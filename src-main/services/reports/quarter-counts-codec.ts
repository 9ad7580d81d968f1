/**
 * A kept day's 96 + 96 quarter counts (day-quarters.ts) as stored in `report_day_quarters.counts`
 * (issue #23 target 3). Most quarters of a number's day are empty (in the bench's 1M history 88 %
 * of them: ~22 of 192 hold a count), so a row keeps only the non-zero ones, in quarter order: the
 * quarter as one byte (0–191), then the count as an unsigned LEB128 varint of its zigzag value.
 * A typical row is ~45 bytes instead of 768.
 *
 * A blob of exactly 768 bytes is the dense form: the little-endian int32s migration 0047 stored
 * in every row. Rows written before stay readable as they are (each is rewritten the next time
 * its day is rebuilt), and a day so full that the sparse form would be no shorter is stored dense,
 * so the sparse form is always shorter and the length alone tells the two apart.
 */
export const QUARTER_COUNTS = 192;
const DENSE_BYTES = QUARTER_COUNTS * 4;

export function encodeQuarterCounts(counts: Int32Array): Buffer {
  const out: number[] = [];
  for (let quarter = 0; quarter < QUARTER_COUNTS; quarter += 1) {
    const count = counts[quarter]!;
    if (count === 0) continue;
    out.push(quarter);
    let zigzag = ((count << 1) ^ (count >> 31)) >>> 0;
    while (zigzag >= 0x80) {
      out.push((zigzag & 0x7f) | 0x80);
      zigzag >>>= 7;
    }
    out.push(zigzag);
    if (out.length >= DENSE_BYTES) return dense(counts);
  }
  return Buffer.from(out);
}

export function decodeQuarterCounts(stored: Buffer): Int32Array {
  if (stored.byteLength === DENSE_BYTES) {
    const counts = new Int32Array(QUARTER_COUNTS);
    for (let quarter = 0; quarter < QUARTER_COUNTS; quarter += 1)
      counts[quarter] = stored.readInt32LE(quarter * 4);
    return counts;
  }
  const counts = new Int32Array(QUARTER_COUNTS);
  let at = 0;
  while (at < stored.byteLength) {
    const quarter = stored[at++]!;
    if (quarter >= QUARTER_COUNTS) throw new Error(`quarter counts: quarter ${quarter} out of range`);
    let zigzag = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= stored.byteLength || shift > 28) throw new Error('quarter counts: truncated count');
      const byte = stored[at++]!;
      zigzag |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    counts[quarter] = (zigzag >>> 1) ^ -(zigzag & 1);
  }
  return counts;
}

function dense(counts: Int32Array): Buffer {
  const out = Buffer.alloc(DENSE_BYTES);
  for (let quarter = 0; quarter < QUARTER_COUNTS; quarter += 1)
    out.writeInt32LE(counts[quarter]!, quarter * 4);
  return out;
}
