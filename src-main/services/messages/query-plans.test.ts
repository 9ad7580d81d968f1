/**
 * The read paths that must stay fast at millions of messages (docs/PERFORMANCE.md): the SQL the
 * services actually prepare is captured and its query plan checked — index walks, no sort
 * over all chats, FTS limited before the join — and the same services are checked to answer
 * correctly across pages.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../wa/message-mapping.js';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase, type Db } from '../../db/connection.js';
import { ChatList, type ChatListOptions } from '../chats/list/chat-list.js';
import { nameMatch } from '../chats/list/name-match.js';
import { ChatService } from '../chats/chats.js';
import { EventRecorder } from '../events/event-recorder.js';
import { ViewCountQueries, type ViewCountsQuery } from '../assignment/view-counts.js';
import { HistoryQueries } from './history-queries.js';
import { LatestMessages } from './latest-messages.js';
import { CallService } from '../calls/calls.js';
import { MessageStore } from './message-store.js';
import { CampaignReports } from '../reports/campaign-report.js';
import { ConversationTable } from '../reports/conversation-table.js';
import { ReportQueries } from '../reports/report-queries.js';

let db: Db;
let prepared: string[];
let store: MessageStore;
let chats: ChatService;
let history: HistoryQueries;

const silent = { error() {}, warn() {}, info() {}, debug() {} } as never;

beforeEach(() => {
  db = openDatabase(':memory:');
  prepared = [];
  const prepare = db.$client.prepare.bind(db.$client);
  db.$client.prepare = ((source: string) => {
    prepared.push(source);
    return prepare(source);
  }) as typeof db.$client.prepare;
  const events = new EventRecorder(db, new EventBus(silent));
  store = new MessageStore(db, events);
  chats = new ChatService(db, store, {} as never, events);
  history = new HistoryQueries(db);
});

afterEach(() => {
  db.$client.close();
});

/** Values for every named parameter the statements use (unused ones are ignored). */
const PARAMS = {
  sessionId: 's1',
  chatJid: null,
  kind: 'user',
  archived: 0,
  q: '%a%',
  tagId: 't',
  cAt: 5,
  cSession: 's1',
  cJid: 'x',
  limit: 51,
  fts: '"hello"',
  before: 1e15,
  hits: '[1, 2]',
  cap: 1001,
  after: 0,
  bound: 2000,
  assigneeUser: 'u1',
  assigneeTeam: 't1',
  status: 'open',
  allowed: '["s2"]',
  assignedSessions: '["s1"]',
  me: 'u1',
  myTeams: '["t1"]',
  hidden: '["gone"]',
  from: 'zq',
  to: 'zr',
  at: 1e15,
  rowId: 0,
  visibleAbove: 0,
  every: 0,
  sessions: '["s1"]',
  keys: '[["s1", "x", "m"]]',
};

function plan(sql: string): string {
  const params = sql.includes('@') ? [PARAMS] : [];
  return (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((row) => row.detail)
    .join('\n');
}

/** The plan of the last statement matching `pattern` prepared by `work` (or, if none, before it). */
function planOf(work: () => unknown, pattern: RegExp): string {
  return plan(sqlOf(work, pattern));
}

/** The last statement matching `pattern` prepared by `work` (or, if none, before it). */
function sqlOf(work: () => unknown, pattern: RegExp): string {
  const from = prepared.length;
  work();
  const sql =
    prepared
      .slice(from)
      .filter((text) => pattern.test(text))
      .pop() ?? prepared.filter((text) => pattern.test(text) && !text.startsWith('EXPLAIN')).pop();
  if (!sql) throw new Error(`no statement matching ${pattern} was prepared`);
  return sql;
}

function record(chat: string, id: string, timestamp: number, text: string, fromMe = false): MessageRecord {
  return {
    chatJid: chat,
    id,
    fromMe,
    senderJid: fromMe ? null : chat,
    senderName: null,
    type: 'text',
    text,
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: fromMe ? 'read' : 'server',
    timestamp,
    forwarded: false,
    raw: Buffer.from('x'),
  };
}

const jid = (n: number) => `9725${String(n).padStart(8, '0')}@s.whatsapp.net`;

describe('chat list', () => {
  // Every filter, alone and combined, walks an index that is in list order and holds only (or
  // mostly) matching chats: no sort, and a page stops after its 50 rows.
  const oneSession = { sessionId: 's1' };
  const walks: { name: string; filter: Omit<ChatListOptions, 'limit'>; index: string; first?: RegExp }[] = [
    { name: 'one session', filter: oneSession, index: 'chats_session_order_idx' },
    // Every number's order: a merge of the status index's runs (migration 0044, all-statuses.ts).
    { name: 'every session', filter: {}, index: 'chats_status_order_idx', first: /^MERGE \(UNION ALL\)/ },
    { name: 'unread', filter: { ...oneSession, unread: true }, index: 'chats_unread_session_order_idx' },
    { name: 'unread, every session', filter: { unread: true }, index: 'chats_unread_order_idx' },
    {
      name: 'groups',
      filter: { ...oneSession, kind: 'group' },
      index: 'chats_kind_session_order_idx',
      first: /chats_kind_session_order_idx \(session_id=\? AND kind=\?\)/,
    },
    { name: 'groups, every session', filter: { kind: 'group' }, index: 'chats_kind_order_idx' },
    { name: '1:1 chats', filter: { ...oneSession, kind: 'user' }, index: 'chats_session_order_idx' },
    {
      name: 'archived',
      filter: { ...oneSession, archived: true },
      index: 'chats_archived_session_order_idx',
    },
    { name: 'archived, every session', filter: { archived: true }, index: 'chats_archived_order_idx' },
    {
      name: 'not archived (the inbox)',
      filter: { ...oneSession, archived: false },
      index: 'chats_session_order_idx',
    },
    { name: 'pinned', filter: { ...oneSession, pinned: true }, index: 'chats_pinned_session_order_idx' },
    { name: 'pinned, every session', filter: { pinned: true }, index: 'chats_pinned_order_idx' },
    {
      name: 'a tag',
      filter: { ...oneSession, tagId: 't' },
      index: 'chat_tags_session_order_idx',
      first: /chat_tags_session_order_idx \(tag_id=\? AND session_id=\?\)/,
    },
    { name: 'a tag, every session', filter: { tagId: 't' }, index: 'chat_tags_order_idx' },
    {
      name: 'a short name in letters whose fold the index may not share (LIKE on the walk)',
      filter: { ...oneSession, q: 'ив' },
      index: 'chats_session_order_idx',
    },
    {
      name: 'every filter',
      filter: { ...oneSession, unread: true, kind: 'group', archived: true, pinned: true, tagId: 't' },
      // In an empty database every set counts 0; the first is taken: unread with a tag is the
      // taggings of unread chats (migration 0053).
      index: 'chat_tags_unread_session_order_idx',
      first: /chat_tags_unread_session_order_idx \(tag_id=\? AND session_id=\?\)/,
    },
    {
      name: 'unread and a tag, every session',
      filter: { unread: true, tagId: 't' },
      index: 'chat_tags_unread_order_idx',
    },
    {
      name: 'archived, pinned and a tag',
      filter: { ...oneSession, archived: true, pinned: true, tagId: 't' },
      index: 'chats_archived_session_order_idx',
    },
    {
      name: 'unread, archived and 1:1',
      filter: { unread: true, kind: 'user', archived: true },
      index: 'chats_unread_order_idx',
    },
    // The inbox views of issue #16, each per status (migration 0021).
    {
      name: 'Mine, open',
      filter: { view: { assignee: { user: 'u1' }, status: 'open' } },
      index: 'chats_mine_order_idx',
      first: /chats_mine_order_idx \(assignee_user_id=\? AND status=\?\)/,
    },
    {
      name: 'Mine, open, one session',
      filter: { ...oneSession, view: { assignee: { user: 'u1' }, status: 'open' } },
      index: 'chats_mine_order_idx',
    },
    {
      name: 'Unassigned, open',
      filter: { view: { assignee: 'none', status: 'open' } },
      index: 'chats_unassigned_order_idx',
      first: /chats_unassigned_order_idx \(status=\?\)/,
    },
    {
      name: 'a team, pending',
      filter: { view: { teamId: 't1', status: 'pending' } },
      index: 'chats_team_order_idx',
      first: /chats_team_order_idx \(assignee_team_id=\? AND status=\?\)/,
    },
    { name: 'All, resolved', filter: { view: { status: 'resolved' } }, index: 'chats_status_order_idx' },
    // Without a status (migration 0025): a person's or a team's chats in any status.
    {
      name: 'a person, any status',
      filter: { view: { assignee: { user: 'u1' } } },
      index: 'chats_assignee_order_idx',
      first: /chats_assignee_order_idx \(assignee_user_id=\?\)/,
    },
    {
      name: 'a person, any status, one session',
      filter: { ...oneSession, view: { assignee: { user: 'u1' } } },
      index: 'chats_assignee_order_idx',
    },
    {
      name: 'a team, any status',
      filter: { view: { teamId: 't1' } },
      index: 'chats_team_any_order_idx',
      first: /chats_team_any_order_idx \(assignee_team_id=\?\)/,
    },
    {
      name: 'Unread + a tag + Mine (an empty database: the first set, the view, is walked)',
      filter: { ...oneSession, unread: true, tagId: 't', view: { assignee: { user: 'u1' }, status: 'open' } },
      index: 'chats_mine_order_idx',
    },
    {
      // All / Unassigned per status, when tiny (an empty database here), are walked.
      name: 'All, open + unread, few open chats',
      filter: { ...oneSession, unread: true, view: { status: 'open' } },
      index: 'chats_status_order_idx',
    },
    {
      name: 'an "assigned" reader, Unassigned of their teams, open',
      filter: {
        allowedSessions: new Set(['s2']),
        assignedOnly: { sessions: new Set(['s1']), userId: 'u1', teams: ['t1'] },
        view: { assignee: 'none', status: 'open' },
      },
      index: 'chats_unassigned_order_idx',
    },
  ];
  for (const { name, filter, index, first: firstPlan } of walks) {
    it(`walks ${index} without sorting (${name}, first page and from a cursor)`, () => {
      // Prepared statements are cached, so each shape is captured on first use.
      const first = planOf(() => chats.list({ ...filter, limit: 50 }), /FROM chats c|FROM chat_tags t/);
      expect(first).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
      if (firstPlan) expect(first).toMatch(firstPlan);
      expect(first).not.toContain('TEMP B-TREE');
      expect(first).not.toMatch(/SCAN (c|t)$/m);
      expect(first).toMatch(/SEARCH ct USING INDEX sqlite_autoindex_contacts_1/);
      const cursor = Buffer.from(JSON.stringify([5, 's1', 'x'])).toString('base64url');
      const next = planOf(
        () => chats.list({ ...filter, limit: 50, cursor }),
        /FROM chats c|FROM chat_tags t/,
      );
      // The walk starts at the cursor: a range on the order key after the equality prefix.
      expect(next).toMatch(new RegExp(`${index} \\((\\w+=\\? AND )*(<expr>|chat_order_at)<\\?\\)`));
      expect(next).not.toContain('TEMP B-TREE');
    });
  }

  it('merges the status runs for every number: three index walks, each from the cursor, no sort', () => {
    const cursor = Buffer.from(JSON.stringify([5, 's1', 'x'])).toString('base64url');
    // With the filters that stay conditions on the walk: the inbox, 1:1, Unassigned or a
    // status-less view, a name too common to sort, hidden sessions and an agent's numbers.
    for (let n = 0; n < 3; n += 1) store.ingest('s1', [record(jid(n), `d${n}`, 1000 + n, 'hi')], 'history');
    const list = new ChatList(db.$client, () => ['gone'], 2);
    for (const filter of [
      {},
      { archived: false, kind: 'user' as const },
      { view: { assignee: 'none' as const } },
      { q: '97250' },
      { allowedSessions: new Set(['s1', 's2']) },
    ]) {
      for (const from of [undefined, cursor]) {
        const page = planOf(() => list.list({ ...filter, limit: 50, cursor: from }), /UNION ALL/);
        const what = JSON.stringify({ ...filter, from });
        expect(page, what).toMatch(/^MERGE \(UNION ALL\)/);
        const walks = page.match(
          /SEARCH c USING INDEX chats_status_order_idx \(status=\?( AND <expr><\?)?\)/g,
        );
        expect(walks, what).toHaveLength(3);
        if (from) for (const walk of walks ?? []) expect(walk, what).toContain('<expr><?');
        expect(page, what).not.toContain('TEMP B-TREE');
        expect(page, what).not.toMatch(/SCAN c$/m);
      }
    }
  });

  it('finds few chats by name through the trigram index, sorting only those', () => {
    const hits = planOf(() => chats.list({ q: 'dana', limit: 50 }), /chat_names_fts MATCH/);
    expect(hits).toMatch(/SCAN chat_names_fts VIRTUAL TABLE INDEX \d+:M/);
    // Since 0044 the index keeps no positions: the query is the text's trigrams, ANDed.
    expect(nameMatch('dana')?.fts).toBe('"dan" AND "ana"');
    const page = planOf(() => chats.list({ q: 'dana', limit: 50 }), /json_each\(@hits\)/);
    // At most NAME_CANDIDATE_LIMIT candidates, each looked up by key; their sort is bounded.
    expect(page).toContain('SEARCH k USING INTEGER PRIMARY KEY (rowid=?)');
    expect(page).toMatch(/SEARCH c USING INDEX sqlite_autoindex_chats_1 \(session_id=\? AND jid=\?\)/);
    expect(page).not.toMatch(/SCAN (c|k|ct)$/m);
  });

  it('finds few chats by one or two characters through the trigram index, as a range of its terms', () => {
    const hits = planOf(() => chats.list({ q: 'Zq', limit: 50 }), /chat_names_vocab/);
    // A range of terms of the index (not a scan of every term), stopping at the candidate bound.
    expect(hits).toMatch(/SCAN chat_names_vocab VIRTUAL TABLE INDEX \d+:/);
    expect(hits).not.toMatch(/INDEX 0:$/m);
    const page = planOf(() => chats.list({ q: 'Zq', limit: 50 }), /json_each\(@hits\)/);
    expect(page).toContain('SEARCH k USING INTEGER PRIMARY KEY (rowid=?)');
    expect(page).not.toMatch(/SCAN (c|k|ct)$/m);
  });

  it("checks a name on any other walk before the chat's contact is read (name_text on the row)", () => {
    // A state's, a tag's or a view's walk reads each chat's row for its other conditions; the
    // name is checked there on the row's name_text, so only a matching chat's contact is looked
    // up (NAME_LIKE, on the contact's columns, read the contact of every walked chat).
    for (let n = 0; n < 3; n += 1) store.ingest('s1', [record(jid(n), `d${n}`, 1000 + n, 'hi')], 'history');
    db.$client
      .prepare(`INSERT INTO tags (id, name, color, created_at) VALUES ('t', 'VIP', '#00aa00', 1)`)
      .run();
    const list = new ChatList(db.$client, () => [], 2);
    const contactsRoots = new Set(
      db.$client.prepare(`SELECT rootpage FROM sqlite_master WHERE tbl_name = 'contacts'`).pluck().all(),
    );
    for (const [filter, walked] of [
      [{ sessionId: 's1', unread: true }, 'chats_unread_session_order_idx'],
      [{ tagId: 't' }, 'chat_tags_order_idx'],
      [{ view: { assignee: { user: 'u' }, status: 'open' as const } }, 'chats_mine_order_idx'],
    ] as const) {
      const sql = sqlOf(() => list.list({ ...filter, q: '97250', limit: 50 }), /LIMIT @limit/);
      expect(plan(sql), walked).toContain(walked);
      const steps = db.$client.prepare(`EXPLAIN ${sql}`).all(PARAMS) as {
        opcode: string;
        p1: number;
        p2: number;
        p4: string | null;
      }[];
      const contactCursors = new Set(
        steps.filter((s) => s.opcode === 'OpenRead' && contactsRoots.has(s.p2)).map((s) => s.p1),
      );
      const firstLike = steps.findIndex((s) => s.opcode === 'Function' && String(s.p4).startsWith('like'));
      const firstContactRead = steps.findIndex(
        (s) =>
          s.opcode !== 'OpenRead' &&
          contactCursors.has(s.p1) &&
          /^(Seek|Column|NotFound|Found|Deferred|IdxGT|IdxGE|IdxLT|IdxLE)/.test(s.opcode),
      );
      expect(firstLike, walked).toBeGreaterThan(-1);
      expect(firstContactRead, walked).toBeGreaterThan(firstLike);
    }
  });

  it('walks the list order for a name found in more chats than it would sort', () => {
    for (let n = 0; n < 3; n += 1) store.ingest('s1', [record(jid(n), `d${n}`, 1000 + n, 'hi')], 'history');
    const list = new ChatList(db.$client, () => [], 2);
    const page = planOf(() => list.list({ sessionId: 's1', q: '97250', limit: 50 }), /FROM chats c/);
    expect(page).toMatch(/USING INDEX chats_session_order_idx\b/);
    expect(page).not.toContain('TEMP B-TREE');
    expect(list.list({ sessionId: 's1', q: '97250', limit: 50 }).items).toHaveLength(3);
  });

  it("checks a name on the walk from the index alone: a chat's row is read only once its name matched", () => {
    // name_text (migration 0048) is the last column of both indexes that hold every chat: in the
    // program, after each deferred seek to the chat's row, the LIKE runs before any column of the
    // row is read (a walk to a page of a common name passes over thousands of chats).
    for (let n = 0; n < 3; n += 1) store.ingest('s1', [record(jid(n), `d${n}`, 1000 + n, 'hi')], 'history');
    const list = new ChatList(db.$client, () => [], 2);
    for (const filter of [{ sessionId: 's1' }, {}, { view: { status: 'open' as const } }]) {
      const sql = sqlOf(() => list.list({ ...filter, q: '97250', limit: 50 }), /FROM chats c/);
      const steps = db.$client.prepare(`EXPLAIN ${sql}`).all(PARAMS) as {
        opcode: string;
        p1: number;
        p2: number;
        p3: number;
        p4: string | null;
      }[];
      // The cursors open on the chats table (not its contact's), and the deferred seeks to them.
      const root = db.$client
        .prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'chats'`)
        .pluck()
        .get();
      const chatRows = new Set(
        steps.filter((s) => s.opcode === 'OpenRead' && s.p2 === root).map((s) => s.p1),
      );
      const seeks = steps.flatMap((step, at) =>
        step.opcode === 'DeferredSeek' && chatRows.has(step.p3) ? [{ at, row: step.p3 }] : [],
      );
      expect(seeks.length, JSON.stringify(filter)).toBeGreaterThan(0);
      for (const seek of seeks) {
        const next = steps
          .slice(seek.at + 1)
          .find(
            (step) =>
              (step.opcode === 'Column' && step.p1 === seek.row) ||
              (step.opcode === 'Function' && String(step.p4).startsWith('like')),
          );
        expect(next?.opcode, JSON.stringify(filter)).toBe('Function');
      }
      expect(list.list({ ...filter, q: '97250', limit: 50 }).items).toHaveLength(3);
    }
  });

  it('walks the smaller of two sparse sets', () => {
    const walked = () =>
      /USING (COVERING )?INDEX (\w+)/.exec(
        planOf(() => chats.list({ sessionId: 's1', pinned: true, tagId: 't1', limit: 50 }), /FROM chat/),
      )?.[2];
    db.$client
      .prepare(`INSERT INTO tags (id, name, color, created_at) VALUES ('t1', 'VIP', '#00aa00', 1)`)
      .run();
    const tag = db.$client.prepare(
      `INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES ('s1', ?, 't1', 'admin', 1)`,
    );
    for (let n = 0; n < 6; n += 1) store.ingest('s1', [record(jid(n), `u${n}`, 1000 + n, 'hi')], 'live');
    chats.applyMeta(
      's1',
      [0, 1, 2].map((n) => ({
        jid: jid(n),
        name: null,
        archived: null,
        pinnedAt: 1,
        mutedUntil: null,
        unreadCount: null,
      })),
    );
    tag.run(jid(0));
    expect(walked()).toBe('chat_tags_session_order_idx');
    for (let n = 1; n < 6; n += 1) tag.run(jid(n));
    expect(walked()).toBe('chats_pinned_session_order_idx');
  });

  it('walks the taggings of unread chats for unread and a tag, kept as chats turn unread and read', () => {
    db.$client
      .prepare(`INSERT INTO tags (id, name, color, created_at) VALUES ('t1', 'VIP', '#00aa00', 1)`)
      .run();
    const tag = db.$client.prepare(
      `INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES ('s1', ?, 't1', 'admin', 1)`,
    );
    // Three chats, all unread (live messages) and tagged; one tagged before its chat existed.
    tag.run(jid(2));
    for (let n = 0; n < 3; n += 1) store.ingest('s1', [record(jid(n), `u${n}`, 1000 + n, 'hi')], 'live');
    for (let n = 0; n < 2; n += 1) tag.run(jid(n));
    const walk = (sessionId?: string) => {
      const filter = { sessionId, unread: true, tagId: 't1', limit: 50 };
      const plan = planOf(() => chats.list(filter), /FROM chat_tags t/);
      return [plan, chats.list(filter).items.map((chat) => chat.jid)] as const;
    };
    for (const [sessionId, index] of [
      ['s1', 'chat_tags_unread_session_order_idx'],
      [undefined, 'chat_tags_unread_order_idx'],
    ] as const) {
      const [plan, listed] = walk(sessionId);
      expect(plan).toMatch(new RegExp(`^SEARCH t USING COVERING INDEX ${index}`, 'm'));
      expect(plan).not.toContain('TEMP B-TREE');
      expect(listed).toEqual([jid(2), jid(1), jid(0)]);
    }
    chats.applyMeta('s1', [
      { jid: jid(1), name: null, archived: null, pinnedAt: null, mutedUntil: null, unreadCount: 0 },
    ]);
    expect(walk('s1')[1]).toEqual([jid(2), jid(0)]);
    // The taggings' flag follows the chat: only unread chats' taggings are in the walked index.
    const flagged = () =>
      db.$client
        .prepare(
          `SELECT chat_jid FROM chat_tags INDEXED BY chat_tags_unread_order_idx WHERE tag_id = 't1' AND chat_unread = 1 ORDER BY chat_jid`,
        )
        .pluck()
        .all();
    expect(flagged()).toEqual([jid(0), jid(2)]);
    store.ingest('s1', [record(jid(1), 'again', 2000, 'hi')], 'live');
    expect(flagged()).toEqual([jid(0), jid(1), jid(2)]);
    expect(walk(undefined)[1]).toEqual([jid(1), jid(2), jid(0)]);
  });

  it('walks another set than All, open (the inbox default) once that holds more than a few chats', () => {
    const walked = () =>
      /USING (COVERING )?INDEX (\w+)/.exec(
        planOf(
          () => chats.list({ sessionId: 's1', unread: true, view: { status: 'open' }, limit: 50 }),
          /FROM chats c/,
        ),
      )?.[2];
    expect(walked()).toBe('chats_status_order_idx');
    const add = db.$client.prepare(
      `INSERT INTO chats (session_id, jid, kind, last_message_at) VALUES ('s1', ?, 'user', ?)`,
    );
    for (let n = 0; n < 250; n += 1) add.run(jid(n), 1000 + n);
    expect(walked()).toBe('chats_unread_session_order_idx');
  });

  it('counts the candidate sets from their indexes alone, at most a bound of rows', () => {
    const count = planOf(
      () => chats.list({ sessionId: 's1', archived: true, tagId: 't', limit: 50 }),
      /SELECT count\(\*\) FROM \(SELECT 1 FROM chats c/,
    );
    expect(count).toContain('USING COVERING INDEX chats_archived_session_order_idx');
    const tagCount = planOf(
      () => chats.list({ sessionId: 's1', archived: true, tagId: 't', limit: 50 }),
      /SELECT count\(\*\) FROM \(SELECT 1 FROM chat_tags t/,
    );
    expect(tagCount).toContain('USING COVERING INDEX chat_tags_session_order_idx');
    const unreadTagCount = planOf(
      () =>
        chats.list({
          sessionId: 's1',
          unread: true,
          tagId: 't',
          view: { assignee: { user: 'u' } },
          limit: 50,
        }),
      /SELECT count\(\*\) FROM \(SELECT 1 FROM chat_tags t/,
    );
    expect(unreadTagCount).toContain('USING COVERING INDEX chat_tags_unread_session_order_idx');
  });

  it('pages through every chat once, newest first, chats without messages last', () => {
    for (let n = 0; n < 23; n += 1) {
      store.ingest(n % 2 ? 's1' : 's2', [record(jid(n), `m${n}`, 1000 + (n % 7) * 10, 'hi')], 'history');
    }
    chats.applyMeta('s1', [
      { jid: jid(99), name: 'Quiet', archived: null, pinnedAt: null, mutedUntil: null, unreadCount: null },
    ]);
    for (const sessionId of [undefined, 's1']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = chats.list({ sessionId, limit: 4, cursor });
        seen.push(...page.items.map((chat) => `${chat.session}/${chat.jid}`));
        cursor = page.next ?? undefined;
      } while (cursor);
      const all = chats.list({ sessionId, limit: 200 }).items.map((chat) => `${chat.session}/${chat.jid}`);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(sessionId ? 12 : 24);
      expect(seen[seen.length - 1]).toBe(`s1/${jid(99)}`);
    }
  });
  it('reads the last messages of a page from the chat rows, not from messages (migration 0054)', () => {
    store.ingest('s1', [record(jid(1), 'a1', 1000, 'first')], 'history');
    store.ingest(
      's1',
      [{ ...record(jid(2), 'b1', 2000, ''), type: 'poll', content: { name: 'Lunch?' } } as never],
      'history',
    );
    chats.applyMeta('s1', [
      { jid: jid(3), name: 'Quiet', archived: null, pinnedAt: null, mutedUntil: null, unreadCount: null },
    ]);
    const from = prepared.length;
    const sql = planOf(() => chats.list({ sessionId: 's1', limit: 50 }), /LIMIT @limit/);
    expect(sql).toContain('chats_session_order_idx');
    expect(sql).not.toMatch(/\bmessages\b/);
    // Nothing else the page ran reads messages either (its statements were prepared just now).
    expect(prepared.slice(from).filter((text) => /\bmessages\b/.test(text))).toEqual([]);
    const items = chats.list({ sessionId: 's1', limit: 50 }).items;
    expect(items.map((chat) => [chat.jid, chat.lastMessage?.type, chat.lastMessage?.text ?? null])).toEqual([
      [jid(2), 'poll', ''],
      [jid(1), 'text', 'first'],
      [jid(3), undefined, null],
    ]);
    expect(items[0]?.lastMessage?.pollName).toBe('Lunch?');
  });
});

describe('inbox view counts (issue #16)', () => {
  const person = { id: 'u1', teams: [{ id: 't1', name: 'Support' }] };
  const cases: { name: string; query: ViewCountsQuery }[] = [
    {
      name: 'the owner, open',
      query: { status: 'open', allowedSessions: null, assignedOnly: null, person },
    },
    {
      name: 'an agent on one number, pending',
      query: {
        sessionId: 's1',
        status: 'pending',
        allowedSessions: new Set(['s1']),
        assignedOnly: null,
        person,
      },
    },
    {
      name: 'an "assigned" reader, every status',
      query: {
        allowedSessions: new Set(['s2']),
        assignedOnly: { sessions: new Set(['s1']), userId: 'u1', teams: ['t1'] },
        person,
      },
    },
  ];
  for (const { name, query } of cases) {
    it(`counts each view from the counters kept on write, never reading chats (${name})`, () => {
      const counts = new ViewCountQueries(db.$client, () => ['gone']);
      const from = prepared.length;
      counts.counts(query);
      const statements = prepared.slice(from).filter((sql) => sql.includes('chat_view_counts'));
      // Mine, Unassigned, the team and All.
      expect(statements).toHaveLength(4);
      for (const sql of statements) {
        const steps = plan(sql);
        expect(steps).not.toMatch(/\bchats\b/);
        expect(steps).not.toContain('TEMP B-TREE');
        // One number's counters are a range of the key.
        if (query.sessionId)
          expect(steps).toMatch(/SEARCH chat_view_counts USING PRIMARY KEY \(session_id=\?/);
      }
    });
  }
});

describe('history ingest keeps each chat summary as message-by-message writes would', () => {
  it('takes the newest message of a slice, leaves unread alone, and resets it when we wrote', () => {
    const chat = jid(1);
    store.ingest('s1', [record(chat, 'live1', 500, 'live one')], 'live');
    expect(store.chat('s1', chat)?.unreadCount).toBe(1);
    store.ingest(
      's1',
      [
        record(chat, 'h2', 900, 'newest'),
        record(chat, 'h1', 100, 'old'),
        record(chat, 'h3', 900, 'tie, later'),
      ],
      'history',
    );
    const after = store.chat('s1', chat);
    expect(after?.lastMessage?.id).toBe('h3');
    expect(after?.lastMessage?.preview).toBe('tie, later');
    expect(after?.unreadCount).toBe(1);
    store.ingest('s1', [record(chat, 'h0', 50, 'ours, older', true)], 'history');
    expect(store.chat('s1', chat)?.unreadCount).toBe(0);
    expect(store.chat('s1', chat)?.lastMessage?.id).toBe('h3');
  });

  it('returns what it stored, as a read returns it', () => {
    const [stored] = store.ingest('s1', [record(jid(2), 'a1', 1234, 'hello')], 'history', { messages: true });
    expect(stored).toEqual(store.get('s1', jid(2), 'a1'));
  });
});

describe('a message by id', () => {
  /** The plan of `sql` with its `?` bound to `values`. */
  const planWith = (sql: string, ...values: string[]) =>
    (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');

  it('finds a message by number and id alone, and by its chat too, through the one identity index', () => {
    store.ingest('s1', [record(jid(1), 'same', 10, 'older'), record(jid(2), 'same', 20, 'newer')], 'history');
    // GET /sessions/{id}/messages/{msgId}: no chat given; the index leads with (session, id) (migration 0056).
    const byId = sqlOf(() => store.findById('s1', 'same'), /WHERE session_id = \? AND id = \? ORDER BY/);
    expect(planWith(byId, 's1', 'same')).toContain(
      'SEARCH messages USING INDEX messages_identity_idx (session_id=? AND id=?)',
    );
    expect(store.findById('s1', 'same')?.text).toBe('newer');
    const byChat = sqlOf(
      () => store.get('s1', jid(1), 'same'),
      /^SELECT row_id AS rowId[^]*FROM messages WHERE session_id = \? AND chat_jid = \? AND id = \?$/,
    );
    expect(planWith(byChat, 's1', jid(1), 'same')).toContain(
      'messages_identity_idx (session_id=? AND id=? AND chat_jid=?)',
    );
    expect(store.get('s1', jid(1), 'same')?.text).toBe('older');
    const indexes = db.$client
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages'`)
      .pluck()
      .all();
    expect(indexes).not.toContain('messages_session_id_idx');
  });
});

describe('search', () => {
  it('limits FTS hits by rowid before joining messages', () => {
    const sql = planOf(() => history.search({ query: 'hello', limit: 50 }), /messages_fts MATCH/);
    // FTS5's idxNum flags 0x40 | 0x80: FTS itself returns hits ordered by rowid, descending,
    // so LIMIT stops it early; rows are then looked up by key, and nothing is sorted.
    const idxNum = Number(/SCAN messages_fts VIRTUAL TABLE INDEX (\d+):M/.exec(sql)?.[1]);
    expect(idxNum & 0xc0).toBe(0xc0);
    expect(sql).toContain('SEARCH m USING INTEGER PRIMARY KEY (rowid=?)');
    expect(sql).not.toMatch(/SCAN m\b/);
    expect(sql).not.toContain('TEMP B-TREE');
    // Each hit's reactions, in the same statement, by the reactions' key (reactions-column.ts).
    expect(sql).toContain(
      'SEARCH r USING INDEX sqlite_autoindex_message_reactions_1 (session_id=? AND chat_jid=? AND message_id=?)',
    );
    expect(sql).not.toMatch(/SCAN r\b/);
  });

  it('pages newest first across sessions and within one, without skipping or repeating', () => {
    for (let n = 0; n < 120; n += 1) {
      store.ingest(
        n % 3 ? 's1' : 's2',
        [record(jid(n % 5), `x${n}`, 1000 + n, `order number ${n}`)],
        'history',
      );
    }
    for (const sessionId of [undefined, 's2']) {
      const ids: string[] = [];
      let beforeRowId: number | undefined;
      for (;;) {
        const page = history.search({ query: 'order', sessionId, limit: 7, beforeRowId });
        ids.push(...page.messages.map((message) => message.id));
        if (page.nextRowId === null) break;
        beforeRowId = page.nextRowId;
      }
      const expected = Array.from({ length: 120 }, (_, n) => n)
        .filter((n) => !sessionId || n % 3 === 0)
        .reverse()
        .map((n) => `x${n}`);
      expect(ids).toEqual(expected);
    }
  });
});

describe('reports', () => {
  /** The plan of the prepared statement matching `pattern`, its `?` bound to nulls. */
  function reportPlan(pattern: RegExp): string {
    const sql = prepared.filter((text) => pattern.test(text)).pop();
    if (!sql) throw new Error(`no statement matching ${pattern} was prepared`);
    const marks = sql.match(/\?\d*/g) ?? [];
    const count = marks.some((mark) => mark.length > 1) ? new Set(marks).size : marks.length;
    return (
      db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from({ length: count }, () => null)) as {
        detail: string;
      }[]
    )
      .map((row) => row.detail)
      .join('\n');
  }

  it('reads a period of messages and history along their time indexes, in order, without a sort', () => {
    new ReportQueries(db);
    const incoming = reportPlan(/FROM messages INDEXED BY messages_report_in_idx/);
    expect(incoming).toContain(
      'USING COVERING INDEX messages_report_in_idx (session_id=? AND timestamp>? AND timestamp<?)',
    );
    const outgoing = reportPlan(/FROM messages INDEXED BY messages_report_out_idx/);
    expect(outgoing).toContain(
      'USING COVERING INDEX messages_report_out_idx (session_id=? AND timestamp>? AND timestamp<?)',
    );
    const history = reportPlan(/FROM chat_assignment_history/);
    expect(history).toContain('chat_assignment_history_at_idx (at>? AND at<?)');
    for (const text of [incoming, outgoing]) expect(text).not.toContain('TEMP B-TREE');
    // "Waiting now": its partial index alone, grouped in its order (migration 0040).
    const waiting = reportPlan(/FROM chats INDEXED BY chats_waiting_idx/);
    expect(waiting).toContain('SCAN chats USING COVERING INDEX chats_waiting_idx');
    expect(waiting).not.toContain('TEMP B-TREE');
    expect(reportPlan(/FROM chats INDEXED BY chats_status_order_idx/)).toContain(
      'chats_status_order_idx (status=?)',
    );
  });

  it('groups a period of the kept conversations over their three covering indexes', () => {
    new ConversationTable(db);
    const sql = prepared.filter((text) => /AS times/.test(text)).pop();
    if (!sql) throw new Error('no grouped conversations statement was prepared');
    const filters = { from: 0, to: 1, sessions: '["s1"]', user: 'u', team: 't', tag: 'tag_vip' };
    const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(filters) as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    for (const index of ['opened', 'incoming', 'resolved'])
      expect(plan).toMatch(
        new RegExp(`COVERING INDEX report_conversations_${index}_idx \\(\\w+>\\? AND \\w+<\\?\\)`),
      );
    expect(plan).not.toMatch(/SCAN report_conversations\b/);
  });

  it('sums a period of the kept quarter-hour counts over one range of their index (migration 0032)', () => {
    new ConversationTable(db);
    const filters = { from: 0, to: 1, sessions: '["s1"]', user: 'u', team: 't', tag: 'tag_vip' };
    const countsPlan = (pattern: RegExp) => {
      const sql = prepared.filter((text) => pattern.test(text)).pop();
      if (!sql) throw new Error(`no statement matching ${pattern} was prepared`);
      return (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(filters) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n');
    };
    const [byQuarter, byGroup, byTag] = [
      /GROUP BY c\.quarter/,
      /GROUP BY c\.session_id, c\.kind/,
      /GROUP BY t\.tag_id/,
    ].map(countsPlan);
    for (const text of [byQuarter, byGroup, byTag]) {
      expect(text).toContain(
        'SEARCH x USING COVERING INDEX report_message_counts_quarter_idx (quarter>? AND quarter<?)',
      );
      // Each row's chat (its number and JID) by its integer key (migration 0057).
      expect(text).toContain('SEARCH k USING INTEGER PRIMARY KEY (rowid=?)');
      expect(text).not.toMatch(/SCAN (x|k)\b/);
      // The tag filter looks the chat's tag up by key.
      expect(text).toContain('sqlite_autoindex_chat_tags_1 (session_id=? AND chat_jid=? AND tag_id=?)');
    }
    // The trend and heat map group in the index's own order; the rest sorts only summed rows.
    expect(byQuarter).not.toContain('TEMP B-TREE');
    expect(byTag).toContain(
      'SEARCH t USING COVERING INDEX sqlite_autoindex_chat_tags_1 (session_id=? AND chat_jid=?)',
    );
    // The fold replaces a chat's counts over the quarters of one piece by the table's own key.
    expect(reportPlan(/DELETE FROM report_message_counts/)).toContain(
      'SEARCH report_message_counts USING PRIMARY KEY (chat=? AND quarter>? AND quarter<?)',
    );
  });

  it('counts a campaign by its recipients and the messages’ own indexes', () => {
    new CampaignReports(db);
    const counts = reportPlan(/FROM campaign_recipients r/);
    expect(counts).toMatch(/SEARCH r USING INDEX campaign_recipients_\w+ \(campaign_id=\?\)/);
    expect(counts).toContain('opt_outs_idx (session_id=? AND jid=?)');
    expect(counts).toContain('messages_identity_idx (session_id=? AND id=? AND chat_jid=?)');
    expect(counts).toContain('messages_chat_time_idx (session_id=? AND chat_jid=? AND timestamp>?)');
    expect(counts).not.toMatch(/SCAN (m|reply)\b/);
  });
});

describe('latest sent and received across a number’s chats (issue #26)', () => {
  it('walks the direction’s time index from the newest entry, for everyone and an assigned-only reader', () => {
    for (const [direction, index] of [
      ['sent', 'messages_report_out_idx'],
      ['received', 'messages_report_in_idx'],
    ] as const) {
      for (const own of [false, true]) {
        const text = plan(LatestMessages.sql(direction, own));
        expect(text).toContain(`SEARCH m USING INDEX ${index} (session_id=? AND timestamp<?)`);
        expect(text).not.toMatch(/SCAN m\b/);
        // Only messages of one same second are sorted by row id, never the whole number's.
        expect(text).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      }
    }
  });

  it('pages newest first through one direction without skipping or repeating, ties included', () => {
    const latest = new LatestMessages(db);
    for (let n = 0; n < 90; n += 1) {
      // Three messages per second, like a busy number; every third one ours.
      store.ingest(
        n % 4 ? 's1' : 's2',
        [record(jid(n % 5), `x${n}`, 1000 * Math.floor(n / 3), `m ${n}`, n % 3 === 0)],
        'history',
      );
    }
    for (const direction of ['sent', 'received'] as const) {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = latest.list({ sessionId: 's1', direction, limit: 4, cursor });
        ids.push(...page.messages.map((message) => message.id));
        if (page.next === null) break;
        cursor = page.next;
      }
      const expected = Array.from({ length: 90 }, (_, n) => n)
        .filter((n) => n % 4 !== 0 && (n % 3 === 0) === (direction === 'sent'))
        .reverse()
        .map((n) => `x${n}`);
      expect(ids).toEqual(expected);
    }
  });
});

describe('the call log across numbers (issue #26)', () => {
  it('walks calls_at_idx from the newest call, filtered to the readable numbers', () => {
    const text = plan(CallService.ACROSS_SQL);
    expect(text).toContain('calls_at_idx (timestamp<?)');
    expect(text).not.toMatch(/SCAN calls\b/);
    expect(text).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });
});
