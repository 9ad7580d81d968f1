import type { SenderKind } from '../../../../src-shared/contract/reports.js';

/** A stored `messages.sent_by` (an Actor as JSON, migration 0013), classified for reports. */
export interface SentBy {
  kind: SenderKind;
  /** The person, for `person` messages sent by a signed-in person. */
  userId: string | null;
}

const PHONE: SentBy = Object.freeze({ kind: 'phone', userId: null });

/**
 * Who sent one of our messages. The actor names are the ones the senders record: "Campaign: …"
 * (schedule/campaign-runner.ts), "Automation: …" (automation/), "Scheduled message"
 * (schedule/scheduler.ts); keys are "API: …"; no actor means the phone itself.
 */
export function senderKind(sentBy: string | null): SentBy {
  if (!sentBy) return PHONE;
  let actor: { type?: unknown; id?: unknown; name?: unknown };
  try {
    actor = JSON.parse(sentBy) as typeof actor;
  } catch {
    return { kind: 'other', userId: null };
  }
  const name = typeof actor.name === 'string' ? actor.name : '';
  if (actor.type === 'user')
    return { kind: 'person', userId: typeof actor.id === 'string' ? actor.id : null };
  if (actor.type === 'desktop') return { kind: 'person', userId: null };
  if (actor.type === 'key') return { kind: 'api', userId: null };
  if (name.startsWith('Campaign: ')) return { kind: 'campaign', userId: null };
  if (name.startsWith('Automation: ')) return { kind: 'automation', userId: null };
  if (name === 'Scheduled message') return { kind: 'scheduled', userId: null };
  if (name === 'Phone') return PHONE;
  return { kind: 'other', userId: null };
}

/** `senderKind` remembering each stored value (a report sees the same few actors many times). */
export function senderKinds(): (sentBy: string | null) => SentBy {
  const cache = new Map<string | null, SentBy>();
  return (sentBy) => {
    let found = cache.get(sentBy);
    if (!found) cache.set(sentBy, (found = senderKind(sentBy)));
    return found;
  };
}

/** Whether a message counts as a response to the customer: a person's or automation's. */
export function isResponse(kind: SenderKind): boolean {
  return kind === 'person' || kind === 'phone' || kind === 'automation';
}
