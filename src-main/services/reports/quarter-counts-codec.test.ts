import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { decodeQuarterCounts, encodeQuarterCounts, QUARTER_COUNTS } from './quarter-counts-codec.js';
import { DayQuarters } from './day-quarters.js';
import { kindCode } from './kind-codes.js';

function counts(entries: Record<number, number>): Int32Array {
  const out = new Int32Array(QUARTER_COUNTS);
  for (const [quarter, n] of Object.entries(entries)) out[Number(quarter)] = n;
  return out;
}

describe('a kept day’s quarter counts', () => {
  it('keeps only the non-zero quarters: a typical day in tens of bytes, not 768', () => {
    // 22 busy quarters of 192, as a number's day in the bench's history.
    const day = counts(
      Object.fromEntries(Array.from({ length: 22 }, (_, i) => [i * 8 + 3, 1 + ((i * 37) % 90)])),
    );
    const stored = encodeQuarterCounts(day);
    expect(stored.byteLength).toBeLessThanOrEqual(22 * 3); // quarter byte + a count of up to two bytes
    expect(decodeQuarterCounts(stored)).toEqual(day);
    expect(encodeQuarterCounts(new Int32Array(QUARTER_COUNTS)).byteLength).toBe(0);
    expect(decodeQuarterCounts(Buffer.alloc(0))).toEqual(new Int32Array(QUARTER_COUNTS));
  });

  it('gives back every count as it was, large and negative ones too', () => {
    const day = counts({ 0: 1, 95: 127, 96: 128, 150: 2 ** 31 - 1, 190: -5, 191: -(2 ** 31) });
    expect(decodeQuarterCounts(encodeQuarterCounts(day))).toEqual(day);
  });

  it('reads the dense int32 rows written before, and writes a day too full to shrink dense', () => {
    const before = counts({ 3: 7, 100: 9 });
    expect(decodeQuarterCounts(Buffer.from(before.buffer))).toEqual(before);
    const full = new Int32Array(QUARTER_COUNTS).map((_, quarter) => 2 ** 30 + quarter);
    const stored = encodeQuarterCounts(full);
    expect(stored.byteLength).toBe(768);
    expect(decodeQuarterCounts(stored)).toEqual(full);
  });

  it('refuses a damaged value rather than reading wrong counts', () => {
    expect(() => decodeQuarterCounts(Buffer.from([200, 1]))).toThrow(/out of range/);
    expect(() => decodeQuarterCounts(Buffer.from([5, 0x80]))).toThrow(/truncated/);
  });

  it('is what a rebuilt day stores, and what a report reads back', () => {
    const db = openDatabase(':memory:');
    const [customer, person] = [kindCode('customer'), kindCode('person')];
    db.$client.exec(`INSERT INTO report_chats (id, session_id, chat_jid)
        VALUES (1, 's', 'a@s.whatsapp.net'), (2, 's', 'b@s.whatsapp.net');
      INSERT INTO report_message_counts (chat, quarter, kind, sender_user_id, assignee_user_id, assignee_team_id, n)
      VALUES (1, 96 * 5 + 10, ${customer}, '', '', '', 3),
             (2, 96 * 5 + 10, ${customer}, '', '', '', 2),
             (1, 96 * 5 + 11, ${person}, 'usr_1', '', '', 4)`);
    const quarters = new DayQuarters(db);
    quarters.rebuildDay(5);
    const stored = db.$client.prepare('SELECT length(counts) FROM report_day_quarters').pluck().get();
    expect(stored).toBeLessThan(10);
    const [row] = quarters.rows({
      dayFrom: 5,
      dayTo: 6,
      sessions: '["s"]',
      user: null,
      team: null,
      tag: null,
    });
    expect(row?.counts).toEqual(counts({ 10: 5, [96 + 11]: 4 }));
    db.$client.close();
  });
});
