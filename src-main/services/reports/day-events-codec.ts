/**
 * A kept day's conversation events (conversation-days.ts) as stored in the `opened`, `incoming`
 * and `resolved` blobs of `report_conversation_days` (issue #23 target 3, migration 0057): quarter
 * hours of the day (0–95) and durations in ms, most of them small whole numbers, and NaN for
 * "unanswered". Each value is an unsigned LEB128 varint of value + 1, NaN is 0: a quarter is one
 * byte and a duration three or four, where float64s took eight each. The first byte says the form:
 * 1 is the varints; 0 is little-endian float64s, for a row holding anything else (a negative or
 * fractional value), so every value is given back exactly. No event is an empty blob.
 */
const VARINTS = 1;
const FLOATS = 0;

export function encodeDayEvents(values: readonly number[]): Buffer {
  if (values.length === 0) return Buffer.alloc(0);
  if (!values.every((v) => Number.isNaN(v) || (Number.isSafeInteger(v) && v >= 0))) {
    const out = Buffer.alloc(1 + values.length * 8);
    out[0] = FLOATS;
    values.forEach((v, i) => out.writeDoubleLE(v, 1 + i * 8));
    return out;
  }
  const out: number[] = [VARINTS];
  for (const v of values) {
    let rest = Number.isNaN(v) ? 0 : v + 1;
    while (rest >= 0x80) {
      out.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    out.push(rest);
  }
  return Buffer.from(out);
}

export function decodeDayEvents(stored: Buffer): Float64Array {
  if (stored.byteLength === 0) return new Float64Array(0);
  if (stored[0] === FLOATS) {
    const out = new Float64Array((stored.byteLength - 1) / 8);
    for (let i = 0; i < out.length; i += 1) out[i] = stored.readDoubleLE(1 + i * 8);
    return out;
  }
  if (stored[0] !== VARINTS) throw new Error(`day events: unknown form ${stored[0]}`);
  const values: number[] = [];
  let at = 1;
  while (at < stored.byteLength) {
    let value = 0;
    for (let scale = 1; ; scale *= 0x80) {
      if (at >= stored.byteLength || scale > 2 ** 56) throw new Error('day events: truncated value');
      const byte = stored[at++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
    }
    values.push(value === 0 ? NaN : value - 1);
  }
  return Float64Array.from(values);
}
