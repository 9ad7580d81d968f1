/**
 * The chat list: pages of chats newest first (`coalesce(last_message_at, 0) DESC, session_id
 * DESC, jid DESC`), with any combination of filters, read from maintained rows only.
 *
 * Every page walks an index that is already in list order and holds as few non-matching chats
 * as possible (docs/PERFORMANCE.md, "Chat list filters"):
 * - no sparse filter: the whole order (`chats_session_order_idx`; for every number a merge of
 *   `chats_status_order_idx`'s three runs, `all-statuses.ts`, migration 0044);
 * - unread, archived, pinned, groups (any kind but 1:1): a partial index of the chats in that
 *   state (migration 0011);
 * - a tag: the tag's taggings, which carry their chat's order key (`chat_tags_*order_idx`); with
 *   unread, only the taggings of unread chats (`chat_tags_unread_*order_idx`, migration 0053);
 * - a name `q` found in few chats: those chats, from the trigram index (its trigrams for 3+
 *   characters, probed for a few hits first to estimate how many; a range of trigrams for 1–2;
 *   `name-candidates.ts`), sorted (at most NAME_CANDIDATE_LIMIT of them).
 * When several sparse filters apply, the walk takes the smallest set (counted up to a bound)
 * and checks the others on each row. Every other filter is a plain condition on the row, so the
 * result is the same whichever walk is taken (chat-list.test.ts compares it with a naive query).
 * The inbox views (an assignee, a team, a status; issue #16) fit the same scheme: a partial
 * index on the list order per view, one more walk to choose from (`views.ts`).
 * Each chat of a page comes with its tags, read by the page's own statement (a subquery per
 * tagged chat, organize/chat-tags-column.ts; migration 0060), not by a second query over the page.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Chat, ChatWithTags } from '../../../../src-shared/messages.js';
import { toChat } from '../../messages/message-rows.js';
import { keptKind } from '../../messages/last-message-kind.js';
import {
  CONTACT_JOIN,
  SUMMARY_COLUMN_COUNT,
  SUMMARY_COLUMNS,
  summaryRow,
} from '../../messages/chat-summary-row.js';
import { chatTagsColumn, parseChatTags } from '../../organize/chat-tags-column.js';
import { allStatusesMerge } from './all-statuses.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { nameCandidates, PROBE } from './name-candidates.js';
import { nameMatch, type NameMatch } from './name-match.js';
import {
  assignedOnlyCondition,
  isAssignmentView,
  NOT_A_CHANNEL,
  viewConditions,
  viewIndex,
  viewWalk,
  type AssignedOnly,
  type ChatView,
  type ViewWalk,
} from './views.js';

/** The chat's tags, read by the page's own statement (organize/chat-tags-column.ts). */
const TAGS_COLUMN = `${chatTagsColumn('c.session_id', 'c.jid', 'c.tagged')} AS tags`;

/** The list order over chats; the same expression as in the indexes of migrations 0007 and 0011. */
const CHAT_ORDER = { at: 'coalesce(c.last_message_at, 0)', session: 'c.session_id', jid: 'c.jid' };
/** The same order read from a tagging (its copy of the chat's order key). */
const TAG_ORDER = { at: 't.chat_order_at', session: 't.session_id', jid: 't.chat_jid' };

/**
 * At most this many chats matching a name are fetched and sorted; more matches mean they are
 * common enough that walking the list order finds a page of them soon (see nameCandidateBound).
 */
export const NAME_CANDIDATE_LIMIT = 1000;
/** Below this many candidates sorting them always beats a walk (a small database). */
const NAME_CANDIDATE_FLOOR = 50;
/** Sparse sets are counted up to this many rows to pick the smallest one to walk. */
const COUNT_BOUND = 5000;
/** A mostly-everything view (All / Unassigned per status) is walked with other filters below this. */
const TINY_BOUND = 200;

export interface ChatListOptions {
  sessionId?: string | undefined;
  /** Only these sessions (what an agent may read; services/access/authorizer.ts `readableSessions`). */
  allowedSessions?: ReadonlySet<string> | null | undefined;
  q?: string | undefined;
  unread?: boolean | undefined;
  kind?: Chat['kind'] | undefined;
  archived?: boolean | undefined;
  /** Only pinned chats (the list shows them on top; they are few, so they come in one call). */
  pinned?: boolean | undefined;
  /** Only chats carrying this tag (id). */
  tagId?: string | undefined;
  /** Mine / Unassigned / a team, per status (issue #16). */
  view?: ChatView | undefined;
  /** The numbers where the caller reads only their own chats (authorizer `assignedOnlySessions`). */
  assignedOnly?: AssignedOnly | null | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A state with a partial index on the list order: its name in the index, and its condition. */
const SPARSE_STATES = {
  unread: 'c.unread_count > 0',
  archived: 'c.archived = 1',
  pinned: 'c.pinned_at IS NOT NULL',
  // Partial-index conditions must appear literally in the query, so the kind is checked twice.
  kind: "c.kind <> 'user'",
} as const;
type SparseState = keyof typeof SPARSE_STATES;

/** What a page walks (see the file comment). */
type Walk =
  | { by: 'order' }
  | { by: 'state'; state: SparseState }
  /** A tag's taggings; with `unread`, only those of unread chats (migration 0053). */
  | { by: 'tag'; unread: boolean }
  | { by: 'names' }
  | { by: 'view'; view: ViewWalk };

export class ChatList {
  /** One prepared statement per SQL text (a filter combination and walk), kept for reuse. */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly sqlite: Database,
    /** Deleted sessions whose history is kept (services/kept-history.ts): not listed across sessions. */
    private readonly hiddenSessions: () => readonly string[] = () => [],
    private readonly nameCandidateLimit = NAME_CANDIDATE_LIMIT,
    /** Trigram hits read before estimating how many there are (name-candidates.ts; tests lower it). */
    private readonly nameProbe = PROBE,
  ) {}

  list(options: ChatListOptions): { items: ChatWithTags[]; next: string | null } {
    const params: Record<string, unknown> = { limit: options.limit + 1 };
    const where: string[] = [];
    const session = options.sessionId;
    if (session) {
      where.push('c.session_id = @sessionId');
      params.sessionId = session;
    } else {
      const hidden = this.hiddenSessions();
      if (hidden.length) {
        where.push('c.session_id NOT IN (SELECT value FROM json_each(@hidden))');
        params.hidden = JSON.stringify(hidden);
      }
    }
    if (options.allowedSessions) {
      const allowed = 'c.session_id IN (SELECT value FROM json_each(@allowed))';
      where.push(
        options.assignedOnly ? assignedOnlyCondition(allowed, options.assignedOnly, params) : allowed,
      );
      params.allowed = JSON.stringify([...options.allowedSessions]);
    }
    const names = nameMatch(options.q);
    if (names) params.q = names.like;
    // Where the name is checked (see below): before the conditions that read the chat's row.
    const nameAt = where.length;
    where.push(...viewConditions(options.view, params));
    // Channels are listed only where asked for (`kind=newsletter`), and never in an assignment
    // view: All is the conversations, as its count (views.ts).
    if (options.kind !== 'newsletter' || isAssignmentView(options.view)) where.push(NOT_A_CHANNEL);
    const states = this.sparseStates(options);
    for (const state of states) where.push(SPARSE_STATES[state]);
    if (options.kind) {
      where.push('c.kind = @kind');
      params.kind = options.kind;
    }
    if (options.pinned === false) where.push('c.pinned_at IS NULL');
    if (options.archived === false) where.push('c.archived = 0');
    if (options.tagId) params.tagId = options.tagId;

    const walk = this.chooseWalk(options, states, names, params);
    // A view's index has the session after the order key: as a plain equality SQLite would drop
    // the session from the ORDER BY and then sort each timestamp's ties; `+` keeps it a filter.
    if (walk.by === 'view' && session) where[0] = '+c.session_id = @sessionId';
    if (names) {
      // The two indexes holding every chat carry name_text (migration 0048): there the name is
      // checked first, from the index, so only matching chats' rows are read. Any other walk
      // reads the row for its other conditions: the name is checked last, on the row's own
      // name_text, so only matching chats' contacts are read (NAME_LIKE read the contact of
      // every walked chat: at 1M chats, quiet, "unread + a common tag + Noa" 4.4–4.9 → 2.1–2.7 ms
      // median, session 16; at load 40 in session 12 the same move looked slower, but it was
      // then checked first, before the cheaper conditions, and that run's spread was too wide).
      if (readsNamesFromIndex(walk)) where.splice(nameAt, 0, names.condition);
      else where.push(names.condition);
    }
    if (options.tagId && walk.by !== 'tag')
      where.push(
        'EXISTS (SELECT 1 FROM chat_tags t WHERE t.session_id = c.session_id AND t.chat_jid = c.jid AND t.tag_id = @tagId)',
      );
    const order = walk.by === 'tag' ? TAG_ORDER : CHAT_ORDER;
    if (options.cursor) {
      const [at, cursorSession, jid] = decodeCursor(options.cursor);
      // Written as a range on the order expression so the index walk starts at the cursor
      // (a row-value comparison on an expression index would filter from the top instead).
      where.push(
        `${order.at} <= @cAt AND (${order.at} < @cAt OR ` +
          (session === cursorSession
            ? `${order.jid} < @cJid)`
            : `(${order.session}, ${order.jid}) < (@cSession, @cJid))`),
      );
      Object.assign(params, { cAt: at, cSession: cursorSession, cJid: jid });
    }

    const oneSession = session !== undefined && session !== '';
    // A walk in list order computes the tags of the rows it returns only. The names walk sorts
    // its candidates (up to NAME_CANDIDATE_LIMIT), and a sorted row's columns are computed
    // before the sort: there the page is read first (a co-routine, in its ORDER BY) and its
    // tags around it.
    const sorted = walk.by === 'names';
    const columns = `${SUMMARY_COLUMNS}, ${sorted ? 'c.tagged' : TAGS_COLUMN}`;
    const pageSql =
      walk.by === 'order' && !oneSession
        ? allStatusesMerge(columns, CONTACT_JOIN, where)
        : `SELECT ${columns} FROM ${this.source(walk, oneSession)}
         ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
         ORDER BY ${order.at} DESC, ${order.session} DESC, ${order.jid} DESC
         LIMIT @limit`;
    const sql = sorted
      ? `SELECT p.*, ${chatTagsColumn('p.sessionId', 'p.jid', 'p.tagged')} AS tags FROM (${pageSql}) p`
      : pageSql;
    // The tags are the last column: after the page's own, or after the names walk's `tagged`.
    const tagsAt = sorted ? SUMMARY_COLUMN_COUNT + 1 : SUMMARY_COLUMN_COUNT;
    const rows = this.statement(sql, true).all(params) as unknown[][];
    const page = rows.length > options.limit ? rows.slice(0, options.limit) : rows;
    const items = page.map((values): ChatWithTags => {
      const row = summaryRow(values);
      // The last message's kind is kept on the row (migration 0054): no read of `messages` here.
      const chat = toChat(row, row.displayName, keptKind(row));
      // Not a spread: copying each chat into a new object cost twice the rest of this (~40 µs a page).
      return Object.assign(chat, { tags: parseChatTags(values[tagsAt] as string) });
    });
    const last = page[page.length - 1];
    return { items, next: rows.length > options.limit && last ? encodeCursor(summaryRow(last)) : null };
  }

  /** The filters that select a sparse state (kind only for groups and other non-1:1 kinds). */
  private sparseStates(options: ChatListOptions): SparseState[] {
    const states: SparseState[] = [];
    if (options.unread) states.push('unread');
    if (options.archived === true) states.push('archived');
    if (options.pinned === true) states.push('pinned');
    if (options.kind && options.kind !== 'user') states.push('kind');
    return states;
  }

  /**
   * Few chats named like `q`: walk those (bounded). Otherwise the smallest of the sparse sets
   * (view, states, tag), else the whole order. Sets `@hits` for the names walk.
   */
  private chooseWalk(
    options: ChatListOptions,
    states: readonly SparseState[],
    names: NameMatch | null,
    params: Record<string, unknown>,
  ): Walk {
    if (names) {
      const hits = nameCandidates(
        (sql) => this.statement(sql),
        names,
        this.nameCandidateBound(),
        this.nameProbe,
      );
      if (hits) {
        params.hits = JSON.stringify(hits);
        return { by: 'names' };
      }
    }
    // On a tie (several past the bound) the first here is walked. "All" / "Unassigned" per
    // status are usually most chats and, not led by the session, hold other numbers' chats too
    // (the inbox's default is All, open): with other sets they are walked only when tiny, which a
    // count up to a small bound tells cheaply.
    const view = viewWalk(options.view);
    const dense = view === 'status' || view === 'unassigned' ? ({ by: 'view', view } as const) : null;
    // Unread with a tag: the taggings of unread chats are both sets' overlap, never more than
    // either (a tag on 30 % and unread on 15 % may share no chat: walking one of them to check
    // the other passed over all of it). It takes unread's place among the sets.
    const tagUnread = !!options.tagId && states.includes('unread');
    const walks: Walk[] = [
      ...(view && !dense ? [{ by: 'view', view } as const] : []),
      ...(tagUnread ? [{ by: 'tag', unread: true } as const] : []),
      ...states
        .filter((state) => !tagUnread || state !== 'unread')
        .map((state) => ({ by: 'state', state }) as const),
      ...(options.tagId && !tagUnread ? [{ by: 'tag', unread: false } as const] : []),
    ];
    if (walks.length === 0) return dense ?? { by: 'order' };
    if (dense && this.sizeUpToBound(dense, options, TINY_BOUND) < TINY_BOUND) return dense;
    if (walks.length === 1) return walks[0] as Walk;
    let best = walks[0] as Walk;
    let smallest = this.sizeUpToBound(best, options);
    for (const walk of walks.slice(1)) {
      // A later set is counted only up to the smallest so far: reaching it means it is not smaller.
      const size = this.sizeUpToBound(walk, options, smallest);
      if (size < smallest) [best, smallest] = [walk, size];
    }
    return best;
  }

  /**
   * How many name candidates are worth sorting rather than walking the list order. A candidate
   * costs random lookups (its key, chat and contact), a walked chat one index entry whose names
   * are checked in place (name_text): measured at 100k chats on the loaded machine, 277
   * candidates sorted in 6.9 ms against 11.8 ms for the walk to a page of them (docs/PERFORMANCE.md),
   * about 25 µs against 1 µs. A page of 50 among C candidates of N chats walks about 50·N/C
   * of them, so the two cost the same near C = √(2N). N is the largest chat rowid (one seek).
   */
  private nameCandidateBound(): number {
    const chats = (this.statement('SELECT max(rowid) FROM chats').pluck().get() as number | null) ?? 0;
    const bound = Math.max(NAME_CANDIDATE_FLOOR, Math.round(Math.sqrt(chats * 2)));
    return Math.min(this.nameCandidateLimit, bound);
  }

  /** How many rows `walk` would pass over from the top, counted up to COUNT_BOUND (index only). */
  private sizeUpToBound(walk: Walk, options: ChatListOptions, bound = COUNT_BOUND): number {
    const session = options.sessionId ? 's' : '';
    const params: Record<string, unknown> = {
      sessionId: options.sessionId,
      tagId: options.tagId,
      kind: options.kind,
      bound,
    };
    let sql: string;
    if (walk.by === 'tag') {
      sql = `SELECT 1 FROM chat_tags t INDEXED BY ${tagIndex(session !== '', walk.unread)}
        WHERE t.tag_id = @tagId${session ? ' AND t.session_id = @sessionId' : ''}${walk.unread ? ' AND t.chat_unread = 1' : ''}`;
    } else if (walk.by === 'state') {
      const conditions: string[] = [SPARSE_STATES[walk.state]];
      if (session) conditions.push('c.session_id = @sessionId');
      if (walk.state === 'kind') conditions.push('c.kind = @kind');
      sql = `SELECT 1 FROM chats c INDEXED BY ${stateIndex(walk.state, session !== '')} WHERE ${conditions.join(' AND ')}`;
    } else if (walk.by === 'view') {
      const conditions = viewConditions(options.view, params);
      if (walk.view === 'unassigned') conditions.push('c.assignee_user_id IS NULL');
      if (session) conditions.push('c.session_id = @sessionId');
      sql = `SELECT 1 FROM chats c INDEXED BY ${viewIndex(walk.view)} WHERE ${conditions.join(' AND ')}`;
    } else return Infinity;
    return this.statement(`SELECT count(*) FROM (${sql} LIMIT @bound)`).pluck().get(params) as number;
  }

  /** The FROM clause of a page for `walk` (indexes named, so the walk is the one chosen). */
  private source(walk: Walk, oneSession: boolean): string {
    switch (walk.by) {
      case 'order':
        // Every number's order is a merge of the status index (all-statuses.ts), built by list().
        return `chats c INDEXED BY chats_session_order_idx ${CONTACT_JOIN}`;
      case 'state':
        return `chats c INDEXED BY ${stateIndex(walk.state, oneSession)} ${CONTACT_JOIN}`;
      case 'view':
        return `chats c INDEXED BY ${viewIndex(walk.view)} ${CONTACT_JOIN}`;
      case 'tag':
        // CROSS JOIN keeps the taggings as the outer loop: they are what is walked in order.
        return `chat_tags t INDEXED BY ${tagIndex(oneSession, walk.unread)}
          CROSS JOIN chats c ON c.session_id = t.session_id AND c.jid = t.chat_jid AND t.tag_id = @tagId
          ${oneSession ? 'AND t.session_id = @sessionId' : ''} ${walk.unread ? 'AND t.chat_unread = 1' : ''} ${CONTACT_JOIN}`;
      case 'names':
        // The candidates (at most NAME_CANDIDATE_LIMIT) are looked up by key and sorted.
        return `json_each(@hits) h CROSS JOIN chat_search_keys k ON k.id = h.value
          CROSS JOIN chats c ON c.session_id = k.session_id AND c.jid = k.jid ${CONTACT_JOIN}`;
    }
  }

  /**
   * The prepared statement of `sql`, made once. `arrays`: its rows are read as arrays (a page's,
   * `SUMMARY_COLUMNS` first: messages/chat-summary-row.ts); page and count statements never share a text.
   */
  private statement(sql: string, arrays = false): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      if (arrays) statement.raw(true);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** Whether the walk's index holds `name_text`: the order (one number's, or the status merge) or All per status. */
function readsNamesFromIndex(walk: Walk): boolean {
  return walk.by === 'order' || (walk.by === 'view' && walk.view === 'status');
}

/** A tag's taggings in list order: every number's or one's, all or only unread chats' (0011, 0053). */
function tagIndex(oneSession: boolean, unread: boolean): string {
  return `chat_tags_${unread ? 'unread_' : ''}${oneSession ? 'session_' : ''}order_idx`;
}

function stateIndex(state: SparseState, oneSession: boolean): string {
  return `chats_${state}_${oneSession ? 'session_' : ''}order_idx`;
}
