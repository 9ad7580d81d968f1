/**
 * A period's messages as `computeReport` sums them: counts, not messages. Two sources give the
 * same shape: the kept quarter-hour counts (message-counts.ts, summed in SQL) and, for the
 * reference scan and the unit tests, folded chats (`totalsOfChats`, one count per message).
 * Both hold only what the report's filter lets through and only the period's messages.
 */
import type { SenderKind } from '../../../../src-shared/contract/reports.js';
import type { Assignee, FoldedChat } from './timeline.js';

/** Messages in one quarter hour (any instant of it as `at`): the trend and the heat map. */
export interface QuarterCount {
  at: number;
  incoming: boolean;
  n: number;
}
/** Messages of one number by kind, writer (`person` replies) and who had the chat then. */
export interface GroupCount {
  session: string;
  kind: SenderKind | 'customer';
  userId: string | null;
  assignee: Assignee;
  n: number;
}
/** The same for the chats carrying a tag now (customer messages and people's replies only). */
export interface TagCount extends Omit<GroupCount, 'session'> {
  tag: string;
}
/**
 * The trend and heat map already put in local hours and days (the kept path,
 * metrics/day-quarter-totals.ts): customers' messages per local hour `hourBase + i`, ours per
 * local day `dayBase + i` (local hours and days counted from 1970-01-01 on the zone's calendar).
 * `computeReport` reads these instead of asking the clock for each `QuarterCount`.
 */
export interface LocalTotals {
  hourBase: number;
  received: Float64Array;
  dayBase: number;
  sent: Float64Array;
}
export interface MessageTotals {
  byQuarter: QuarterCount[];
  /** Beside `byQuarter` (counted once, by either). */
  local?: LocalTotals;
  byGroup: GroupCount[];
  byTag: TagCount[];
}

/** Only what was assigned to this person / team at the time. */
export interface ReportFilter {
  userId?: string;
  teamId?: string;
}

export const passesFilter = (filter: ReportFilter, assignee: Assignee) =>
  (!filter.userId || assignee.userId === filter.userId) &&
  (!filter.teamId || assignee.teamId === filter.teamId);

/** The totals of folded chats' messages in [start, end): each message a count of one. */
export function totalsOfChats(
  chats: readonly FoldedChat[],
  period: { start: number; end: number },
  filter: ReportFilter,
  tagsOf: (session: string, chat: string) => readonly string[],
): MessageTotals {
  const totals: MessageTotals = { byQuarter: [], byGroup: [], byTag: [] };
  for (const chat of chats) {
    const tags = tagsOf(chat.session, chat.chat);
    for (const m of chat.messages) {
      if (m.at < period.start || m.at >= period.end || !passesFilter(filter, m.assignee)) continue;
      totals.byQuarter.push({ at: m.at, incoming: m.kind === 'customer', n: 1 });
      const count = { kind: m.kind, userId: m.userId, assignee: m.assignee, n: 1 };
      totals.byGroup.push({ session: chat.session, ...count });
      if (m.kind !== 'customer' && m.kind !== 'person') continue;
      for (const tag of tags) totals.byTag.push({ tag, ...count });
    }
  }
  return totals;
}
