/**
 * Sends a chat change made in Chatdock to WhatsApp (app-state, `wa/chat-sync.ts`) so the phone
 * and the number's other linked devices agree (issue #19).
 *
 * Baileys hands its own patch straight back as if the phone had made it (emitOwnEvents), before
 * the upload's promise resolves: a star comes back as `messages.update`, a deleted chat as
 * `chats.delete`. While a change of ours is on its way, `isOwnEcho` says so, and the event sink
 * leaves it to the service that made it (which records the event with the real actor).
 */
import type { Db } from '../../db/connection.js';
import type { ChatChange, WaChatSync } from '../../wa/chat-sync.js';
import { RAW_WITH_COLUMNS, rawOf, type StoredRaw } from '../messages/raw-pack.js';

export class PhoneSync {
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly chatSync: WaChatSync | null,
  ) {}

  /**
   * Sends the change first (a refusal changes nothing here). While the number is offline the
   * change is made here only: WhatsApp has no queue for it, and the phone keeps its own state.
   * `echo` names what Baileys will hand back (see `isOwnEcho`).
   */
  async send(sessionId: string, jid: string, change: ChatChange, echo?: string): Promise<void> {
    if (!this.chatSync?.isConnected(sessionId)) return;
    // WhatsApp's patches for archive, read, delete and clear name the chat's newest message.
    const newest = this.db.$client
      .prepare<[string, string], StoredRaw>(
        `SELECT ${RAW_WITH_COLUMNS} FROM messages WHERE session_id = ? AND chat_jid = ? AND raw IS NOT NULL
         ORDER BY timestamp DESC LIMIT 1`,
      )
      .get(sessionId, jid);
    const key = echo && echoKey(sessionId, echo);
    if (key) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    try {
      await this.chatSync.modify(sessionId, jid, change, newest ? rawOf(newest) : null);
    } finally {
      if (key) {
        const left = (this.inFlight.get(key) ?? 1) - 1;
        if (left > 0) this.inFlight.set(key, left);
        else this.inFlight.delete(key);
      }
    }
  }

  /** Whether Baileys is handing back a change of ours that is still being sent. */
  isOwnEcho(sessionId: string, echo: string): boolean {
    return this.inFlight.has(echoKey(sessionId, echo));
  }
}

const echoKey = (sessionId: string, echo: string) => `${sessionId}\u0000${echo}`;

/** What a star and a chat deletion are known by while they are on their way. */
export const starEcho = (chat: string, id: string) => `star:${chat}:${id}`;
export const deleteEcho = (chat: string) => `delete:${chat}`;
