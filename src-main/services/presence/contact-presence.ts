/**
 * Customers' presence for the chat header (issue #19): "online", "last seen …" (where the contact
 * shares it), "typing…" and "recording audio…". WhatsApp only sends a contact's online/offline to
 * who subscribed to it, so opening a chat subscribes (`watch`); typing in a chat arrives without
 * a subscription. WhatsApp may report presence by LID: the socket layer turns it back into the
 * phone-number chat (wa/presence-reports.ts). A subscription lasts as long as the connection, so
 * the chats watched are subscribed again after each reconnect (`renew`). In memory only: it is
 * about now, and after a restart the next open asks again.
 */
import { SYSTEM_ACTOR } from '../../../src-shared/contract/people.js';
import type { ContactPresence, ContactPresenceState } from '../../../src-shared/contract/contact-presence.js';
import { AppError } from '../../../src-shared/errors.js';
import type { EventRecorder } from '../events/event-recorder.js';

/** Chats remembered at most; the oldest known presence goes first (a chat opened again asks again). */
const MAX_CHATS = 5_000;
const ONE_TO_ONE = /@(s\.whatsapp\.net|lid)$/;
/**
 * Subscriptions renewed per number after a reconnect: the chats opened most recently. WhatsApp
 * forgets a connection's subscriptions when it closes; renewing thousands at once would only
 * get the number rate-limited.
 */
const MAX_RENEWED = 200;

/** What the WhatsApp socket reports (Baileys' `presence.update`, per participant). */
export interface PresenceReport {
  chat: string;
  jid: string;
  /** available | unavailable | composing | recording | paused */
  presence: string;
  /** Unix seconds, when offline and the contact shares it. */
  lastSeen: number | null;
}

const STATE_OF: Record<string, ContactPresenceState> = {
  available: 'online',
  paused: 'online',
  unavailable: 'offline',
  composing: 'typing',
  recording: 'recording',
};

export class ContactPresenceService {
  /** `session|chat` → what is known. */
  private readonly known = new Map<string, ContactPresence>();
  /** session → chats watched, oldest first (renewed after a reconnect). */
  private readonly watched = new Map<string, Set<string>>();

  constructor(
    private readonly whatsApp: { subscribePresence(session: string, jid: string): Promise<void> },
    private readonly events: EventRecorder,
  ) {}

  /** Subscribes to the contact of a one-to-one chat and answers what is known now. */
  async watch(session: string, chat: string): Promise<ContactPresence> {
    if (!ONE_TO_ONE.test(chat)) {
      throw new AppError('VALIDATION_FAILED', 'chat: presence is shown for one-to-one chats only', 'chat');
    }
    this.remember(session, chat);
    await this.whatsApp.subscribePresence(session, chat);
    return this.known.get(`${session}|${chat}`) ?? { chat, state: 'unknown', lastSeen: null };
  }

  /**
   * The number connected again: its watched chats are subscribed again (each answers with the
   * contact's presence now). Failures are left: the next open of the chat asks again.
   */
  renew(session: string): void {
    for (const chat of this.watched.get(session) ?? [])
      this.whatsApp.subscribePresence(session, chat).catch(() => undefined);
  }

  /**
   * The number was deleted: what is known of its contacts and the chats it watched go too.
   * Otherwise a new number created under the same id would, on its first connect, subscribe to
   * the old number's customers and show their last presence.
   */
  forget(session: string): void {
    this.watched.delete(session);
    const prefix = `${session}|`;
    for (const key of [...this.known.keys()]) if (key.startsWith(prefix)) this.known.delete(key);
  }

  private remember(session: string, chat: string): void {
    let chats = this.watched.get(session);
    if (!chats) {
      chats = new Set();
      this.watched.set(session, chats);
    }
    chats.delete(chat);
    chats.add(chat);
    if (chats.size > MAX_RENEWED) chats.delete(chats.values().next().value as string);
  }

  /** A report from WhatsApp: remembered, and announced as `contact.presence` when it changed. */
  apply(session: string, report: PresenceReport): void {
    // In a group the participant types in the group: the header shows that from `presence.updated`.
    if (!ONE_TO_ONE.test(report.chat) || report.jid !== report.chat) return;
    const state = STATE_OF[report.presence];
    if (!state) return;
    const key = `${session}|${report.chat}`;
    const before = this.known.get(key);
    const lastSeen =
      state === 'offline' && report.lastSeen ? new Date(report.lastSeen * 1000).toISOString() : null;
    const now: ContactPresence = { chat: report.chat, state, lastSeen };
    if (before && before.state === now.state && before.lastSeen === now.lastSeen) return;
    this.known.delete(key);
    this.known.set(key, now);
    if (this.known.size > MAX_CHATS) this.known.delete(this.known.keys().next().value as string);
    this.events.record('contact.presence', session, now, SYSTEM_ACTOR);
  }
}
