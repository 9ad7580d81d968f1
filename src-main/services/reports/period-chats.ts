/**
 * A period's chats as `computeReport` reads them, from the kept conversations (conversation-
 * table.ts) and the period's own messages: no walk before or after the period. Each message is
 * attributed to whoever had the chat when it was sent or received: the latest assignee change
 * of the chat at or before it (a change comes before a message at the same instant, as in the
 * fold), else who had it before the period's first change, else who has it now.
 */
import type { ConversationRow } from './conversation-table.js';
import { assigneeOf, isCustomerChat, parseJson } from './report-facts.js';
import { senderKinds, type SentBy } from './metrics/sender-kind.js';
import type { Assignee, AttributedMessage, Conversation, FoldedChat } from './metrics/timeline.js';
import type { ChatNow, ReportQueries } from './report-queries.js';

interface Building extends FoldedChat {
  conversations: Conversation[];
  messages: AttributedMessage[];
}
/** A chat's assignee changes in time order, and who had it before the first. */
interface ChangesOf {
  before: Assignee;
  changes: { at: number; assignee: Assignee }[];
}

const NOBODY: ChatNow = Object.freeze({ userId: null, teamId: null });

export function periodChats(
  queries: ReportQueries,
  conversations: readonly ConversationRow[],
  sessions: readonly string[],
  period: { start: number; end: number },
  keep: (session: string, chat: string) => boolean,
): FoldedChat[] {
  const wanted = new Set(sessions);
  const chats = new Map<string, Building>();
  const chatOf = (session: string, chat: string): Building | null => {
    const key = `${session}\u0000${chat}`;
    let found = chats.get(key);
    if (!found) {
      if (!wanted.has(session) || !isCustomerChat(chat) || !keep(session, chat)) return null;
      found = { session, chat, conversations: [], messages: [] };
      chats.set(key, found);
    }
    return found;
  };
  for (const row of conversations) {
    chatOf(row.session, row.chat)?.conversations.push({
      session: row.session,
      chat: row.chat,
      openedAt: row.openedAt,
      firstIncomingAt: row.firstIncomingAt,
      firstResponseAt: row.firstResponseAt,
      resolvedAt: row.resolvedAt,
      assignee: { userId: row.userId, teamId: row.teamId },
    });
  }
  // Assignee changes from the period's start on (few): only chats with some need a look per
  // message; the others were with whoever has them now all along.
  const changed = new Map<string, ChangesOf>();
  for (const row of queries.history(period.start, Number.MAX_SAFE_INTEGER)) {
    if (row.change !== 'assignee') continue;
    const key = `${row.session}\u0000${row.chat}`;
    let found = changed.get(key);
    if (!found) changed.set(key, (found = { before: assigneeOf(parseJson(row.fromValue)), changes: [] }));
    found.changes.push({ at: row.at, assignee: assigneeOf(parseJson(row.toValue)) });
  }
  const assigned = queries.assigned();
  const holder = (key: string, at: number): Assignee => {
    const of = changed.get(key);
    if (!of) return assigned.get(key) ?? NOBODY;
    let found = of.before;
    for (const change of of.changes) {
      if (change.at > at) break;
      found = change.assignee;
    }
    return found;
  };
  const classify = senderKinds();
  const add = (session: string, chatJid: string, at: number, sent: SentBy | null) => {
    const chat = chatOf(session, chatJid);
    if (!chat) return;
    const assignee = holder(`${session}\u0000${chatJid}`, at);
    chat.messages.push(
      sent
        ? { at, kind: sent.kind, userId: sent.userId, assignee }
        : { at, kind: 'customer', userId: null, assignee },
    );
  };
  for (const session of wanted) {
    for (const row of queries.incomingOf(session, period.start, period.end))
      add(session, row.chat, row.at, null);
    for (const row of queries.outgoingOf(session, period.start, period.end))
      add(session, row.chat, row.at, classify(row.sentBy));
  }
  return [...chats.values()];
}
