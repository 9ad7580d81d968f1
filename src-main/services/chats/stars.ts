/**
 * Starred messages (issue #19): starring here is sent to WhatsApp as an app-state `star` patch,
 * so the phone and the number's other linked devices show the star; a star set there arrives as
 * Baileys' `messages.update` (`starred`) and is stored the same way. Each change is announced as
 * `message.updated` with who made it.
 */
import { AppError } from '../../../src-shared/errors.js';
import { PHONE_ACTOR, type Actor } from '../../../src-shared/contract/people.js';
import type { Message } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { MessageStore } from '../messages/message-store.js';
import { starEcho, type PhoneSync } from './phone-sync.js';

export interface StarUpdate {
  chatJid: string;
  id: string;
  starred: boolean;
}

interface StarredRow {
  session: string;
  chat: string;
  id: string;
  rowId: number;
}
/** Starred rows read at a time for `recent`. */
const PAGE = 200;

export class StarService {
  constructor(
    private readonly db: Db,
    private readonly store: MessageStore,
    private readonly events: EventRecorder,
    private readonly phone: PhoneSync,
    /** Rows of a deleted session with the same id stay hidden up to this row id (hidden-rows.ts). */
    private readonly hiddenThrough: (session: string) => number = () => 0,
  ) {}

  async star(session: string, chat: string, id: string, starred: boolean, actor: Actor): Promise<Message> {
    const message = this.store.get(session, chat, id);
    if (!message) throw new AppError('NOT_FOUND', `no message "${id}" in this chat`, 'id');
    await this.phone.send(
      session,
      chat,
      { star: { id, fromMe: message.fromMe, starred } },
      starEcho(chat, id),
    );
    return this.apply(session, { chatJid: chat, id, starred }, actor) ?? message;
  }

  /** A chat's starred messages, newest first (the "Starred" view). */
  starred(session: string, chat: string, limit: number): Message[] {
    // Walks messages_starred_idx (migration 0034): only the starred rows, newest first.
    const ids = this.db.$client
      .prepare<[string, string, number, number], string>(
        `SELECT id FROM messages WHERE session_id = ? AND chat_jid = ? AND starred_at IS NOT NULL
           AND row_id > ? ORDER BY timestamp DESC LIMIT ?`,
      )
      .pluck()
      .all(session, chat, this.hiddenThrough(session), limit);
    return ids.flatMap((id) => this.store.get(session, chat, id) ?? []);
  }

  /**
   * Starred messages across chats, newest first, of one number or all, kept to those `canRead`
   * allows. Starred rows are few (their partial index), so they are read in pages and filtered here.
   */
  recent(
    session: string | null,
    limit: number,
    canRead: (session: string, chat: string) => boolean,
  ): Message[] {
    const page = this.db.$client.prepare<[string | null, string | null, number, number], StarredRow>(
      `SELECT session_id AS session, chat_jid AS chat, id, row_id AS rowId FROM messages
         WHERE starred_at IS NOT NULL AND (? IS NULL OR session_id = ?)
         ORDER BY timestamp DESC, row_id DESC LIMIT ? OFFSET ?`,
    );
    const found: Message[] = [];
    for (let offset = 0; found.length < limit; offset += PAGE) {
      const rows = page.all(session, session, PAGE, offset);
      for (const row of rows) {
        if (found.length >= limit) break;
        if (row.rowId <= this.hiddenThrough(row.session) || !canRead(row.session, row.chat)) continue;
        const message = this.store.get(row.session, row.chat, row.id);
        if (message) found.push(message);
      }
      if (rows.length < PAGE) break;
    }
    return found;
  }

  /** Stars set or removed on the phone or another linked device (ours are skipped: see PhoneSync). */
  fromPhone(session: string, updates: readonly StarUpdate[]): void {
    for (const update of updates) {
      if (this.phone.isOwnEcho(session, starEcho(update.chatJid, update.id))) continue;
      this.apply(session, update, PHONE_ACTOR);
    }
  }

  /** Stores the star and announces it; null when the message is not stored or nothing changed. */
  private apply(session: string, update: StarUpdate, actor: Actor): Message | null {
    return this.events.transaction(() => {
      const changed = this.db.$client
        .prepare(
          `UPDATE messages SET starred_at = ? WHERE session_id = ? AND chat_jid = ? AND id = ?
             AND (starred_at IS NULL) = ?`,
        )
        .run(update.starred ? Date.now() : null, session, update.chatJid, update.id, update.starred ? 1 : 0);
      if (changed.changes === 0) return null;
      const message = this.store.get(session, update.chatJid, update.id);
      if (message) this.events.record('message.updated', session, message, actor);
      return message;
    });
  }
}
