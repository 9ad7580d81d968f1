/**
 * From the rows of a window to one timeline per chat: the messages (classified by who sent them),
 * the status and assignee changes, and who had the chat when the window starts.
 */
import type { ChatHolders } from './chat-holders.js';
import type { AssigneeFact, ChatTimeline, MessageFact, StatusFact } from './metrics/timeline.js';
import { senderKinds } from './metrics/sender-kind.js';
import { assigneeOf, isCustomerChat, parseJson } from './report-facts.js';
import type { HistoryRow, ReportQueries } from './report-queries.js';

interface Building {
  session: string;
  chat: string;
  messages: MessageFact[];
  statuses: StatusFact[];
  assignees: AssigneeFact[];
}

export function chatTimelines(
  queries: ReportQueries,
  holders: ChatHolders,
  sessions: readonly string[],
  window: { from: number; to: number },
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
    if (chat) addChange(chat, row);
  }
  // Who had each chat when the window starts, as the kept fold reads it (a change after the
  // window, or none, is no reason to credit the chat's holder now).
  const built = [...chats.values()];
  const initial = holders.atEach(built, window.from);
  return built.map((chat, i) => ({
    session: chat.session,
    chat: chat.chat,
    messages: chat.messages.sort((a, b) => a.at - b.at),
    statuses: chat.statuses,
    assignees: chat.assignees,
    initialAssignee: initial[i]!,
  }));
}

function addChange(chat: Building, row: HistoryRow): void {
  if (row.change === 'status') {
    const status = parseJson(row.toValue);
    if (status === 'open' || status === 'pending' || status === 'resolved')
      chat.statuses.push({ at: row.at, status });
    return;
  }
  chat.assignees.push({ at: row.at, ...assigneeOf(parseJson(row.toValue)) });
}
