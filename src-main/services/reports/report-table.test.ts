import { afterEach, describe, expect, it } from 'vitest';
import type { ReportQuery } from '../../../src-shared/contract/reports.js';
import { zonedInstant } from '../../../src-shared/zoned-time.js';
import { createRandom, type Random } from '../../../testkit/support/random.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR, openDatabase, type Db } from '../../db/connection.js';
import { automationSettingsSchema } from '../../../src-shared/contract/automation.js';
import { AutomationStore } from '../automation/automation-store.js';
import { ConversationTable } from './conversation-table.js';
import { kindName } from './kind-codes.js';
import type { Logger } from '../../core/logger.js';
import { ReportFolding } from './report-folding.js';
import { ReportService } from './report-service.js';

const DAY = 86_400_000;
/** The kept per-chat counts with their chat's number and JID and their kind's name (migration 0057). */
const NAMED_COUNTS = `(SELECT k.session_id, k.chat_jid, c.quarter, ${kindName('c.kind')} AS kind, c.sender_user_id,
  c.assignee_user_id, c.assignee_team_id, c.n FROM report_message_counts c JOIN report_chats k ON k.id = c.chat)`;
const ZONE = 'Europe/Lisbon';
// Around the night the clocks go back (25 Oct 2026), so local days of 23 and 25 hours are in it.
const FROM = '2026-10-20';
const TO = '2026-10-27';
const START = zonedInstant(ZONE, 2026, 10, 20);
const END = zonedInstant(ZONE, 2026, 10, 28);
// The history lies where the reference scan reads all of it for every query below (30 days
// either side of the period, for the week and for its 25 October alone).
const FIRST = zonedInstant(ZONE, 2026, 10, 25) - 29 * DAY;
const LAST = END + 27 * DAY;
const PEOPLE = ['usr_dana', 'usr_omer'];
const TEAMS = ['team_sales', 'team_care'];
const SENDERS = [
  null,
  JSON.stringify({ type: 'user', id: 'usr_dana', name: 'Dana' }),
  JSON.stringify({ type: 'user', id: 'usr_omer', name: 'Omer' }),
  JSON.stringify({ type: 'key', id: 'key_1', name: 'API: shop' }),
  JSON.stringify({ type: 'system', id: null, name: 'Campaign: Weekend' }),
  JSON.stringify({ type: 'system', id: null, name: 'Automation: Menu' }),
  JSON.stringify({ type: 'system', id: null, name: 'Scheduled message' }),
];

type Write = () => void;

/**
 * One random store: chats of two numbers (phone, LID and a group), each with customer messages
 * (some still waiting for their content, some of those given it later), our messages from every
 * kind of sender, status and assignee changes (a consistent chain of owners), quiet spells past
 * 30 days. The writes are returned shuffled: history arrives out of order.
 */
function randomStore(db: Db, random: Random, now: number): Write[] {
  const sqlite = db.$client;
  for (const id of ['shop', 'care'])
    sqlite.prepare('INSERT INTO sessions (id, name) VALUES (?, ?)').run(id, id);
  sqlite.prepare(`INSERT INTO tags (id, name, color, created_at) VALUES ('tag_vip', 'VIP', '#f00', 0)`).run();
  sqlite
    .prepare(`INSERT INTO tags (id, name, color, created_at) VALUES ('tag_late', 'Late', '#0f0', 0)`)
    .run();
  // Business hours on one number, changed at some moment (the kept business durations follow).
  const automation = new AutomationStore(db);
  const hours = (from: string, until: string, closed: string[]) =>
    automationSettingsSchema.parse({
      timeZone: ZONE,
      hours: Object.fromEntries(
        ['MO', 'TU', 'WE', 'TH', 'FR'].map((day) => [day, [{ availableFrom: from, availableUntil: until }]]),
      ),
      closedDates: closed,
    });
  automation.saveSettings('shop', hours('09:00:00', '18:00:00', []), 0);
  const message = sqlite.prepare(
    `INSERT INTO messages (session_id, chat_jid, id, from_me, type, text, status, timestamp, sent_by)
     VALUES (?, ?, ?, ?, ?, 'hi', 'delivered', ?, ?)`,
  );
  const history = sqlite.prepare(
    `INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, from_value, to_value, actor, reason)
     VALUES (?, ?, ?, ?, ?, ?, '{}', 'manual')`,
  );
  const writes: Write[] = [];
  const first = FIRST;
  const chats = 10 + random.int(8);
  let serial = 0;
  for (let c = 0; c < chats; c++) {
    const session = random.pick(['shop', 'care']);
    const jid =
      c === 0
        ? '120363000000000001@g.us'
        : c === 1
          ? `${9000 + c}@lid`
          : `9725000000${10 + c}@s.whatsapp.net`;
    const times = Array.from({ length: random.int(30) }, () => first + random.int(now - first)).sort(
      (a, b) => a - b,
    );
    let owner = { user: null as string | null, team: null as string | null };
    const value = (o: typeof owner) =>
      JSON.stringify({
        user: o.user ? { id: o.user, name: o.user } : null,
        team: o.team ? { id: o.team, name: o.team } : null,
      });
    for (const at of times) {
      const roll = random.int(100);
      const id = `m${serial++}`;
      if (roll < 40) {
        const waiting = random.chance(0.1);
        writes.push(() => message.run(session, jid, id, 0, waiting ? 'waiting' : 'text', at, null));
        if (waiting && random.chance(0.5))
          writes.push(() =>
            sqlite
              .prepare(`UPDATE messages SET type = 'text' WHERE session_id = ? AND id = ?`)
              .run(session, id),
          );
      } else if (roll < 75) {
        const sentBy = random.pick(SENDERS);
        writes.push(() => message.run(session, jid, id, 1, 'text', at, sentBy));
      } else if (roll < 88) {
        const status = JSON.stringify(random.pick(['open', 'pending', 'resolved', 'resolved']));
        writes.push(() => history.run(session, jid, at, 'status', null, status));
      } else {
        const from = value(owner);
        owner = {
          user: random.chance(0.6) ? random.pick(PEOPLE) : null,
          team: random.chance(0.6) ? random.pick(TEAMS) : null,
        };
        const to = value(owner);
        writes.push(() => history.run(session, jid, at, 'assignee', from, to));
      }
    }
    const kind = jid.endsWith('@g.us') ? 'group' : 'user';
    const current = owner;
    writes.push(() =>
      sqlite
        .prepare(
          `INSERT INTO chats (session_id, jid, kind, assignee_user_id, assignee_team_id) VALUES (?, ?, ?, ?, ?)`,
        )
        .run(session, jid, kind, current.user, current.team),
    );
    // Tags come and go at any moment (a report counts a chat's history for its tags now).
    for (const tag of ['tag_vip', 'tag_late']) {
      const tagging = sqlite.prepare(
        `INSERT OR IGNORE INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES (?, ?, ?, '{}', 0)`,
      );
      const untagging = sqlite.prepare(
        'DELETE FROM chat_tags WHERE session_id = ? AND chat_jid = ? AND tag_id = ?',
      );
      if (random.chance(0.4)) writes.push(() => tagging.run(session, jid, tag));
      if (random.chance(0.15)) writes.push(() => untagging.run(session, jid, tag));
    }
  }
  writes.push(() => automation.saveSettings('shop', hours('22:00:00', '06:00:00', ['2026-10-26']), 1));
  // Shuffled, so later facts often land before earlier ones (a history sync after live traffic).
  for (let i = writes.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [writes[i], writes[j]] = [writes[j]!, writes[i]!];
  }
  return writes;
}

describe('reports from the kept conversations', () => {
  let db: Db | null = null;
  afterEach(() => {
    db?.$client.close();
    db = null;
  });

  // Each seed: a random store written in random order, folded at random moments in between
  // (a report or the background tick can come at any time), then every filter's report from the
  // kept conversations must equal the reference that folds every message afresh.
  for (let seed = 1; seed <= 40; seed++) {
    it(`equals the message scan on random history ${seed}`, () => {
      const random = createRandom(seed);
      const now = END + random.int(LAST - END);
      db = openDatabase(':memory:');
      // Odd seeds fold each chat in pieces of a few messages (a long chat's bounded ticks), and
      // some folds stop after one piece (a spent tick budget), so writes land between pieces.
      const table = new ConversationTable(db, seed % 2 === 1 ? 2 + (seed % 5) : undefined);
      const service = new ReportService(db, table, () => now);
      for (const write of randomStore(db, random, now)) {
        write();
        if (random.chance(0.15)) table.settle(1 + random.int(3), random.chance(0.5) ? 0 : Infinity);
        if (random.chance(0.1)) table.days.rebuild(1 + random.int(4));
      }
      const queries: ReportQuery[] = [
        { from: FROM, to: TO, timeZone: ZONE, businessHours: false },
        { from: FROM, to: TO, timeZone: 'UTC', businessHours: true },
        { from: FROM, to: TO, timeZone: ZONE, businessHours: false, session: 'care' },
        { from: FROM, to: TO, timeZone: ZONE, businessHours: false, user: 'usr_dana' },
        { from: FROM, to: TO, timeZone: ZONE, businessHours: false, team: 'team_care' },
        { from: FROM, to: TO, timeZone: ZONE, businessHours: false, tag: 'tag_vip' },
        { from: '2026-10-25', to: '2026-10-25', timeZone: ZONE, businessHours: false },
        { from: FROM, to: TO, timeZone: ZONE, businessHours: true, tag: 'tag_vip' },
        { from: FROM, to: TO, timeZone: ZONE, businessHours: true, team: 'team_sales', session: 'shop' },
        { from: FROM, to: TO, timeZone: 'Asia/Kathmandu', businessHours: true, tag: 'tag_late' },
        {
          from: FROM,
          to: TO,
          timeZone: 'America/New_York',
          businessHours: false,
          user: 'usr_omer',
          tag: 'tag_vip',
        },
      ];
      // A long custom period: the whole history, Lisbon's October DST change inside it. Compared
      // with the kept conversations read one by one and with the scan, for each filter.
      const long: ReportQuery = { from: '2026-09-20', to: '2026-11-30', timeZone: ZONE, businessHours: true };
      const everyone = { sessions: null, ownUserId: null };
      // An agent's own overview (rpc/report-handlers.ts) is narrowed to what they had.
      const omer = { sessions: new Set(['shop', 'care']), ownUserId: 'usr_omer' };
      for (const [query, audience] of [
        ...queries.map((query) => [query, everyone] as const),
        [queries[0]!, omer] as const,
      ]) {
        const scan = service.overview(query, audience, 'scan');
        expect(service.overview(query, audience, 'table'), JSON.stringify(query)).toEqual(scan);
        // …from the kept days (migration 0046), not the conversations one by one.
        expect(service.lastRead).toBe('days');
      }
      for (const query of [
        long,
        { ...long, businessHours: false, tag: 'tag_late' },
        { ...long, timeZone: 'America/Sao_Paulo', user: 'usr_dana' },
        { ...long, team: 'team_sales', session: 'shop' },
      ]) {
        const oneByOne = service.overview(query, everyone, 'conversations');
        expect(service.lastRead).toBe('conversations');
        expect(service.overview(query, everyone), JSON.stringify(query)).toEqual(oneByOne);
        expect(service.lastRead).toBe('days');
        expect(oneByOne, `scan ${JSON.stringify(query)}`).toEqual(service.overview(query, everyone, 'scan'));
      }
      // Something happened at all (the comparison is not between two empty reports).
      expect(service.overview(queries[0]!, everyone).summary.messagesReceived).toBeGreaterThan(0);
      // The sums over chats (migration 0040), kept by deltas, equal the chats' counts summed afresh.
      const rows = (sql: string) => db!.$client.prepare(sql).all();
      expect(rows('SELECT * FROM report_day_counts ORDER BY 1, 2, 3, 4, 5, 6')).toEqual(
        rows(`SELECT quarter / 96 AS day, session_id, kind, sender_user_id, assignee_user_id, assignee_team_id,
                sum(n) AS n FROM ${NAMED_COUNTS} GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`),
      );
      // The kept days (migrations 0046, 0047), rebuilt from marks as the folds went, equal every day rebuilt afresh.
      const kept = () => [
        rows('SELECT * FROM report_conversation_days ORDER BY 1, 2, 3, 4, 5'),
        rows('SELECT * FROM report_tagged_day_counts ORDER BY 1, 2, 3, 4, 5, 6, 7'),
        rows('SELECT * FROM report_day_quarters ORDER BY 1, 2, 3, 4, 5'),
      ];
      const incremental = kept();
      expect(incremental[0]!.length).toBeGreaterThan(0);
      db.$client.exec(`DELETE FROM report_conversation_days; DELETE FROM report_tagged_day_counts;
        DELETE FROM report_day_quarters;
        INSERT INTO report_dirty_days (day) SELECT DISTINCT quarter / 96 FROM report_message_counts
          UNION SELECT opened_at / 86400000 FROM report_conversations
          UNION SELECT first_incoming_at / 86400000 FROM report_conversations WHERE first_incoming_at IS NOT NULL
          UNION SELECT resolved_at / 86400000 FROM report_conversations WHERE resolved_at IS NOT NULL`);
      table.days.rebuild();
      expect(kept()).toEqual(incremental);
      expect(rows('SELECT * FROM report_quarter_totals ORDER BY 1, 2, 3, 4, 5')).toEqual(
        rows(`SELECT quarter, kind = 'customer' AS incoming, session_id, assignee_user_id, assignee_team_id,
                sum(n) AS n FROM ${NAMED_COUNTS} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
      );
    });
  }

  /** A fresh database holding random history `seed`, with its kept tables and reports. */
  function randomWorld(seed: number) {
    const now = END + DAY;
    db = openDatabase(':memory:');
    const table = new ConversationTable(db);
    const service = new ReportService(db, table, () => now);
    for (const write of randomStore(db, createRandom(seed), now)) write();
    return { sqlite: db.$client, table, service };
  }
  /** A migration's backfill: its last statement, the marks of every customer chat. */
  function backfillOf(file: string): string {
    const migration = readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
    return migration.slice(migration.lastIndexOf('INSERT INTO report_dirty_chats'));
  }

  it('fills the counts of a database from before them (migration 0032) and then reads them', () => {
    const { sqlite, table, service } = randomWorld(41);
    table.settle();
    const counts = () =>
      sqlite.prepare(`SELECT * FROM ${NAMED_COUNTS} ORDER BY session_id, chat_jid, quarter, kind`).all();
    const kept = counts();
    expect(kept.length).toBeGreaterThan(0);
    // A store from before migration 0032: conversations kept, no counts; the migration marks
    // every customer chat from its beginning (its own statement, run again here).
    sqlite.exec(
      'DELETE FROM report_message_counts; DELETE FROM report_day_counts; DELETE FROM report_quarter_totals',
    );
    sqlite.exec(backfillOf('0032_report_message_counts.sql'));
    expect(table.backlogOver(0)).toBe(true);
    const query: ReportQuery = { from: FROM, to: TO, timeZone: ZONE, businessHours: false };
    const everyone = { sessions: null, ownUserId: null };
    const report = service.overview(query, everyone);
    expect(report).toEqual(service.overview(query, everyone, 'scan'));
    expect(report.preparing).toBeNull();
    expect(counts()).toEqual(kept);
  });

  it('gives the same report after migration 0057 as before it, once the fold has rebuilt what it dropped', () => {
    const { sqlite, table, service } = randomWorld(57);
    const query: ReportQuery = { from: FROM, to: TO, timeZone: ZONE, businessHours: false };
    const everyone = { sessions: null, ownUserId: null };
    const before = service.overview(query, everyone);
    expect(service.lastRead).toBe('days');
    const kept = () => [
      sqlite.prepare('SELECT * FROM report_conversation_days ORDER BY 1, 2, 3, 4, 5').all(),
      sqlite.prepare('SELECT * FROM report_day_quarters ORDER BY 1, 2, 3, 4, 5').all(),
      sqlite.prepare('SELECT * FROM report_tagged_day_counts ORDER BY 1, 2, 3, 4, 5, 6, 7').all(),
      sqlite.prepare('SELECT * FROM report_day_counts ORDER BY 1, 2, 3, 4, 5, 6').all(),
      sqlite.prepare('SELECT * FROM report_quarter_totals ORDER BY 1, 2, 3, 4, 5').all(),
    ];
    const days = kept();
    // What the migration leaves: no per-chat rows (their tables are new), no sums kept by
    // deltas, every customer chat marked from its beginning (its own statement, run here).
    sqlite.exec(`DELETE FROM report_conversations; DELETE FROM report_message_counts;
      DELETE FROM report_day_counts; DELETE FROM report_quarter_totals`);
    sqlite.exec(backfillOf('0057_report_integer_keys.sql'));
    expect(table.backlogOver(0)).toBe(true);
    // The background fold, then its days; the report reads the kept days again.
    const logger = { info: () => {}, error: (..._: unknown[]) => expect.fail('tick failed') };
    const folding = new ReportFolding(table, logger as unknown as Logger);
    while (folding.tick(1_000) > 0);
    expect(service.overview(query, everyone)).toEqual(before);
    expect(service.lastRead).toBe('days');
    expect(kept()).toEqual(days);
  });

  it('answers the old way while the background fold has thousands of chats left, and leaves them to it', () => {
    const random = createRandom(7);
    const now = END + DAY;
    db = openDatabase(':memory:');
    const table = new ConversationTable(db);
    const service = new ReportService(db, table, () => now);
    for (const write of randomStore(db, random, now)) write();
    // As after the migration's backfill of a large store: many chats marked from their beginning.
    db.$client.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
      INSERT INTO report_dirty_chats (session_id, chat_jid, since) SELECT 'shop', i || '@s.whatsapp.net', -1 FROM n`);
    const query: ReportQuery = { from: FROM, to: TO, timeZone: ZONE, businessHours: false };
    const everyone = { sessions: null, ownUserId: null };
    const report = service.overview(query, everyone);
    expect(report).toEqual(service.overview(query, everyone, 'scan'));
    // The page says reports are being prepared, and how many chats are left.
    expect(report.preparing?.chatsLeft).toBeGreaterThan(2_500);
    expect(table.backlogOver(2_000)).toBe(true);
    expect(table.inPeriod(START, END)).toEqual([]);
  });

  it('folds a chat again only from the conversation a new fact lands in', () => {
    db = openDatabase(':memory:');
    const sqlite = db.$client;
    const table = new ConversationTable(db);
    sqlite.prepare(`INSERT INTO sessions (id, name) VALUES ('shop', 'Shop')`).run();
    const jid = '972500000001@s.whatsapp.net';
    const message = sqlite.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp) VALUES ('shop', ?, ?, ?, 'text', 'read', ?)`,
    );
    const resolve = sqlite.prepare(
      `INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, to_value, actor, reason) VALUES ('shop', ?, ?, 'status', '"resolved"', '{}', 'manual')`,
    );
    message.run(jid, 'a', 0, START);
    message.run(jid, 'b', 1, START + 60_000);
    resolve.run(jid, START + 3_600_000);
    message.run(jid, 'c', 0, START + DAY);
    expect(table.settle()).toBe(1);
    const rows = () =>
      table.inPeriod(START, END).map((row) => [row.openedAt - START, row.firstResponseAt, row.resolvedAt]);
    expect(rows()).toEqual([
      [0, START + 60_000, START + 3_600_000],
      [DAY, null, null],
    ]);
    // Nothing marked: nothing to fold. A reply to the second conversation marks the chat again.
    expect(table.settle()).toBe(0);
    message.run(jid, 'd', 1, START + DAY + 120_000);
    expect(sqlite.prepare('SELECT since FROM report_dirty_chats').all()).toEqual([
      { since: START + DAY + 120_000 },
    ]);
    expect(table.settle()).toBe(1);
    expect(rows()).toEqual([
      [0, START + 60_000, START + 3_600_000],
      [DAY, START + DAY + 120_000, null],
    ]);
    // Its messages counted per quarter hour: the first two share one quarter, by kind.
    const quarter = (at: number) => Math.floor(at / 900_000);
    expect(
      sqlite
        .prepare(`SELECT quarter, kind, n FROM ${NAMED_COUNTS} ORDER BY quarter, kind`)
        .all()
        .map((row) => Object.values(row as object)),
    ).toEqual([
      [quarter(START), 'customer', 1],
      [quarter(START), 'phone', 1],
      [quarter(START + DAY), 'customer', 1],
      [quarter(START + DAY + 120_000), 'phone', 1],
    ]);
    // A group's messages mark nothing.
    message.run('120363000000000001@g.us', 'g', 0, START);
    expect(table.settle()).toBe(0);
  });

  it('folds one long chat in pieces, a tick each, and ends with what one fold of it gives', () => {
    db = openDatabase(':memory:');
    const sqlite = db.$client;
    // Pieces of 5 messages: the chat below takes many ticks (issue #23 target 5).
    const table = new ConversationTable(db, 5);
    const logger = { info: () => {}, error: (..._: unknown[]) => expect.fail('tick failed') };
    const folding = new ReportFolding(table, logger as unknown as Logger);
    sqlite.prepare(`INSERT INTO sessions (id, name) VALUES ('shop', 'Shop')`).run();
    const jid = '972500000001@s.whatsapp.net';
    const message = sqlite.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp, sent_by) VALUES ('shop', ?, ?, ?, 'text', 'read', ?, ?)`,
    );
    const change = sqlite.prepare(
      `INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, from_value, to_value, actor, reason) VALUES ('shop', ?, ?, ?, ?, ?, '{}', 'manual')`,
    );
    const dana = JSON.stringify({ type: 'user', id: 'usr_dana', name: 'Dana' });
    // 60 messages, three a quarter hour, one conversation open across many pieces; a handover
    // to Dana and a resolution in the middle, and a second conversation after it.
    for (let i = 0; i < 60; i++) {
      const at = START + i * 5 * 60_000;
      message.run(jid, `m${i}`, i % 3 === 2 ? 1 : 0, at, i % 3 === 2 ? dana : null);
    }
    change.run(
      jid,
      START + 50 * 60_000,
      'assignee',
      null,
      JSON.stringify({ user: { id: 'usr_dana', name: 'Dana' } }),
    );
    change.run(jid, START + 200 * 60_000 + 1, 'status', null, '"resolved"');
    const since = sqlite.prepare('SELECT since FROM report_dirty_chats').pluck();
    const marks: number[] = [];
    for (let ticks = 0; table.backlogOver(0); ticks++) {
      expect(ticks).toBeLessThan(60);
      expect(folding.tick(0)).toBe(1);
      if (table.backlogOver(0)) marks.push(since.get() as number);
      // Halfway a late message lands before the piece's cut: the chat is marked from it again.
      if (ticks === 4) message.run(jid, 'late', 0, START + 7 * 60_000, null);
    }
    // Each tick moved the mark on by a piece of whole quarter hours (once back, after the late message).
    expect(marks.length).toBeGreaterThan(8);
    expect(marks.every((at) => at % 900_000 === 0 || at === START + 7 * 60_000)).toBe(true);
    const kept = () => [
      sqlite
        .prepare(
          'SELECT opened_at, first_incoming_at, first_response_at, resolved_at, assignee_user_id, assignee_team_id FROM report_conversations ORDER BY opened_at',
        )
        .all(),
      sqlite.prepare('SELECT * FROM report_message_counts ORDER BY quarter, kind').all(),
      sqlite.prepare('SELECT * FROM report_day_counts ORDER BY 1, 2, 3, 4, 5, 6').all(),
      sqlite.prepare('SELECT * FROM report_quarter_totals ORDER BY 1, 2, 3, 4, 5').all(),
    ];
    const inPieces = kept();
    expect(inPieces[0]).toHaveLength(2);
    // The same chat folded again from its beginning in one piece gives the same rows.
    sqlite.exec(`DELETE FROM report_conversations; DELETE FROM report_message_counts;
      DELETE FROM report_day_counts; DELETE FROM report_quarter_totals;
      INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES ('shop', '${jid}', -1)`);
    expect(new ConversationTable(db).settle()).toBe(1);
    expect(kept()).toEqual(inPieces);
  });

  it('folds and sums in bounded ticks: past the time budget the rest waits for the next tick', () => {
    db = openDatabase(':memory:');
    const sqlite = db.$client;
    const table = new ConversationTable(db);
    const logger = { info: () => {}, error: (..._: unknown[]) => expect.fail('tick failed') };
    const folding = new ReportFolding(table, logger as unknown as Logger);
    sqlite.prepare(`INSERT INTO sessions (id, name) VALUES ('shop', 'Shop')`).run();
    const message = sqlite.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp) VALUES ('shop', ?, ?, 0, 'text', 'read', ?)`,
    );
    // Three chats, each on two days of its own.
    for (let i = 0; i < 3; i++) {
      const jid = `97250000000${i}@s.whatsapp.net`;
      message.run(jid, `a${i}`, START + i * 2 * DAY);
      message.run(jid, `b${i}`, START + (i * 2 + 1) * DAY);
    }
    // A budget of 0 ms is always spent after the first item: one chat a tick, then one day a tick.
    expect([1, 2, 3].map(() => folding.tick(0))).toEqual([1, 1, 1]);
    expect(table.backlogOver(0)).toBe(false);
    const days = sqlite.prepare('SELECT count(*) AS n FROM report_dirty_days').pluck();
    expect(days.get()).toBe(6);
    for (let left = 5; left >= 0; left--) {
      expect(folding.tick(0)).toBe(1);
      expect(days.get()).toBe(left);
    }
    expect(folding.tick(0)).toBe(0);
    // A tick with time to spare does everything it may (up to its limits) at once.
    message.run('972500000009@s.whatsapp.net', 'z', START);
    expect(folding.tick(60_000)).toBe(2);
    expect(days.get()).toBe(0);
    // Every customer message of the period is in the quarter sums (migration 0047).
    const service = new ReportService(db, table, () => LAST);
    const query: ReportQuery = { from: FROM, to: TO, timeZone: ZONE, businessHours: false };
    const report = service.overview(query, { sessions: null, ownUserId: null });
    expect(service.lastRead).toBe('days');
    expect(report.summary.messagesReceived).toBe(7);
    expect(report.busiestHours.flat().reduce((a, b) => a + b, 0)).toBe(7);
  });
});
