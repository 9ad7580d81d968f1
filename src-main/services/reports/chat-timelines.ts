/**
 * From the rows of a window to one timeline per chat: the messages (classified by who sent them),
 * the status and assignee changes, and who had the chat when its walk starts. A chat that may
 * have had a conversation open at the window's start gets its facts from an earlier instant it
 * was closed (walk-starts.ts), as the kept fold walks it.
 */
import type { ChatFacts } from './chat-facts.js';
import { addChange } from './chat-facts.js';
import type { ChatHolders } from './chat-holders.js';
import {
  QUIET_MS,
  type AssigneeFact,
  type ChatTimeline,
  type MessageFact,
  type StatusFact,
} from './metrics/timeline.js';
import { senderKinds } from './metrics/sender-kind.js';
import { isCustomerChat } from './report-facts.js';
import type { ReportQueries } from './report-queries.js';
import type { WalkStart, WalkStarts } from './walk-starts.js';

interface Building {
  session: string;
  chat: string;
  messages: MessageFact[];
  statuses: StatusFact[];
  assignees: AssigneeFact[];
}

/** What a scan reads besides its window's rows. */
export interface ScanReaders {
  queries: ReportQueries;
  holders: ChatHolders;
  starts: WalkStarts;
  facts: ChatFacts;
}

export function chatTimelines(
  { queries, holders, starts, facts }: ScanReaders,
  sessions: readonly string[],
  /** `periodStart`: where the period the walks are for begins, within the window. */
  window: { from: number; to: number; periodStart: number },
  keep: (session: string, chat: string) => boolean,
): ChatTimeline[] {
  const chats = new Map<string, Building>();
  const chatOf = (session: string, chat: string): Building | null => {
    const key = `${session}\u0000${chat}`;
    let found = chats.get(key);
    if (!found) {
      if (!isCustomerChat(chat) || !keep(session, chat)) return null;
      found = { session, chat, messages: [], statuses: [], assignees: [] };
      chats.set(key, found);
    }
    return found;
  };
  const classify = senderKinds();
  for (const session of sessions) {
    for (const row of queries.incomingOf(session, window.from, window.to)) {
      chatOf(session, row.chat)?.messages.push({ at: row.at, kind: 'customer', userId: null });
    }
    for (const row of queries.outgoingOf(session, window.from, window.to)) {
      const chat = chatOf(session, row.chat);
      if (!chat) continue;
      const { kind, userId } = classify(row.sentBy);
      chat.messages.push({ at: row.at, kind, userId });
    }
  }
  const wanted = new Set(sessions);
  for (const row of queries.history(window.from, window.to)) {
    if (!wanted.has(row.session)) continue;
    const chat = chatOf(row.session, row.chat);
    if (chat) addChange(row, chat.statuses, chat.assignees);
  }
  // Who had each chat when the window starts, as the kept fold reads it (a change after the
  // window, or none, is no reason to credit the chat's holder now).
  const built = [...chats.values()];
  const initial = holders.atEach(built, window.from);
  for (const chat of built) chat.messages.sort((a, b) => a.at - b.at);
  // Where each chat was closed: the window's start, or earlier for a chat whose conversation
  // open then may still be open when the period starts.
  const carried = built.flatMap((chat, i) => {
    const firstAt = firstFactCarriedIntoPeriod(chat, window.periodStart);
    return firstAt === null ? [] : [{ session: chat.session, chat: chat.chat, firstAt, i }];
  });
  starts.startsOf(carried, window.from).forEach((start, k) => {
    if (start.from >= window.from) return;
    const { i } = carried[k]!;
    const chat = built[i]!;
    prependFacts(chat, start, window.from, facts);
    initial[i] = holders.at(chat.session, chat.chat, start.from);
  });
  return built.map((chat, i) => ({
    session: chat.session,
    chat: chat.chat,
    messages: chat.messages,
    statuses: chat.statuses,
    assignees: chat.assignees,
    initialAssignee: initial[i]!,
  }));
}

/**
 * The chat's first message or status change in the window when a conversation open at the
 * window's start could still be open when the period starts, else null: its facts up to its first
 * one in the period pass no resolution and no quiet stretch (either closes the chat whatever was
 * open before, and what lies before the period counts for nothing in it).
 */
function firstFactCarriedIntoPeriod(chat: Building, periodStart: number): number | null {
  const { messages, statuses } = chat;
  let last: number | null = null;
  for (let m = 0, s = 0; ;) {
    const message = messages[m];
    const status = statuses[s];
    // In time order; at equal times the message first, as the walk takes them.
    const isMessage = message !== undefined && (status === undefined || message.at <= status.at);
    const at = isMessage ? message.at : status?.at;
    if (at === undefined) return null; // nothing in the period
    if (last !== null && at - last >= QUIET_MS) return null;
    if (at >= periodStart) break;
    if (isMessage) m++;
    else if (status!.status === 'resolved') return null;
    else s++;
    last = at;
  }
  return Math.min(messages[0]?.at ?? Infinity, statuses[0]?.at ?? Infinity);
}

/** Puts the chat's facts from its walk's start to its window's before those of the window. */
function prependFacts(chat: Building, start: WalkStart, windowStart: number, facts: ChatFacts): void {
  const { statuses, assignees } = facts.changesBetween(chat.session, chat.chat, start.from, windowStart);
  chat.messages = facts.toMessages(start.messages).concat(chat.messages);
  chat.statuses = statuses.concat(chat.statuses);
  chat.assignees = assignees.concat(chat.assignees);
}
