/**
 * The inbox views' counts come from counters kept by triggers on `chats` (migration 0027). Any
 * writer may change a chat — a new message, a contacts import, an assignment, forgetting a
 * contact, the purge of a number — so the check here is writer-blind: many random inserts,
 * upserts, status and assignee changes and deletes in plain SQL, then every kind of caller's
 * counts must equal a naive recount of the chats themselves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { createRandom, type Random } from '../../../testkit/support/random.js';
import type { ChatStatus } from '../../../src-shared/contract/assignment.js';
import { COUNTERS, RECOUNT, ViewCountQueries, type ViewCountsQuery } from './view-counts.js';

const SESSIONS = ['s1', 's2', 's3'];
const USERS = ['u1', 'u2', 'u3', null];
const TEAMS = ['t1', 't2', null];
const STATUSES: ChatStatus[] = ['open', 'pending', 'resolved'];

let db: Db;

beforeEach(() => {
  db = openDatabase(':memory:');
});

afterEach(() => {
  db.$client.close();
});

/** One random write to the chats table, as some part of the product might make it. */
function randomWrite(random: Random): void {
  const sqlite = db.$client;
  const session = random.pick(SESSIONS);
  const jid = `${random.int(60)}@s.whatsapp.net`;
  switch (random.int(7)) {
    case 0:
      sqlite
        .prepare(
          `INSERT OR IGNORE INTO chats (session_id, jid, kind, status, assignee_user_id, assignee_team_id)
           VALUES (?, ?, 'user', ?, ?, ?)`,
        )
        .run(session, jid, random.pick(STATUSES), random.pick(USERS), random.pick(TEAMS));
      return;
    case 1:
      // An upsert that changes nothing counted on a conflict (a new message to a known chat).
      sqlite
        .prepare(
          `INSERT INTO chats (session_id, jid, kind, unread_count) VALUES (?, ?, 'user', 1)
           ON CONFLICT (session_id, jid) DO UPDATE SET unread_count = unread_count + 1`,
        )
        .run(session, jid);
      return;
    case 2:
      sqlite
        .prepare('UPDATE chats SET status = ? WHERE session_id = ? AND jid = ?')
        .run(random.pick(STATUSES), session, jid);
      return;
    case 3:
      sqlite
        .prepare(
          'UPDATE chats SET assignee_user_id = ?, assignee_team_id = ? WHERE session_id = ? AND jid = ?',
        )
        .run(random.pick(USERS), random.pick(TEAMS), session, jid);
      return;
    case 4:
      // Several chats at once (a bulk change, a deleted team's chats moved).
      sqlite
        .prepare(
          'UPDATE chats SET assignee_team_id = ?, status = ? WHERE session_id = ? AND assignee_user_id IS ?',
        )
        .run(random.pick(TEAMS), random.pick(STATUSES), session, random.pick(USERS));
      return;
    case 5:
      sqlite.prepare('DELETE FROM chats WHERE session_id = ? AND jid = ?').run(session, jid);
      return;
    default:
      // Now and then a whole number goes (the purge); most of the time, a chat's unrelated column.
      if (random.chance(0.02)) sqlite.prepare('DELETE FROM chats WHERE session_id = ?').run(session);
      else
        sqlite
          .prepare('UPDATE chats SET unread_count = 0 WHERE session_id = ? AND jid = ?')
          .run(session, jid);
  }
}

/** Every kind of caller: the owner, an agent of some numbers, an "assigned" reader, keys. */
function queries(): ViewCountsQuery[] {
  const person = {
    id: 'u1',
    teams: [
      { id: 't1', name: 'Sales' },
      { id: 't2', name: 'Support' },
    ],
  };
  const callers: Omit<ViewCountsQuery, 'status' | 'sessionId'>[] = [
    { allowedSessions: null, assignedOnly: null, person },
    { allowedSessions: null, assignedOnly: null, person: null },
    { allowedSessions: new Set(['s1', 's3']), assignedOnly: null, person },
    {
      allowedSessions: new Set(['s2']),
      assignedOnly: { sessions: new Set(['s1']), userId: 'u1', teams: ['t1'] },
      person: { id: 'u1', teams: [{ id: 't1', name: 'Sales' }] },
    },
  ];
  return callers.flatMap((caller) =>
    [undefined, ...STATUSES].flatMap((status) =>
      [undefined, 's1', 's2'].map((sessionId) => ({ ...caller, status, sessionId })),
    ),
  );
}

describe('inbox view counters', () => {
  it('equal a naive recount after many random writes, for every caller, status and number', () => {
    const random = createRandom(16_2026);
    const hidden = () => ['s3'];
    const kept = new ViewCountQueries(db.$client, hidden, COUNTERS);
    const naive = new ViewCountQueries(db.$client, hidden, RECOUNT);
    for (let round = 0; round < 8; round += 1) {
      for (let write = 0; write < 400; write += 1) randomWrite(random);
      for (const query of queries()) {
        expect(kept.counts(query), `round ${round}, seed ${random.seed}`).toEqual(naive.counts(query));
      }
    }
    // The writes did reach every view (the comparison is not of zeros).
    const all = naive.counts({ allowedSessions: null, assignedOnly: null, person: null });
    expect(all.all).toBeGreaterThan(20);
  });
});
