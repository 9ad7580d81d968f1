/**
 * A period's conversations as `computeReport` reads them: grouped by what they count for (the
 * number, who had them, the chat's tags now), each group's conversations as a flat list of times.
 * The kept path builds the groups in SQL (period-conversations.ts), so a report over a month or a
 * year creates a few dozen objects instead of one per conversation; the reference scan and the
 * unit tests group folded conversations here (`groupConversations`), the same shape.
 */
import type { Assignee, Conversation } from './timeline.js';

/** Fields per conversation in `ConversationGroup.times`. */
export const TIMES_PER_CONVERSATION = 4;

export interface ConversationGroup {
  session: string;
  assignee: Assignee;
  /** The chat's tag ids now. */
  tags: readonly string[];
  /**
   * `TIMES_PER_CONVERSATION` values per conversation: opened, first customer message, first
   * response, resolved (Unix ms; null: none yet), as in `Conversation`.
   */
  times: readonly (number | null)[];
}

/** Groups folded conversations by number, assignee and the chat's tags (`tagsOf`). */
export function groupConversations(
  conversations: readonly Conversation[],
  tagsOf: (session: string, chat: string) => readonly string[],
): ConversationGroup[] {
  const groups = new Map<string, ConversationGroup & { times: (number | null)[] }>();
  for (const c of conversations) {
    const tags = tagsOf(c.session, c.chat);
    const key = [c.session, c.assignee.userId ?? '', c.assignee.teamId ?? '', ...tags].join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = { session: c.session, assignee: c.assignee, tags, times: [] };
      groups.set(key, group);
    }
    group.times.push(c.openedAt, c.firstIncomingAt, c.firstResponseAt, c.resolvedAt);
  }
  return [...groups.values()];
}

/** Reads `TIMES_PER_CONVERSATION` comma-separated values per conversation ('' is null). */
export function parseTimes(text: string): (number | null)[] {
  return text.split(',').map((value) => (value === '' ? null : Number(value)));
}

/**
 * One UTC day's conversation events of one number, assignee and tag set, as kept (migration
 * 0046, conversation-days.ts): `opened` [quarter of the day] per conversation opened,
 * `incoming` [quarter, first response ms (NaN: unanswered), the same in business hours] per first
 * customer message, `resolved` [quarter, resolution ms, the same in business hours] per resolution.
 */
export interface ConversationDay {
  /** floor(Unix ms / 86,400,000) */
  day: number;
  session: string;
  assignee: Assignee;
  tags: readonly string[];
  opened: Float64Array;
  incoming: Float64Array;
  resolved: Float64Array;
}

/** Values per event in `ConversationDay.incoming` and `.resolved`. */
export const DAY_EVENT_FIELDS = 3;
