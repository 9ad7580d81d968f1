import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Event types whose data is the chat itself (its JID is `jid`). */
const JID_IS_CHAT = new Set(['chat.updated', 'group.updated', 'contact.updated']);

/**
 * The chat an event is about, or null for session-wide events. Messages, acks, reactions and
 * presence carry `chat`; chats, groups and contacts are identified by `jid`; calls by the caller.
 * Unknown shapes fall back to `chat`, then `message.chat`.
 */
export function chatOf(event: Pick<AnyEventEnvelope, 'type' | 'data'>): string | null {
  const data: unknown = event.data;
  if (!isRecord(data)) return null;
  if (typeof data.chat === 'string') return data.chat;
  if (JID_IS_CHAT.has(event.type) && typeof data.jid === 'string') return data.jid;
  if (event.type.startsWith('call.') && typeof data.from === 'string') return data.from;
  if (isRecord(data.message) && typeof data.message.chat === 'string') return data.message.chat;
  return null;
}

/**
 * Deliveries with the same key go out one at a time, in order: one webhook, one session, one
 * chat (or the session's chat-less events). Different webhooks never wait for each other.
 */
export function orderKey(
  webhookId: string,
  event: Pick<AnyEventEnvelope, 'type' | 'data' | 'session'>,
): string {
  return `${webhookId}|${event.session ?? ''}|${chatOf(event) ?? ''}`;
}
