/**
 * The kept conversations of every customer chat (migration 0028): a report reads the
 * conversations of its period from covering indexes instead of folding a 90-day window of
 * messages. Triggers mark a chat in `report_dirty_chats` in the same transaction as the message
 * or assignment change; `settle` folds the marked chats again with the one definition
 * (metrics/timeline.ts `foldChat`) before any report reads, so a report is always exact.
 *
 * A chat is refolded from the opening of its latest kept conversation that began before the
 * quarter hour of the change: the chat was closed just before that instant, so the walk can
 * start there, and the conversations before it ended before the change and cannot move. A live
 * message costs the fold of one conversation; a history slice arriving out of order, the chat
 * from that point on. The same fold recounts the chat's quarter-hour message counts from the
 * change's quarter on (message-counts.ts, migration 0032), with the fold's attribution.
 */
import type { Statement } from 'better-sqlite3';
import { fittedSize } from '../../core/yielding.js';
import type { Db } from '../../db/connection.js';
import { ChatFacts, COUNTED_MESSAGE, type FactRow } from './chat-facts.js';
import { ChatHolders } from './chat-holders.js';
import { ConversationDays } from './conversation-days.js';
import { MessageCounts, QUARTER_MS, quarterOf } from './message-counts.js';
import { PeriodConversations } from './period-conversations.js';
import { ReportChats, withChat } from './report-chats.js';
import { isCustomerChat } from './report-facts.js';
import { foldChat, type Assignee, type Conversation, type FoldState } from './metrics/timeline.js';

interface DirtyRow {
  session: string;
  chat: string;
  since: number;
}
/** A kept conversation as read: its assignee flattened into the row's columns. */
export type ConversationRow = Omit<Conversation, 'assignee'> & Assignee;

const BEGINNING = Number.MIN_SAFE_INTEGER;
const END = Number.MAX_SAFE_INTEGER;
/**
 * Most messages one piece of a chat's fold reads (issue #23 target 5): a chat with years of
 * history is folded in pieces of whole quarter hours, each in its own slice of a tick, so one
 * chat no longer holds the event loop for the whole of it (948 ms after a migration, load 5).
 * A piece of 2,000 took 200–400 ms at load 20 (docs/PERFORMANCE.md "session 13"), 500 a quarter of that.
 */
export const FACTS_PER_PIECE = 500;
/**
 * A piece should hold the loop about this long: the piece size shrinks to what fitted when one
 * took longer (a slow or busy PC, a chat whose messages are costly to fold) and grows back
 * towards `FACTS_PER_PIECE` when they are quick, learned from piece to piece and tick to tick,
 * like a history sync's chunks (history-store-chunks.ts). A tick folds at least one piece, so
 * this keeps a tick near its budget whatever the machine.
 */
const PIECE_BUDGET_MS = 5;
const MIN_FACTS_PER_PIECE = 50;

/**
 * Where a chat's fold stopped at the end of a piece: its facts before `at` (a quarter hour) are
 * folded and written, and the mark says `since = at`. Kept in memory only: the next piece goes on
 * from `state` while the mark is still `at` (a fact before it lowers the mark, and then, or after
 * a restart, the chat is refolded from its conversation open at `at`, the usual way).
 */
interface Resume {
  at: number;
  state: FoldState;
  assignee: Assignee;
}
const COLUMNS = `x.id, k.session_id AS session, k.chat_jid AS chat, x.opened_at AS openedAt,
  x.first_incoming_at AS firstIncomingAt, x.first_response_at AS firstResponseAt, x.resolved_at AS resolvedAt,
  x.assignee_user_id AS userId, x.assignee_team_id AS teamId`;

export class ConversationTable {
  /** The quarter-hour message counts, kept by the same fold. */
  readonly counts: MessageCounts;
  /** A period's conversations grouped for a report (what `inPeriod` reads, summed up in SQL). */
  readonly periods: PeriodConversations;
  /** The conversations (and tagged counts) per UTC day, rebuilt from the days the fold marks. */
  readonly days: ConversationDays;
  /** The chats' integer keys the rows below are written under (migration 0057). */
  private readonly chats: ReportChats;
  private readonly replaced: Statement<
    [number, number, number],
    Conversation & { userId: string | null; teamId: string | null }
  >;
  private readonly dirty: Statement<[number], DirtyRow>;
  private readonly forget: Statement<[string, string]>;
  private readonly startOf: Statement<[number, number], { openedAt: number }>;
  private readonly facts: Statement<[string, string, number, number], FactRow>;
  /** A piece's messages and changes between two instants, as facts. */
  private readonly chatFacts: ChatFacts;
  /** Who had a chat when a walk starts (the same rule as the reference scan's). */
  private readonly holders: ChatHolders;
  private readonly dropFrom: Statement<[number, number, number]>;
  private readonly insert: Statement<
    [number, number, number | null, number | null, number | null, string | null, string | null]
  >;
  private readonly periodRows: Statement<
    [number, number, number, number, number, number],
    ConversationRow & { id: number }
  >;
  private readonly settleSome: (limit: number, deadline: number) => number;
  private readonly markFrom: Statement<[number, string, string]>;
  /** The chats folded up to a quarter hour by an earlier piece (`Resume`), by session and chat. */
  private readonly resumes = new Map<string, Resume>();
  private readonly marked: Statement<[number], { n: number }>;
  /** Messages the next piece reads: adapts within MIN..factsPerPiece (PIECE_BUDGET_MS). */
  private pieceSize: number;
  private readonly markedAll: Statement<[], { n: number }>;

  constructor(
    private readonly db: Db,
    /** Most messages read per piece of a chat's fold (tests make it small). */
    private readonly factsPerPiece = FACTS_PER_PIECE,
  ) {
    const sqlite = db.$client;
    this.pieceSize = factsPerPiece;
    this.counts = new MessageCounts(db);
    this.periods = new PeriodConversations(db);
    this.days = new ConversationDays(db);
    this.chats = new ReportChats(db);
    this.replaced = sqlite.prepare(
      `SELECT opened_at AS openedAt, first_incoming_at AS firstIncomingAt, first_response_at AS firstResponseAt,
              resolved_at AS resolvedAt, assignee_user_id AS userId, assignee_team_id AS teamId
         FROM report_conversations INDEXED BY report_conversations_chat_idx
        WHERE chat = ? AND opened_at >= ? AND opened_at < ?`,
    );
    this.dirty = sqlite.prepare(
      'SELECT session_id AS session, chat_jid AS chat, since FROM report_dirty_chats LIMIT ?',
    );
    this.marked = sqlite.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM report_dirty_chats LIMIT ?)');
    this.markedAll = sqlite.prepare('SELECT count(*) AS n FROM report_dirty_chats');
    this.forget = sqlite.prepare('DELETE FROM report_dirty_chats WHERE session_id = ? AND chat_jid = ?');
    this.markFrom = sqlite.prepare(
      'UPDATE report_dirty_chats SET since = ? WHERE session_id = ? AND chat_jid = ?',
    );
    this.startOf = sqlite.prepare(
      `SELECT opened_at AS openedAt FROM report_conversations INDEXED BY report_conversations_chat_idx
        WHERE chat = ? AND opened_at < ? ORDER BY opened_at DESC LIMIT 1`,
    );
    // The counted messages from an instant on, a piece's worth (at equal times the customer's first).
    this.facts = sqlite.prepare(
      `SELECT timestamp AS at, from_me AS fromMe, sent_by AS sentBy FROM messages INDEXED BY messages_chat_time_idx
        WHERE session_id = ? AND chat_jid = ? AND timestamp >= ? AND ${COUNTED_MESSAGE}
        ORDER BY timestamp, from_me LIMIT ?`,
    );
    this.chatFacts = new ChatFacts(db);
    this.holders = new ChatHolders(db);
    this.dropFrom = sqlite.prepare(
      'DELETE FROM report_conversations WHERE chat = ? AND opened_at >= ? AND opened_at < ?',
    );
    this.insert = sqlite.prepare(
      `INSERT INTO report_conversations (chat, opened_at, first_incoming_at, first_response_at, resolved_at,
         assignee_user_id, assignee_team_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.periodRows = sqlite.prepare(
      `SELECT ${COLUMNS} FROM ${withChat('report_conversations x INDEXED BY report_conversations_opened_idx')}
        WHERE x.opened_at >= ? AND x.opened_at < ?
       UNION ALL
       SELECT ${COLUMNS} FROM ${withChat('report_conversations x INDEXED BY report_conversations_incoming_idx')}
        WHERE x.first_incoming_at >= ? AND x.first_incoming_at < ?
       UNION ALL
       SELECT ${COLUMNS} FROM ${withChat('report_conversations x INDEXED BY report_conversations_resolved_idx')}
        WHERE x.resolved_at >= ? AND x.resolved_at < ?`,
    );
    this.settleSome = sqlite.transaction((limit: number, deadline: number) => {
      let done = 0;
      for (const row of this.dirty.all(limit)) {
        // Past the deadline the rest stays marked for the next call (at least one piece is folded).
        if (done > 0 && performance.now() >= deadline) break;
        // A long chat piece by piece, each checking the deadline: the rest stays marked from
        // where the last piece stopped.
        for (let since = row.since; ; done++) {
          if (done > 0 && performance.now() >= deadline) return done;
          const started = performance.now();
          const next = this.refold({ ...row, since });
          this.learnPieceSize(performance.now() - started);
          if (next === null) break;
          since = next;
        }
        this.forget.run(row.session, row.chat);
        done++;
      }
      return done;
    });
  }

  /**
   * Folds every marked chat (all of them when `limit` is left out), stopping early once
   * `performance.now()` passes `deadline` (the background's bounded ticks; a long chat's pieces
   * each check it); returns how many chats and pieces it folded.
   */
  settle(limit = Number.MAX_SAFE_INTEGER, deadline = Infinity): number {
    return this.settleSome(limit, deadline);
  }

  /** After a piece (or a whole short chat) took `elapsedMs`: the size of the next piece. */
  private learnPieceSize(elapsedMs: number): void {
    const floor = Math.min(MIN_FACTS_PER_PIECE, this.factsPerPiece);
    this.pieceSize = fittedSize(this.pieceSize, elapsedMs, PIECE_BUDGET_MS, floor, this.factsPerPiece);
  }

  /** Whether more than `limit` chats wait to be folded (counts at most `limit + 1`). */
  backlogOver(limit: number): boolean {
    return (this.marked.get(limit + 1)?.n ?? 0) > limit;
  }

  /** How many chats wait to be folded (a count of the whole mark table: only asked while it is large). */
  backlog(): number {
    return this.markedAll.get()?.n ?? 0;
  }

  /**
   * Conversations opened, first written to or resolved in [from, to), each once (UNION ALL and a
   * set of ids: SQLite's UNION would sort every row by all its columns to find the twice-read).
   */
  inPeriod(from: number, to: number): ConversationRow[] {
    const seen = new Set<number>();
    const out: ConversationRow[] = [];
    for (const { id, ...row } of this.periodRows.all(from, to, from, to, from, to)) {
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(row);
    }
    return out;
  }

  /**
   * Folds a marked chat from its mark on, or one piece of it: null when it is done, else the
   * quarter hour up to which it is (the mark is moved there and the next piece goes on from it).
   */
  private refold({ session, chat, since }: DirtyRow): number | null {
    if (!isCustomerChat(chat)) return null;
    const id = `${session}\u0000${chat}`;
    // Where the last piece of this chat stopped, if nothing before it changed since (the mark
    // would be earlier then).
    const resume = this.resumes.get(id);
    this.resumes.delete(id);
    const goOn = resume !== undefined && resume.at === since ? resume : null;
    // From the quarter hour of the change: its counts are rebuilt whole, so the walk starts
    // before every message of that quarter.
    const fromQuarter = since < 0 ? BEGINNING : quarterOf(since);
    const key = this.chats.keyOf(session, chat);
    const start = goOn
      ? since
      : since < 0
        ? BEGINNING
        : (this.startOf.get(key, fromQuarter * QUARTER_MS)?.openedAt ?? BEGINNING);
    const piece = this.pieceSize;
    const rows = this.facts.all(session, chat, start, piece + 1);
    // More than a piece: this piece ends at the quarter hour of its last message (whole quarters,
    // so the counts of each are rebuilt whole), unless that leaves nothing.
    let cut = END;
    let facts = rows;
    if (rows.length > piece) {
      const last = quarterOf(rows[rows.length - 1]!.at) * QUARTER_MS;
      if (last > start && last > fromQuarter * QUARTER_MS) cut = last;
      else {
        // The piece's messages all lie in its first quarter hour (a burst) or before the
        // change's: the piece is read up to the end of the later of those quarters — whole
        // quarters still, and never the rest of a long chat at once.
        cut = Math.max(last, fromQuarter * QUARTER_MS) + QUARTER_MS;
        facts = this.chatFacts.messageRows(session, chat, start, cut);
      }
    }
    const messages = this.chatFacts.toMessages(facts, cut);
    const { statuses, assignees } = this.chatFacts.changesBetween(session, chat, start, cut);
    const before = goOn?.assignee ?? this.holders.at(session, chat, start);
    const folded = foldChat({
      session,
      chat,
      messages,
      statuses,
      assignees,
      initialAssignee: before,
      ...(goOn ? { resume: goOn.state } : {}),
    });
    // The rows this fold replaces: from the conversation it went on with (or its start), up to
    // the cut (the rows after it are replaced by the next piece).
    const from = goOn?.state.open?.openedAt ?? start;
    const old = this.replaced.all(key, from, cut);
    this.dropFrom.run(key, from, cut);
    for (const c of folded.conversations) this.write(key, c);
    this.markChangedDays(old, folded.conversations);
    // The days whose counts changed: their quarter counts (migration 0047) and, for a tagged
    // chat, their tagged sums are rebuilt (tagging marks the chat's days itself).
    const toQuarter = cut === END ? END : quarterOf(cut);
    this.days.markDays(this.counts.recount(session, key, fromQuarter, toQuarter, folded.messages));
    // A chat whose messages are all gone (erased, forgotten, retention) no longer needs a key.
    if (start === BEGINNING && cut === END && rows.length === 0) this.chats.dropIfUnused(key);
    if (cut === END) return null;
    this.markFrom.run(cut, session, chat);
    this.resumes.set(id, { at: cut, state: folded.end, assignee: folded.end.assignee });
    return cut;
  }

  /** The days of the conversations that are not the same before and after a refold (migration 0046). */
  private markChangedDays(
    old: readonly (Omit<Conversation, 'session' | 'chat' | 'assignee'> & Assignee)[],
    now: readonly Conversation[],
  ): void {
    const key = (c: Omit<Conversation, 'session' | 'chat' | 'assignee'> & Assignee) =>
      [c.openedAt, c.firstIncomingAt, c.firstResponseAt, c.resolvedAt, c.userId, c.teamId].join(',');
    const flat = now.map((c) => ({ ...c, userId: c.assignee.userId, teamId: c.assignee.teamId }));
    const before = new Set(old.map(key));
    const after = new Set(flat.map(key));
    this.days.mark(old.filter((c) => !after.has(key(c))));
    this.days.mark(flat.filter((c) => !before.has(key(c))));
  }

  private write(chat: number, c: Conversation): void {
    this.insert.run(
      chat,
      c.openedAt,
      c.firstIncomingAt,
      c.firstResponseAt,
      c.resolvedAt,
      c.assignee.userId,
      c.assignee.teamId,
    );
  }
}
