/**
 * Who a report credits a message to (docs/API.md "Reports": the person and team who had the chat
 * when it was sent or received) must not depend on when the kept tables were folded, nor differ
 * between the kept tables and the reference scan: both read it from the assignment history. Nor
 * may a conversation's opening: the scan starts each chat's walk where the chat was closed, as
 * the kept fold knows it.
 */
import { afterEach, expect, it } from 'vitest';
import type { ReportOverview, ReportQuery } from '../../../src-shared/contract/reports.js';
import { zonedInstant } from '../../../src-shared/zoned-time.js';
import { openDatabase, type Db } from '../../db/connection.js';
import { ChatHolders } from './chat-holders.js';
import { ConversationTable } from './conversation-table.js';
import { ReportService } from './report-service.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONE = 'Europe/Lisbon';
const START = zonedInstant(ZONE, 2026, 10, 20);
const WEEK: ReportQuery = { from: '2026-10-20', to: '2026-10-26', timeZone: ZONE, businessHours: false };
const END = START + 7 * DAY;
const JID = '972500000001@s.whatsapp.net';
const everyone = { sessions: null, ownUserId: null };
const DANA = JSON.stringify({ type: 'user', id: 'usr_dana', name: 'Dana' });
const owner = (user: string | null, team: string | null) =>
  JSON.stringify({
    user: user ? { id: user, name: user } : null,
    team: team ? { id: team, name: team } : null,
  });

let db: Db | null = null;
afterEach(() => {
  db?.$client.close();
  db = null;
});

/** A store with one customer chat, and its writers as the app's code writes those rows. */
function shop(now: () => number) {
  db = openDatabase(':memory:');
  const sqlite = db.$client;
  sqlite.prepare(`INSERT INTO sessions (id, name) VALUES ('shop', 'Shop')`).run();
  sqlite.prepare(`INSERT INTO chats (session_id, jid, kind) VALUES ('shop', ?, 'user')`).run(JID);
  const table = new ConversationTable(db);
  const service = new ReportService(db, table, now);
  let serial = 0;
  const insert = sqlite.prepare(
    `INSERT INTO messages (session_id, chat_jid, id, from_me, type, status, timestamp, sent_by)
     VALUES ('shop', ?, ?, ?, 'text', 'read', ?, ?)`,
  );
  const history = sqlite.prepare(
    `INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, from_value, to_value, actor, reason)
     VALUES ('shop', ?, ?, ?, ?, ?, '{}', 'manual')`,
  );
  const row = sqlite.prepare(
    `UPDATE chats SET assignee_user_id = ?, assignee_team_id = ? WHERE session_id = 'shop' AND jid = ?`,
  );
  return {
    sqlite,
    table,
    service,
    received: (at: number) => insert.run(JID, `m${serial++}`, 0, at, null),
    replied: (at: number) => insert.run(JID, `m${serial++}`, 1, at, DANA),
    resolved: (at: number) => history.run(JID, at, 'status', '"open"', '"resolved"'),
    /** As AssignmentService.assign: the chat row and its history line in one transaction. */
    assigned: (at: number, from: [string | null, string | null], to: [string | null, string | null]) =>
      sqlite.transaction(() => {
        row.run(to[0], to[1], JID);
        history.run(JID, at, 'assignee', owner(...from), owner(...to));
      })(),
    /** The row alone, with no history line (an import or a script writing the table). */
    rowOnly: (user: string | null, team: string | null) => row.run(user, team, JID),
  };
}

const messagesOf = (report: ReportOverview) =>
  report.summary.messagesReceived + Object.values(report.summary.messagesSent).reduce((a, b) => a + b, 0);

/** The report from the kept tables and from the scan, which must be the same. */
function both(service: ReportService, query: ReportQuery): ReportOverview {
  const kept = service.overview(query, everyone);
  expect(service.lastRead).toBe('days');
  expect(kept, JSON.stringify(query)).toEqual(service.overview(query, everyone, 'scan'));
  return kept;
}

it('credits a past week to who had the chat then, though it changed hands long after', () => {
  let now = START + DAY;
  const { table, service, received, replied, resolved, assigned } = shop(() => now);
  // Dana took the chat 40 days before the week, and talked with the customer in it.
  assigned(START - 40 * DAY, [null, null], ['usr_dana', 'team_care']);
  received(START + HOUR);
  replied(START + 2 * HOUR);
  received(START + 2 * DAY);
  resolved(START + 3 * DAY);
  table.settle();
  // 40 days after the week (past the 30 days a scan reads around it), Omer of sales takes it over.
  now = END + 41 * DAY;
  assigned(END + 40 * DAY, ['usr_dana', 'team_care'], ['usr_omer', 'team_sales']);
  expect(messagesOf(both(service, { ...WEEK, user: 'usr_dana' }))).toBe(3);
  expect(messagesOf(both(service, { ...WEEK, team: 'team_care' }))).toBe(3);
  expect(messagesOf(both(service, { ...WEEK, user: 'usr_omer' }))).toBe(0);
  expect(messagesOf(both(service, { ...WEEK, team: 'team_sales' }))).toBe(0);
  expect(both(service, WEEK).people.map((row) => [row.id, row.received, row.replies, row.resolved])).toEqual([
    ['usr_dana', 2, 1, 1],
  ]);
});

it('a chat row naming an assignee without a history line credits nobody, whenever the chat was folded', () => {
  const now = END + DAY;
  const { sqlite, table, service, received, replied, resolved, rowOnly } = shop(() => now);
  // A first conversation, folded; then the row is given a team with no history line, and a
  // second conversation is folded after it.
  received(START + HOUR);
  replied(START + 2 * HOUR);
  resolved(START + 3 * HOUR);
  table.settle();
  rowOnly(null, 'team_care');
  received(START + 3 * DAY);
  replied(START + 3 * DAY + HOUR);
  table.settle();
  expect(messagesOf(both(service, { ...WEEK, team: 'team_care' }))).toBe(0);
  expect(messagesOf(both(service, WEEK))).toBe(4);
  // The kept rows are those a fold from scratch writes.
  const kept = () =>
    sqlite
      .prepare(
        `SELECT quarter, kind, sender_user_id, assignee_user_id, assignee_team_id, n FROM report_message_counts
          ORDER BY quarter, kind`,
      )
      .all();
  const incremental = kept();
  sqlite.exec(`DELETE FROM report_conversations; DELETE FROM report_message_counts;
    DELETE FROM report_day_counts; DELETE FROM report_quarter_totals;
    INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES ('shop', '${JID}', -1)`);
  table.settle();
  expect(kept()).toEqual(incremental);
});

it("a conversation open across the start of the scan's window is not opened again in the period", () => {
  const now = END + DAY;
  const { table, service, received, replied, resolved } = shop(() => now);
  // The customer wrote 45 days before the week; Dana answered every ten days (the last two in
  // the 30 days the scan reads before the week), and the customer's next message is in the week.
  received(START - 45 * DAY);
  for (const daysBefore of [35, 25, 15]) replied(START - daysBefore * DAY);
  received(START + HOUR);
  resolved(START + 2 * HOUR);
  table.settle();
  const week = both(service, WEEK).summary;
  expect([week.conversationsOpened, week.conversationsResolved]).toEqual([0, 1]);
});

it('the scan walks a long chat back past many messages, and from a resolution on', () => {
  const now = END + DAY;
  const { table, service, received, replied, resolved } = shop(() => now);
  // A reply a day for 280 days after the customer's first message (more than one step back).
  received(START - 281 * DAY);
  for (let day = 280; day >= 1; day--) replied(START - day * DAY + HOUR);
  received(START + HOUR);
  table.settle();
  table.days.rebuild(); // the 280 days marked are more than a report rebuilds itself
  expect(both(service, WEEK).summary.conversationsOpened).toBe(0);
  // Resolved 150 days before the week: the replies after it open nothing, the customer's
  // message in the week opens a conversation.
  resolved(START - 150 * DAY);
  table.settle();
  table.days.rebuild();
  expect(both(service, WEEK).summary.conversationsOpened).toBe(1);
});

it("reads each chat's holder over that chat's own history rows, never the whole history or the chats", () => {
  db = openDatabase(':memory:');
  const sqlite = db.$client;
  const prepared: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    prepared.push(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  new ChatHolders(db);
  const [sql] = prepared;
  const plan = (
    prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ chats: '[["shop","a"]]', at: 0 }) as { detail: string }[]
  ).map((row) => row.detail);
  expect(
    plan.filter((step) => step.includes('chat_assignment_history_chat_idx (session_id=? AND chat_jid=?)')),
  ).toHaveLength(2);
  expect(plan.filter((step) => /^SCAN (?!j VIRTUAL TABLE|\(subquery)/.test(step))).toEqual([]);
  expect(sql).not.toContain('chats ');
});
