/**
 * Where the reference scan must start a chat's walk so that the chat is closed there, as the kept
 * fold (which walks the whole history) knows it. The scan reads a window from 30 days before the
 * period, and a walk starts closed; a chat that talked across the window's start without a quiet
 * stretch had a conversation open there, opened earlier, and the scan opened another one in the
 * window: a reply in the lookback and the customer's next message in the period made a
 * conversation "opened" in the period that the kept tables had opened weeks before.
 *
 * Walking the chat's facts back from its first one in the window, the chat was surely closed
 * - right after a `resolved` status, or
 * - at a fact that followed a stretch of `QUIET_MS` without a message or a status change (the
 *   walk ends an open conversation there), or
 * - before its first fact ever.
 * Only chats whose first fact lies within `QUIET_MS` of the window's start can need an earlier
 * start; for the others the stretch before it is quiet by construction. Most of those stop at the
 * fact right before the window, read for all of them in one statement; the few that talked on
 * are walked back one by one.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/connection.js';
import { COUNTED_MESSAGE, type FactRow } from './chat-facts.js';
import { QUIET_MS } from './metrics/timeline.js';

/**
 * A walk back reads the chat's facts a stretch of time at a time, from `QUIET_MS` growing by this
 * factor: whole stretches, so no two messages of one instant fall on either side of a step, and a
 * stretch with no fact at all is a quiet one that closed the chat.
 */
const STRETCH_GROWTH = 4;

/** The status changes that are facts of the walk (as stored: JSON strings). */
const STATUS_FACT = `to_value IN ('"open"', '"pending"', '"resolved"')`;
const RESOLVED = '"resolved"';

/** A chat of the window and its first message or status change in it. */
export interface WindowChat {
  session: string;
  chat: string;
  firstAt: number;
}

/** Where a chat's walk starts, and its counted messages from there to the window, oldest first. */
export interface WalkStart {
  from: number;
  messages: readonly FactRow[];
}

interface LastFactRow {
  i: number;
  /** The newest counted message before the window. */
  message: number | null;
  /** The newest status change before the window, as `[at, to_value]` JSON. */
  status: string | null;
}

export class WalkStarts {
  private readonly lastFacts: Statement<[{ chats: string; before: number }], LastFactRow>;
  private readonly messagesBetween: Statement<[string, string, number, number], FactRow>;
  private readonly statusesBetween: Statement<
    [string, string, number, number],
    { at: number; toValue: string }
  >;

  constructor(db: Db) {
    const sqlite = db.$client;
    const chatIs = (alias: string) =>
      `${alias}.session_id = json_extract(j.value, '$[0]') AND ${alias}.chat_jid = json_extract(j.value, '$[1]')`;
    // One statement for the chats asked (a call per chat was most of the cost); `LIMIT -1` keeps
    // the inner SELECT from being flattened into the outer one.
    this.lastFacts = sqlite.prepare(
      `SELECT i, message, status FROM (
         SELECT j.key AS i,
           (SELECT m.timestamp FROM messages m INDEXED BY messages_chat_time_idx
             WHERE ${chatIs('m')} AND m.timestamp < @before AND ${COUNTED_MESSAGE}
             ORDER BY m.timestamp DESC LIMIT 1) AS message,
           (SELECT json_array(h.at, h.to_value) FROM chat_assignment_history h INDEXED BY chat_assignment_history_chat_idx
             WHERE ${chatIs('h')} AND h.change = 'status' AND h.at < @before AND ${STATUS_FACT}
             ORDER BY h.at DESC, h.id DESC LIMIT 1) AS status
         FROM json_each(@chats) j LIMIT -1)
        WHERE message IS NOT NULL OR status IS NOT NULL`,
    );
    // Newest first; at equal times ours (the walk takes the customer's first).
    this.messagesBetween = sqlite.prepare(
      `SELECT timestamp AS at, from_me AS fromMe, sent_by AS sentBy FROM messages INDEXED BY messages_chat_time_idx
        WHERE session_id = ? AND chat_jid = ? AND timestamp >= ? AND timestamp < ? AND ${COUNTED_MESSAGE}
        ORDER BY timestamp DESC, from_me DESC`,
    );
    // Newest first; at equal times the later line (the walk applies them in id order).
    this.statusesBetween = sqlite.prepare(
      `SELECT at, to_value AS toValue FROM chat_assignment_history INDEXED BY chat_assignment_history_chat_idx
        WHERE session_id = ? AND chat_jid = ? AND change = 'status' AND at >= ? AND at < ? AND ${STATUS_FACT}
        ORDER BY at DESC, id DESC`,
    );
  }

  /**
   * For each chat, the instant from which to walk it with the chat closed: `windowStart` when the
   * window's own start is one, else an earlier one with the messages in between. In the order of
   * `chats`.
   */
  startsOf(chats: readonly WindowChat[], windowStart: number): WalkStart[] {
    const atWindow: WalkStart = { from: windowStart, messages: [] };
    const out = chats.map(() => atWindow);
    const near = chats.flatMap((chat, i) => (chat.firstAt - windowStart < QUIET_MS ? [{ chat, i }] : []));
    if (near.length === 0) return out;
    const list = JSON.stringify(near.map(({ chat }) => [chat.session, chat.chat]));
    for (const row of this.lastFacts.iterate({ chats: list, before: windowStart })) {
      const { chat, i } = near[row.i]!;
      const [statusAt, statusValue] = row.status
        ? (JSON.parse(row.status) as [number, string])
        : [null, null];
      // Walking back, the first fact met (at equal times a status, which the walk applies last).
      const lastAt = Math.max(row.message ?? -Infinity, statusAt ?? -Infinity);
      if (chat.firstAt - lastAt >= QUIET_MS) continue;
      // Resolved right before the window: closed after it, with no message since.
      out[i] =
        statusAt === lastAt && statusValue === RESOLVED
          ? { from: statusAt + 1, messages: [] }
          : this.walkBack(chat.session, chat.chat, windowStart, chat.firstAt);
    }
    return out;
  }

  /**
   * Walks the chat's facts before `windowStart` back from `firstAt` to an instant it was closed,
   * keeping the messages it passes (they are the walk's facts from there on).
   */
  private walkBack(session: string, chat: string, windowStart: number, firstAt: number): WalkStart {
    const passed: FactRow[] = [];
    const closedAt = (from: number): WalkStart => ({ from, messages: passed.reverse() });
    // The fact after the ones read so far (a gap before it of QUIET_MS or more closes the chat).
    let newer = firstAt;
    let before = windowStart;
    for (let stretch = QUIET_MS; ; stretch *= STRETCH_GROWTH) {
      const from = before - stretch;
      const rows = this.messagesBetween.all(session, chat, from, before);
      const statuses = this.statusesBetween.all(session, chat, from, before);
      let m = 0;
      let s = 0;
      for (;;) {
        const status = statuses[s];
        const message = rows[m];
        // At equal times a status comes after the messages in the walk: first, walking back.
        if (status && (message === undefined || status.at >= message.at)) {
          if (newer - status.at >= QUIET_MS) return closedAt(newer);
          // Closed right after it: the walk needs what comes after it.
          if (status.toValue === RESOLVED) return closedAt(status.at + 1);
          s++;
          newer = status.at;
        } else if (message !== undefined) {
          if (newer - message.at >= QUIET_MS) return closedAt(newer);
          passed.push(message);
          m++;
          newer = message.at;
        } else break;
      }
      // A whole stretch without a fact: quiet before `newer`.
      if (rows.length + statuses.length === 0) return closedAt(newer);
      before = from;
    }
  }
}
