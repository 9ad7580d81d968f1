/**
 * A name's trigram candidates are first read for a few hits only: where the last of them lies
 * among the keys estimates how many there are, so a name in many chats costs a fraction of its
 * doclists (it is walked), and only one estimated at few is read to the end, from the probe on.
 */
import type { Statement } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/connection.js';
import { nameCandidates } from './name-candidates.js';
import { nameMatch } from './name-match.js';

let db: Db;
let reads: { sql: string; params: unknown }[];

/** The module's statements, each `all` recorded with its parameters. */
function statement(sql: string): Statement {
  const real = db.$client.prepare(sql).pluck();
  const recorded = {
    pluck: () => recorded,
    all: (params: unknown) => {
      reads.push({ sql, params });
      return real.all(params as never);
    },
    get: (params?: unknown) => (params === undefined ? real.get() : real.get(params as never)),
  };
  return recorded as unknown as Statement;
}

const exact = (q: string) =>
  (
    db.$client
      .prepare('SELECT rowid FROM chat_names_fts WHERE chat_names_fts MATCH ? ORDER BY rowid')
      .pluck()
      .all(nameMatch(q)?.fts) as number[]
  ).length;

beforeEach(() => {
  db = openDatabase(':memory:');
  reads = [];
  // 4,000 named groups: half "Dana", 1 in 80 "Zoe Ray" (spread over the keys), 4 "Kim Noor".
  const add = db.$client.prepare(
    `INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES ('s1', ?, 'group', ?, ?)`,
  );
  db.$client.transaction(() => {
    for (let n = 0; n < 4000; n += 1)
      add.run(
        `${n}@g.us`,
        n % 2 === 0 ? 'Dana' : n % 80 === 1 ? 'Zoe Ray' : n % 571 === 3 ? 'Kim Noor' : 'Other',
        n,
      );
  })();
});

afterEach(() => db.$client.close());

describe('nameCandidates', () => {
  it('walks a name the first hits say is common, without reading the rest of its doclists', () => {
    expect(exact('Dana')).toBe(2000);
    expect(nameCandidates(statement, nameMatch('Dana')!, 100, 16)).toBeNull();
    expect(reads).toEqual([
      {
        sql: expect.stringContaining('MATCH') as string,
        params: expect.objectContaining({ after: 0, cap: 16 }) as unknown,
      },
    ]);
  });

  it('reads on from the probe when the first hits say few, and gives every candidate', () => {
    expect(exact('Zoe Ray')).toBe(50);
    const hits = nameCandidates(statement, nameMatch('Zoe Ray')!, 100, 16);
    expect(hits).toHaveLength(50);
    expect(new Set(hits).size).toBe(50);
    expect(reads.map((read) => (read.params as { after: number }).after)).toEqual([0, hits?.[15]]);
    // More than the limit after reading on: walked.
    reads = [];
    expect(nameCandidates(statement, nameMatch('Zoe Ray')!, 40, 16)).toBeNull();
    expect(reads).toHaveLength(2);
  });

  it('takes a rare name from the probe alone', () => {
    expect(exact('Kim Noor')).toBe(4);
    expect(nameCandidates(statement, nameMatch('Kim Noor')!, 100, 16)).toHaveLength(4);
    expect(reads).toHaveLength(1);
  });
});
