import type { Assignee, AssignmentHistoryEntry } from '../../../src-shared/contract/assignment';
import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../i18n/messages/en';
import { actorText } from '../staff/actor-text';
import { actorLabel } from '../staff/sent-by';

/**
 * The small system line a history entry becomes in the conversation ("Dana assigned this to
 * Support · 10:42", "Resolved by Omer · 11:03"): a catalogue id and its values. Names are the
 * people's and teams' own (user content, never translated), routines are named in the reader's
 * language; `time` is filled in by the caller.
 */
export function historyLine(
  entry: AssignmentHistoryEntry,
  intl: IntlShape,
): {
  id: MessageId;
  values: Record<string, string>;
} {
  // Who did it, in the reader's language when the server named a routine ("Routing: VIP").
  const actor = actorText(actorLabel(entry.actor), intl);
  if (entry.change === 'status') {
    const to = String(entry.to);
    if (to === 'resolved') return { id: 'assignment.line.resolved', values: { actor } };
    if (to === 'pending') return { id: 'assignment.line.snoozed', values: { actor } };
    if (entry.reason === 'customer') return { id: 'assignment.line.reopenedByCustomer', values: {} };
    if (entry.reason === 'snooze_ended') return { id: 'assignment.line.snoozeEnded', values: {} };
    return { id: 'assignment.line.reopened', values: { actor } };
  }
  const to = asAssignee(entry.to);
  const target = to.user?.name ?? to.team?.name ?? null;
  if (entry.reason === 'handoff' && to.team)
    return { id: 'assignment.line.handoff', values: { actor, team: to.team.name } };
  if (target === null) return { id: 'assignment.line.unassigned', values: { actor } };
  if (entry.actor.type === 'user' && to.user && entry.actor.id === to.user.id)
    return { id: 'assignment.line.took', values: { actor } };
  return { id: 'assignment.line.assigned', values: { actor, target } };
}

function asAssignee(value: unknown): Assignee {
  const candidate = value as Partial<Assignee> | null;
  return { user: candidate?.user ?? null, team: candidate?.team ?? null };
}

interface Timed {
  timestamp: string;
}

/**
 * Messages (oldest first) with the history entries that fall inside the loaded stretch, in time
 * order. While older (newer) pages exist, entries before the first (after the last) loaded message
 * wait until that page is loaded, so a line never shows beside the wrong messages.
 */
export function mergeHistory<T extends Timed>(
  items: readonly T[],
  history: readonly AssignmentHistoryEntry[],
  toItem: (entry: AssignmentHistoryEntry) => T,
  { hasOlder, hasNewer }: { hasOlder: boolean; hasNewer: boolean },
): T[] {
  if (history.length === 0) return [...items];
  const first = items[0] ? Date.parse(items[0].timestamp) : -Infinity;
  const last = items.length ? Date.parse(items[items.length - 1]!.timestamp) : Infinity;
  const lines = history
    .filter((entry) => {
      const at = Date.parse(entry.at);
      return (!hasOlder || at >= first) && (!hasNewer || at <= last);
    })
    .map(toItem)
    .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  const merged: T[] = [];
  let next = 0;
  for (const item of items) {
    const at = Date.parse(item.timestamp);
    while (next < lines.length && Date.parse(lines[next]!.timestamp) < at) merged.push(lines[next++]!);
    merged.push(item);
  }
  while (next < lines.length) merged.push(lines[next++]!);
  return merged;
}
