/**
 * `npx tsx bench/chat-list-at-scale.ts [--chats 1000000] [--iterations 200] [--db file] [--rows-only]`
 *
 * `--db file` keeps the generated database there (it is generated only when the file does not
 * exist yet), so a million chats are generated once and the rows re-run on them after a change
 * (the app's migrations run on open, as at a start after an upgrade). `--rows-only` skips the
 * A/B of migration 0044 below.
 *
 * Case 3's chat list filters at a million chats without generating ten million messages (issue
 * #28: `--scale 10` takes hours here). The list reads chat summary rows, contacts and taggings
 * only, so those are written directly into a migrated database (the app's triggers still build
 * the name documents, tag order keys and view counters): 3 numbers, 60 % of the chats with a
 * named contact, 5 % groups, times spread over three years; then the states of case 3 (a few old
 * chats unread / archived / pinned in the first number, 15 % + 15 % of the second; a rare tag on
 * 4 old chats per number and a common one on 30 %; 70 % resolved, 1 % a person's, 5 % a team's).
 *
 * Every row times the app's page (`ChatList.list`) in turns with raw better-sqlite3's unfiltered
 * first page of one number on a read-only connection (what a filtered page should cost), first
 * page and the next. Two A/B rows time what migration 0044 changed against what it replaced, on
 * the same data in the same run: every number's list as a walk of `chats_order_idx` (created
 * here for the comparison) against the app's merge of the status index, and the name index's
 * candidates with positions (a phrase over a `detail=full` copy) against the app's
 * (`detail=none`, trigrams ANDed).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../src-main/db/connection.js';
import { ChatList, type ChatListOptions } from '../src-main/services/chats/list/chat-list.js';
import { nameMatch } from '../src-main/services/chats/list/name-match.js';
import { FIRST_NAMES } from './corpus.js';
import { samplePair, stats, time } from './measure.js';
import { loadAverage } from './noise.js';
import { forIndex, pick } from './prng.js';
import { ms, timeRatio } from './report.js';

const SESSIONS = ['s0', 's1', 's2'] as const;
const LAST_NAMES = [
  'Cohen',
  'Levi',
  'Garcia',
  'Smith',
  'Haddad',
  'Petrov',
  'Rossi',
  'Kim',
  'Silva',
  'Mizrahi',
];
const PAGE = 50;
const YEAR = 365 * 24 * 3600_000;
const END = Date.UTC(2026, 0, 1);

type Filter = Omit<ChatListOptions, 'limit' | 'cursor'>;

function option(flag: string, fallback: number): number {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const jidOf = (i: number) => `9725${String(i).padStart(8, '0')}@s.whatsapp.net`;

const BATCH = 50_000;

/**
 * Chats and contacts, written in transactions of 50k rows (contacts first: the chat's name
 * document reads them). The tables' non-unique indexes are dropped for the bulk insert and built
 * again after it (one sort each instead of a random B-tree insert per row), and the page cache is
 * large while generating: both only make generation faster, the database is the same.
 */
function generate(sqlite: Database.Database, count: number): void {
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('chats', 'contacts')
       AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`,
    )
    .all() as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  const cache = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -1000000');
  insertRows(sqlite, count);
  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.pragma(`cache_size = ${cache}`);
}

function insertRows(sqlite: Database.Database, count: number): void {
  const contact = sqlite.prepare('INSERT INTO contacts (session_id, jid, name, notify) VALUES (?, ?, ?, ?)');
  const chat = sqlite.prepare(
    `INSERT INTO chats (session_id, jid, kind, name, last_message_at, status, assignee_user_id, assignee_team_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let from = 0; from < count; from += BATCH) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(count, from + BATCH); i += 1) {
        const rng = forIndex(28, i);
        const session = SESSIONS[i % 3] as string;
        const group = rng() < 0.05;
        const jid = group ? `1203630${String(i).padStart(11, '0')}@g.us` : jidOf(i);
        if (!group && rng() < 0.6)
          contact.run(
            session,
            jid,
            `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`,
            pick(rng, FIRST_NAMES),
          );
        chat.run(
          session,
          jid,
          group ? 'group' : 'user',
          group ? `${pick(rng, LAST_NAMES)} family ${i % 97}` : null,
          Math.round(END - rng() * 3 * YEAR),
          rng() < 0.7 ? 'resolved' : 'open',
          i % 100 === 7 ? 'usr_bench' : null,
          i % 20 === 3 ? 'team_bench' : null,
        );
      }
    })();
  }
}

interface States {
  rareTag: string;
  commonTag: string;
  fewDigits: string;
}

/** Case 3's states (bench/cases/chat-list-filters.ts), written directly. */
function oldest(sqlite: Database.Database, session: string, n: number): string[] {
  return sqlite
    .prepare(
      `SELECT jid FROM chats WHERE session_id = ? ORDER BY coalesce(last_message_at, 0), jid LIMIT ${n}`,
    )
    .pluck()
    .all(session) as string[];
}

/** The states' ids, and a number's digits found in one chat (the 30th oldest of the first number). */
function statesOf(sqlite: Database.Database): States {
  const old = oldest(sqlite, 's0', 30);
  return { rareTag: 'rare', commonTag: 'common', fewDigits: (old[29] ?? '').split('@')[0]?.slice(-7) ?? '' };
}

function setStates(sqlite: Database.Database): States {
  const old = oldest(sqlite, 's0', 30);
  const set = (column: string, value: number, session: string, jids: readonly string[]) => {
    const update = sqlite.prepare(`UPDATE chats SET ${column} = ? WHERE session_id = ? AND jid = ?`);
    for (const jid of jids) update.run(value, session, jid);
  };
  sqlite.transaction(() => {
    set('unread_count', 2, 's0', old.slice(0, 10));
    set('archived', 1, 's0', old.slice(10, 20));
    set('pinned_at', 1_700_000_000_000, 's0', old.slice(20, 25));
    // 30 % of the second number: half unread, half archived.
    sqlite.exec(`UPDATE chats SET unread_count = 1 WHERE session_id = 's1' AND rowid % 20 IN (1, 4, 9)`);
    sqlite.exec(`UPDATE chats SET archived = 1 WHERE session_id = 's1' AND rowid % 20 IN (2, 5, 11)`);
    sqlite.exec(`INSERT INTO tags (id, name, color, created_at) VALUES ('rare', 'Bench rare', '#aa0000', 1),
      ('common', 'Bench common', '#00aa00', 1)`);
    const tag = sqlite.prepare(
      `INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES (?, ?, ?, 'bench', 1)`,
    );
    for (const session of SESSIONS)
      for (const jid of oldest(sqlite, session, 4)) tag.run(session, jid, 'rare');
    const all = sqlite
      .prepare(`SELECT session_id AS s, jid FROM chats WHERE rowid % 10 IN (0, 3, 6)`)
      .all() as {
      s: string;
      jid: string;
    }[];
    for (const row of all) tag.run(row.s, row.jid, 'common');
  })();
  return statesOf(sqlite);
}

function cases(states: States): [string, Filter][] {
  const mine = { user: 'usr_bench' };
  return [
    ['every number, any status (merge)', {}],
    ['one number', { sessionId: 's0' }],
    ['unread, few (10 old chats)', { sessionId: 's0', unread: true }],
    ['unread, many (15 %)', { sessionId: 's1', unread: true }],
    ['unread, every number', { unread: true }],
    ['groups (5 %)', { sessionId: 's0', kind: 'group' }],
    ['groups, every number', { kind: 'group' }],
    ['archived, few (10 old chats)', { sessionId: 's0', archived: true }],
    ['archived, many (15 %)', { sessionId: 's1', archived: true }],
    ['inbox (not archived), every number', { archived: false }],
    ['pinned (5 old chats)', { sessionId: 's0', pinned: true }],
    ['tag, rare (12 old chats)', { tagId: states.rareTag }],
    ['tag, common (30 %)', { tagId: states.commonTag }],
    [`name, few (${states.fewDigits})`, { q: states.fewDigits }],
    ['name, many (Noa)', { q: 'Noa' }],
    ['name, some (Tamar Levi)', { sessionId: 's0', q: 'Tamar Levi' }],
    ['name, 2 letters (av)', { sessionId: 's0', q: 'av' }],
    ['name, 2 letters, none (zq)', { sessionId: 's0', q: 'zq' }],
    ['Mine, open (1 %)', { view: { assignee: mine, status: 'open' } }],
    ['Mine, any status', { view: { assignee: mine } }],
    ['Unassigned, open', { view: { assignee: 'none', status: 'open' } }],
    ['Unassigned, any status', { view: { assignee: 'none' } }],
    ['a team, open (5 %)', { view: { teamId: 'team_bench', status: 'open' } }],
    ['All, resolved (70 %)', { view: { status: 'resolved' } }],
    ['All, pending (none)', { view: { status: 'pending' } }],
    [
      'unread + rare tag + Mine, open',
      { unread: true, tagId: states.rareTag, view: { assignee: mine, status: 'open' } },
    ],
    [
      'unread + common tag + Mine',
      { sessionId: 's1', unread: true, tagId: states.commonTag, view: { assignee: mine } },
    ],
    ['unread + common tag + name (Noa)', { unread: true, tagId: states.commonTag, q: 'Noa' }],
    ['All, open + unread', { sessionId: 's1', unread: true, view: { status: 'open' } }],
    ['All, open + name (Noa)', { sessionId: 's0', q: 'Noa', view: { status: 'open' } }],
  ];
}

const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

async function main(): Promise<void> {
  const count = option('--chats', 1_000_000);
  const iterations = option('--iterations', 200);
  const kept = process.argv.includes('--db')
    ? path.resolve(process.argv[process.argv.indexOf('--db') + 1] ?? '')
    : null;
  const dir = kept ? null : mkdtempSync(path.join(os.tmpdir(), 'chatdock-chat-list-at-scale-'));
  const file = kept ?? path.join(dir as string, 'chatdock.db');
  const reuse = kept !== null && existsSync(kept);
  const db = openDatabase(file);
  const sqlite = db.$client;
  let states: States;
  if (reuse) {
    const chats = sqlite.prepare('SELECT count(*) FROM chats').pluck().get() as number;
    states = statesOf(sqlite);
    process.stdout.write(
      `${chats.toLocaleString('en')} chats, kept in ${file}; at start: ${loadAverage()}\n\n`,
    );
  } else {
    process.stdout.write(`${count.toLocaleString('en')} chats; at start: ${loadAverage()}\n`);
    const generating = time(() => generate(sqlite, count));
    states = setStates(sqlite);
    // No ANALYZE: the app never runs it, so the planner sees what it sees in the field.
    process.stdout.write(`generated in ${(generating / 1000).toFixed(0)} s; ${loadAverage()}\n\n`);
  }
  const raw = new Database(file, { readonly: true });
  const rawPage = raw.prepare(
    `SELECT c.*, coalesce(ct.name, ct.verified_name, ct.notify) AS display_name FROM chats c
     LEFT JOIN contacts ct ON ct.session_id = c.session_id AND ct.jid = c.jid
     WHERE c.session_id = ? ORDER BY coalesce(c.last_message_at, 0) DESC, c.session_id DESC, c.jid DESC LIMIT ?`,
  );
  const list = new ChatList(sqlite);
  process.stdout.write(
    `${line(['filter', 'page', 'rows', 'median', 'p95', 'raw median / p95', 'ratio (p95)', 'verdict (p95 ≤ 5 ms or 2× raw)'])}\n${line(Array(8).fill('---'))}\n`,
  );
  let met = 0;
  let rows = 0;
  for (const [what, filter] of cases(states)) {
    const first = list.list({ ...filter, limit: PAGE });
    for (const [page, cursor] of [
      ['first', undefined],
      ['next', first.next ?? null],
    ] as const) {
      if (cursor === null) {
        process.stdout.write(
          `${line([what, page, `${first.items.length} in all`, '–', '–', '–', '–', 'one page'])}\n`,
        );
        continue;
      }
      const timings = await samplePair(
        iterations,
        () => rawPage.all('s0', PAGE),
        () => list.list({ ...filter, limit: PAGE, cursor }),
      );
      const app = stats(timings.app);
      const base = stats(timings.raw);
      const ok = app.p95 <= Math.max(5, 2 * base.p95);
      rows += 1;
      if (ok) met += 1;
      process.stdout.write(
        `${line([what, page, String(page === 'first' ? first.items.length : PAGE), ms(app.median), ms(app.p95), `${ms(base.median)} / ${ms(base.p95)}`, timeRatio(app.p95, base.p95), ok ? 'met' : 'NOT MET'])}\n`,
      );
    }
  }
  process.stdout.write(`\n${met} of ${rows} rows met; at end of the rows: ${loadAverage()}\n\n`);
  if (process.argv.includes('--rows-only')) {
    close(raw, sqlite, dir);
    return;
  }

  // A/B of migration 0044 on the same data, in turns.
  process.stdout.write(
    `${line(['0044 A/B', 'before (median / p95)', 'after (median / p95)', 'after ÷ before (median)'])}\n${line(Array(4).fill('---'))}\n`,
  );
  const ab = async (what: string, before: () => unknown, after: () => unknown) => {
    const t = await samplePair(iterations, before, after);
    const b = stats(t.raw);
    const a = stats(t.app);
    process.stdout.write(
      `${line([what, `${ms(b.median)} / ${ms(b.p95)}`, `${ms(a.median)} / ${ms(a.p95)}`, timeRatio(a.median, b.median)])}\n`,
    );
  };
  sqlite.exec('CREATE INDEX chats_order_idx ON chats (coalesce("last_message_at", 0), session_id, jid)');
  const oldWalk = (where: string) =>
    sqlite.prepare(
      `SELECT c.*, coalesce(ct.name, ct.verified_name, ct.notify) AS display_name FROM chats c INDEXED BY chats_order_idx
       LEFT JOIN contacts ct ON ct.session_id = c.session_id AND ct.jid = c.jid ${where}
       ORDER BY coalesce(c.last_message_at, 0) DESC, c.session_id DESC, c.jid DESC LIMIT 51`,
    );
  const everyOld = oldWalk('');
  await ab(
    'every number, first page: chats_order_idx walk → status merge',
    () => everyOld.all(),
    () => list.list({ limit: PAGE }),
  );
  const inboxOld = oldWalk('WHERE c.archived = 0');
  await ab(
    'every number, inbox: chats_order_idx walk → status merge',
    () => inboxOld.all(),
    () => list.list({ archived: false, limit: PAGE }),
  );
  const noaOld = oldWalk(
    `WHERE (c.name LIKE '%Noa%' OR ct.name LIKE '%Noa%' OR ct.notify LIKE '%Noa%' OR ct.verified_name LIKE '%Noa%' OR c.jid LIKE '%Noa%')`,
  );
  await ab(
    'every number, name Noa (LIKE walk): chats_order_idx → status merge',
    () => noaOld.all(),
    () => list.list({ q: 'Noa', limit: PAGE }),
  );
  sqlite.exec(`CREATE VIRTUAL TABLE names_full USING fts5(names, content='', contentless_delete=1, tokenize='trigram');
    INSERT INTO names_full (rowid, names) SELECT id, names FROM chat_search_documents`);
  const phrase = sqlite.prepare('SELECT rowid FROM names_full WHERE names_full MATCH ? LIMIT 1001').pluck();
  const trigrams = sqlite
    .prepare('SELECT rowid FROM chat_names_fts WHERE chat_names_fts MATCH ? LIMIT 1001')
    .pluck();
  for (const q of ['Noa', 'Tamar Levi', 'Garcia', states.fewDigits, 'family 42']) {
    const fts = nameMatch(q)?.fts as string;
    const found = [phrase.all(`"${q}"`).length, trigrams.all(fts).length];
    await ab(
      `name candidates "${q}" (${found[0]} → ${found[1]}, capped at 1,001): phrase on positions → trigrams ANDed`,
      () => phrase.all(`"${q}"`),
      () => trigrams.all(fts),
    );
  }
  const size = (like: string) =>
    sqlite.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?`).pluck().get(like) as number;
  process.stdout.write(
    `\nname index: ${(size('names_full%') / 1e6).toFixed(1)} MB with positions → ${(size('chat_names_fts%') / 1e6).toFixed(1)} MB without; chats_order_idx ${(size('chats_order_idx') / 1e6).toFixed(1)} MB\n`,
  );
  process.stdout.write(`at end: ${loadAverage()}\n`);
  // What the A/B built is not the app's schema: a kept database must not keep it.
  sqlite.exec('DROP INDEX chats_order_idx; DROP TABLE names_full');
  close(raw, sqlite, dir);
}

function close(raw: Database.Database, sqlite: Database.Database, dir: string | null): void {
  raw.close();
  sqlite.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

void main();
