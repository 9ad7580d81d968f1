/**
 * Case 3, filters: every chat list filter of the inbox, alone and combined, with few and with
 * many matching chats, first page and the next one (docs/PERFORMANCE.md). Each series is timed
 * in turns with the raw unfiltered first page of the same session (what a filtered page should
 * cost), and the query the list ran before migration 0011 is timed a few times for comparison.
 *
 * Target: p95 ≤ 5 ms, or at most twice the raw page's p95 when the machine is so busy that the
 * raw page itself is past 2.5 ms (a shared machine's pauses land on both series alike).
 *
 * The generated history has no unread, archived, pinned or tagged chats worth the name, so the
 * states are set first, deterministically: "few" are old chats (the end of the list, the worst
 * case for a walk of the whole order), "many" are 30 % of a number's chats.
 */
import type { Database } from 'better-sqlite3';
import type { ChatListOptions } from '../../src-main/services/chats/chats.js';
import { viewConditions } from '../../src-main/services/chats/list/views.js';
import type { BenchContext } from '../context.js';
import { samplePair, stats, time } from '../measure.js';
import { fmtInterval, ratioInterval } from '../spread.js';
import { ms, timeRatio, type Row } from '../report.js';

type Filter = Omit<ChatListOptions, 'limit' | 'cursor'>;

interface FilterCase {
  what: string;
  filter: Filter;
  /** Fewer samples for a known slow case (it walks every chat of the number). */
  slow?: true;
}

const PAGE = 50;
/** The tagging actor of the bench's own changes. */
const ACTOR = { label: 'admin', actor: { type: 'system' as const, id: null, name: 'Bench' } };

/** Every third... deterministic "30 % of the chats" by the JID's digits. */
function inManyShare(jid: string): boolean {
  let hash = 0;
  for (const char of jid) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 10 < 3;
}

interface States {
  rareTag: string;
  commonTag: string;
  /** Digits of one old chat's number: a name filter that matches (almost) one chat. */
  fewDigits: string;
}

/** Sets the unread, archived, pinned and tag states the filters look at (see the file comment). */
function setStates(ctx: BenchContext): States {
  const { core, sessionIds } = ctx;
  const { chats } = core.services.messaging;
  const { tags, taggings } = core.services.organize;
  const sqlite = core.db.$client;
  const [few, many] = sessionIds as [string, string, string];
  const meta = (jid: string, change: { unreadCount?: number; archived?: boolean; pinnedAt?: number }) => ({
    jid,
    name: null,
    archived: change.archived ?? null,
    pinnedAt: change.pinnedAt ?? null,
    mutedUntil: null,
    unreadCount: change.unreadCount ?? null,
  });
  // Unread left by the live case is cleared, so "few" is really few.
  for (const sessionId of sessionIds) {
    const unread = jids(sqlite, `SELECT jid FROM chats WHERE session_id = ? AND unread_count > 0`, sessionId);
    chats.applyMeta(
      sessionId,
      unread.map((jid) => meta(jid, { unreadCount: 0 })),
    );
  }
  const oldest = (sessionId: string, count: number) =>
    jids(
      sqlite,
      `SELECT jid FROM chats WHERE session_id = ? ORDER BY coalesce(last_message_at, 0), jid LIMIT ${count}`,
      sessionId,
    );
  // Few: old chats of the first number. Many: 30 % of the second number's chats.
  const oldChats = oldest(few, 30);
  chats.applyMeta(few, [
    ...oldChats.slice(0, 10).map((jid) => meta(jid, { unreadCount: 2 })),
    ...oldChats.slice(10, 20).map((jid) => meta(jid, { archived: true })),
    ...oldChats.slice(20, 25).map((jid, n) => meta(jid, { pinnedAt: 1_700_000_000_000 + n })),
  ]);
  const manyChats = jids(sqlite, `SELECT jid FROM chats WHERE session_id = ?`, many).filter(inManyShare);
  chats.applyMeta(
    many,
    manyChats.map((jid, n) => meta(jid, n % 2 ? { unreadCount: 1 } : { archived: true })),
  );
  // Tags: a rare one on old chats of every number (the app's own path), and a common one on
  // 30 % of all chats, written as an import would (its triggers keep the order key; the app's
  // path would also queue a webhook delivery per chat).
  // A data dir kept by an earlier run (`--data`) has them already: the same tags are reused.
  const kept = (name: string) => tags.list().find((tag) => tag.name === name)?.id;
  const keptRare = kept('Bench rare');
  const keptCommon = kept('Bench common');
  const rareTag = keptRare ?? tags.create({ name: 'Bench rare', color: '#aa0000' }).id;
  const commonTag = keptCommon ?? tags.create({ name: 'Bench common', color: '#00aa00' }).id;
  if (!keptRare)
    for (const sessionId of sessionIds) taggings.bulk(sessionId, oldest(sessionId, 4), rareTag, 'add', ACTOR);
  const tag = sqlite.prepare(
    `INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at) VALUES (?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    if (keptCommon) return;
    for (const sessionId of sessionIds) {
      for (const jid of jids(sqlite, `SELECT jid FROM chats WHERE session_id = ?`, sessionId)) {
        if (inManyShare(`${jid}#`)) tag.run(sessionId, jid, commonTag, ACTOR.label, Date.now());
      }
    }
  })();
  const fewDigits = (oldChats[29] ?? '').split('@')[0]?.slice(-7) ?? '';
  setAssignment(sqlite);
  return { rareTag, commonTag, fewDigits };
}

/** The bench person and team of the assignment views (issue #16). */
export const BENCH_USER = 'usr_bench';
export const BENCH_TEAM = 'team_bench';

/**
 * An inbox after months of use: 70 % of the chats resolved, 1 % of them (spread over the whole
 * list) the bench person's, 5 % the bench team's; the rest open and unassigned.
 */
function setAssignment(sqlite: Database): void {
  sqlite.exec(`UPDATE chats SET status = CASE WHEN abs(unicode(substr(jid, -16, 1)) + length(jid)) % 10 < 7
    THEN 'resolved' ELSE 'open' END`);
  sqlite.exec(`UPDATE chats SET assignee_user_id = '${BENCH_USER}' WHERE rowid % 100 = 7`);
  sqlite.exec(`UPDATE chats SET assignee_team_id = '${BENCH_TEAM}' WHERE rowid % 20 = 3`);
}

function jids(sqlite: Database, sql: string, sessionId: string): string[] {
  return sqlite.prepare(sql).pluck().all(sessionId) as string[];
}

function cases(ctx: BenchContext, states: States): FilterCase[] {
  const [few, many] = ctx.sessionIds as [string, string, string];
  return [
    { what: 'unread, few (10 old chats)', filter: { sessionId: few, unread: true } },
    { what: 'unread, many (15 %)', filter: { sessionId: many, unread: true } },
    { what: 'unread, every number', filter: { unread: true } },
    { what: 'groups (5 %)', filter: { sessionId: few, kind: 'group' } },
    { what: 'groups, every number', filter: { kind: 'group' } },
    { what: 'archived, few (10 old chats)', filter: { sessionId: few, archived: true } },
    { what: 'archived, many (15 %)', filter: { sessionId: many, archived: true } },
    { what: 'inbox (not archived)', filter: { sessionId: many, archived: false } },
    // Every number in any status: a merge of the status index's runs (migration 0044).
    { what: 'inbox, every number', filter: { archived: false } },
    { what: 'pinned (5 old chats)', filter: { sessionId: few, pinned: true } },
    { what: 'tag, rare (12 old chats)', filter: { tagId: states.rareTag } },
    { what: 'tag, common (30 %)', filter: { tagId: states.commonTag } },
    { what: 'tag, rare, one number', filter: { sessionId: many, tagId: states.rareTag } },
    { what: `name, few (${states.fewDigits})`, filter: { q: states.fewDigits } },
    { what: 'name, many (Noa)', filter: { q: 'Noa' } },
    { what: 'name, some (Tamar 2)', filter: { sessionId: few, q: 'Tamar 2' } },
    { what: 'name, 2 letters, many (av)', filter: { sessionId: few, q: 'av' } },
    // 1–2 characters: a range of the trigram index's terms (migration 0025).
    { what: 'name, 2 letters, none (zq)', filter: { sessionId: few, q: 'zq' } },
    { what: 'name, 1 letter, none (x)', filter: { q: 'x' } },
    { what: 'name, 1 letter, many (v)', filter: { sessionId: many, q: 'v' } },
    { what: 'unread + rare tag', filter: { sessionId: few, unread: true, tagId: states.rareTag } },
    { what: 'unread + common tag', filter: { sessionId: many, unread: true, tagId: states.commonTag } },
    {
      what: 'unread + common tag + name',
      filter: { unread: true, tagId: states.commonTag, q: 'Noa' },
    },
    { what: 'archived groups', filter: { sessionId: many, archived: true, kind: 'group' } },
    {
      what: 'inbox, 1:1, common tag',
      filter: { sessionId: many, archived: false, kind: 'user', tagId: states.commonTag },
    },
    // The inbox views (issue #16): each walks its partial index on the list order.
    { what: 'Mine, open (1 %)', filter: { view: { assignee: { user: BENCH_USER }, status: 'open' } } },
    { what: 'Mine, resolved', filter: { view: { assignee: { user: BENCH_USER }, status: 'resolved' } } },
    { what: 'Unassigned, open', filter: { view: { assignee: 'none', status: 'open' } } },
    {
      what: 'Unassigned, open, one number',
      filter: { sessionId: many, view: { assignee: 'none', status: 'open' } },
    },
    { what: 'a team, open (5 %)', filter: { view: { teamId: BENCH_TEAM, status: 'open' } } },
    { what: 'All, pending (none)', filter: { view: { status: 'pending' } } },
    { what: 'All, resolved (70 %)', filter: { view: { status: 'resolved' } } },
    { what: 'Unassigned, any status', filter: { view: { assignee: 'none' } } },
    // Without a status (migration 0025), and views combined with the other filters.
    { what: 'Mine, any status', filter: { view: { assignee: { user: BENCH_USER } } } },
    { what: 'a team, any status', filter: { sessionId: many, view: { teamId: BENCH_TEAM } } },
    {
      what: 'unread + rare tag + Mine, open',
      filter: {
        unread: true,
        tagId: states.rareTag,
        view: { assignee: { user: BENCH_USER }, status: 'open' },
      },
    },
    {
      what: 'unread + common tag + Mine',
      filter: {
        sessionId: many,
        unread: true,
        tagId: states.commonTag,
        view: { assignee: { user: BENCH_USER } },
      },
    },
    // The inbox's default list is "All, open": combined with a click on a filter.
    { what: 'All, open + unread', filter: { sessionId: many, unread: true, view: { status: 'open' } } },
    { what: 'All, open + rare tag', filter: { tagId: states.rareTag, view: { status: 'open' } } },
    { what: 'All, open + name (Noa)', filter: { sessionId: few, q: 'Noa', view: { status: 'open' } } },
    {
      what: 'Mine, open + name (Tamar)',
      filter: { q: 'Tamar', view: { assignee: { user: BENCH_USER }, status: 'open' } },
    },
  ];
}

/**
 * The list query as it was before migration 0011 (the full order index, every filter a condition),
 * or null when that index is gone: every number's order index was dropped by migration 0044.
 */
function oldQuery(sqlite: Database, filter: Filter): (() => unknown) | null {
  const index = filter.sessionId ? 'chats_session_order_idx' : 'chats_order_idx';
  if (!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(index))
    return null;
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: PAGE + 1 };
  if (filter.sessionId) {
    where.push('c.session_id = @sessionId');
    params.sessionId = filter.sessionId;
  }
  if (filter.unread) where.push('c.unread_count > 0');
  if (filter.kind) {
    where.push('c.kind = @kind');
    params.kind = filter.kind;
  }
  if (filter.pinned !== undefined)
    where.push(filter.pinned ? 'c.pinned_at IS NOT NULL' : 'c.pinned_at IS NULL');
  if (filter.archived !== undefined) {
    where.push('c.archived = @archived');
    params.archived = filter.archived ? 1 : 0;
  }
  if (filter.tagId) {
    where.push(
      'EXISTS (SELECT 1 FROM chat_tags t WHERE t.session_id = c.session_id AND t.chat_jid = c.jid AND t.tag_id = @tagId)',
    );
    params.tagId = filter.tagId;
  }
  where.push(...viewConditions(filter.view, params));
  if (filter.q) {
    where.push(
      '(c.name LIKE @q OR ct.name LIKE @q OR ct.notify LIKE @q OR ct.verified_name LIKE @q OR c.jid LIKE @q)',
    );
    params.q = `%${filter.q}%`;
  }
  const statement = sqlite.prepare(
    `SELECT c.*, coalesce(ct.name, ct.verified_name, ct.notify) AS display_name
     FROM chats c INDEXED BY ${index}
     LEFT JOIN contacts ct ON ct.session_id = c.session_id AND ct.jid = c.jid
     ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
     ORDER BY coalesce(c.last_message_at, 0) DESC, c.session_id DESC, c.jid DESC LIMIT @limit`,
  );
  return () => statement.all(params);
}

export async function chatListFilterRows(ctx: BenchContext): Promise<Row[]> {
  const { core, raw, sessionIds } = ctx;
  const iterations = ctx.quick ? 100 : 500;
  const chats = core.services.messaging.chats;
  const states = setStates(ctx);
  const rows: Row[] = [];
  for (const { what, filter, slow } of cases(ctx, states)) {
    const session = filter.sessionId ?? (sessionIds[0] as string);
    const first = chats.list({ ...filter, limit: PAGE });
    const pages: [string, string | null][] = [
      ['first page', null],
      ['next page', first.next],
    ];
    // The old query, a few times: it walks up to every chat of the list.
    const old = oldQuery(raw.db, filter);
    const before = old && stats(Array.from({ length: ctx.quick ? 3 : 5 }, () => time(old)));
    for (const [page, cursor] of pages) {
      if (page === 'next page' && !cursor) {
        rows.push(infoRow(what, page, `${first.items.length} chats: one page`));
        continue;
      }
      const { raw: rawSamples, app: appSamples } = await samplePair(
        slow ? 20 : iterations,
        () => raw.chatList.all(session, PAGE),
        () => chats.list({ ...filter, limit: PAGE, cursor: cursor ?? undefined }),
      );
      const app = stats(appSamples);
      const base = stats(rawSamples);
      rows.push({
        case: '3 chat list filters',
        what: `${what}, ${page}`,
        median: ms(app.median),
        p95: ms(app.p95),
        raw: `${ms(base.median)} / ${ms(base.p95)}`,
        ratio: timeRatio(app.p95, base.p95) + ' p95',
        spread: fmtInterval(ratioInterval(appSamples, rawSamples)),
        target: 'p95 ≤ 5 ms or 2× raw',
        met: app.p95 <= Math.max(5, 2 * base.p95),
        note:
          page === 'first page'
            ? `${first.items.length} chats on the page; before 0011: ${before ? `median ${ms(before.median)}` : 'not timed (its index is gone)'}`
            : undefined,
      });
    }
  }
  return rows;
}

function infoRow(what: string, page: string, note: string): Row {
  return {
    case: '3 chat list filters',
    what: `${what}, ${page}`,
    median: '–',
    p95: '–',
    raw: '–',
    ratio: '–',
    target: '–',
    met: null,
    note,
  };
}
