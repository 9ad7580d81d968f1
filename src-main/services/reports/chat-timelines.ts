/**
 * From the rows of a window to one timeline per chat: the messages (classified by who sent them),
 * the status and assignee changes, and who had the chat when the window starts.
 */
import type { AssigneeFact, ChatTimeline, MessageFact, StatusFact } from './metrics/timeline.js';
import { senderKinds } from './metrics/sender-kind.js';
import { assigneeOf, isCustomerChat, parseJson } from './report-facts.js';
import type { ChatNow, HistoryRow, ReportQueries } from './report-queries.js';

interface Building {
  session: string;
  chat: string;
  messages: MessageFact[];
  statuses: StatusFact[];
  assignees: AssigneeFact[];
  /** The assignee before the window's first change (its `from`), when there is one. */
  before: ChatNow | null;
}

const NOBODY: ChatNow = Object.freeze({ userId: null, teamId: null });

export function chatTimelines(
  queries: ReportQueries,
  sessions: readonly string[],
  window: { from: number; to: number },
  keep: (session: string, chat: string) => boolean,
): ChatTimeline[] {
  const chats = new Map<string, Building>();
  const assigned = queries.assigned();
  const chatOf = (session: string, chat: string): Building | null => {
    const key = `${session}\u0000${chat}`;
    let found = chats.get(key);
    if (!found) {
      if (!isCustomerChat(chat) || !keep(session, chat)) return null;
      found = { session, chat, messages: [], statuses: [], assignees: [], before: null };
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
  return [...chats.entries()].map(([key, chat]) => ({
    session: chat.session,
    chat: chat.chat,
    messages: chat.messages.sort((a, b) => a.at - b.at),
    statuses: chat.statuses,
    assignees: chat.assignees,
    initialAssignee: chat.before ?? assigned.get(key) ?? NOBODY,
  }));
}

function addChange(chat: Building, row: HistoryRow): void {
  if (row.change === 'status') {
    const status = parseJson(row.toValue);
    if (status === 'open' || status === 'pending' || status === 'resolved')
      chat.statuses.push({ at: row.at, status });
    return;
  }
  const to = assigneeOf(parseJson(row.toValue));
  if (chat.assignees.length === 0) chat.before = assigneeOf(parseJson(row.fromValue));
  chat.assignees.push({ at: row.at, ...to });
}
