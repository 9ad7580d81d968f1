/**
 * Clear a chat (its messages go, the chat stays) and delete a chat (the chat goes too), here and
 * on WhatsApp (issue #19): the app-state patches `clearChat` / `deleteChat` make the phone and
 * the number's other linked devices do the same. A chat deleted on the phone arrives as Baileys'
 * `chats.delete` and is deleted here too. (A chat cleared on the phone does not arrive: Baileys
 * 7.0.0-rc14 reads no `clearChatAction`.)
 *
 * What goes: the messages with their reactions, message tags and media files nothing else uses.
 * What stays: the chat's notes, tags and assignment history, which come back with the chat when
 * the customer writes again (they are the team's knowledge of the customer, not the conversation).
 */
import { AppError } from '../../../src-shared/errors.js';
import { PHONE_ACTOR, type Actor } from '../../../src-shared/contract/people.js';
import type { Chat } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { MessageStore } from '../messages/message-store.js';
import { KEPT_KIND_COLUMNS } from '../messages/last-message-kind.js';
import { FROM_BEGINNING, RefoldMarks } from '../reports/refold-marks.js';
import type { UnusedMedia } from '../sessions/removal/unused-media.js';
import { deleteEcho, type PhoneSync } from './phone-sync.js';

export class ChatEraser {
  constructor(
    private readonly db: Db,
    private readonly store: MessageStore,
    private readonly events: EventRecorder,
    private readonly phone: PhoneSync,
    private readonly media: UnusedMedia,
  ) {}

  /** Removes every message of the chat; the chat stays, empty and read. */
  async clear(session: string, jid: string, actor: Actor): Promise<Chat> {
    this.existing(session, jid);
    await this.phone.send(session, jid, { clearChat: true });
    return this.erase(session, jid, false, actor) ?? this.existing(session, jid);
  }

  /** Removes the chat with its messages. */
  async delete(session: string, jid: string, actor: Actor): Promise<void> {
    this.existing(session, jid);
    await this.phone.send(session, jid, { deleteChat: true }, deleteEcho(jid));
    this.erase(session, jid, true, actor);
  }

  /** Chats deleted on the phone or another linked device (ours are skipped: see PhoneSync). */
  deletedOnPhone(session: string, jids: readonly string[]): void {
    for (const jid of jids) {
      if (this.phone.isOwnEcho(session, deleteEcho(jid))) continue;
      this.erase(session, jid, true, PHONE_ACTOR);
    }
  }

  private existing(session: string, jid: string): Chat {
    const chat = this.store.chat(session, jid);
    if (!chat) throw new AppError('NOT_FOUND', `no chat "${jid}" in session "${session}"`, 'chat');
    return chat;
  }

  /** One transaction with its events; null when the chat is gone already. */
  private erase(session: string, jid: string, deleteChat: boolean, actor: Actor): Chat | null {
    const sqlite = this.db.$client;
    const run = (sql: string) => sqlite.prepare(sql).run(session, jid).changes;
    let unused: string[] = [];
    const chat = this.events.transaction(() => {
      if (!this.store.chat(session, jid)) return null;
      const shas = sqlite
        .prepare<[string, string], string>(
          `SELECT DISTINCT json_extract(media, '$.sha256') FROM messages
            WHERE session_id = ? AND chat_jid = ? AND json_extract(media, '$.sha256') IS NOT NULL`,
        )
        .pluck()
        .all(session, jid);
      run('DELETE FROM message_reactions WHERE session_id = ? AND chat_jid = ?');
      run('DELETE FROM message_tags WHERE session_id = ? AND chat_jid = ?');
      const messages = run('DELETE FROM messages WHERE session_id = ? AND chat_jid = ?');
      // The reports' kept conversations and counts of the chat go at the next fold.
      new RefoldMarks(this.db).mark(session, jid, FROM_BEGINNING);
      unused = this.media.forgetUnreferenced(shas);
      if (deleteChat) {
        // The chat list's name index: no trigger removes it (see migration 0011).
        run(
          `DELETE FROM chat_names_fts WHERE rowid IN
             (SELECT id FROM chat_search_keys WHERE session_id = ? AND jid = ?)`,
        );
        run('DELETE FROM chat_search_keys WHERE session_id = ? AND jid = ?');
        run('DELETE FROM chats WHERE session_id = ? AND jid = ?');
        this.events.record('chat.deleted', session, { chat: jid, messages }, actor);
        return null;
      }
      run(
        `UPDATE chats SET unread_count = 0, last_message_id = NULL, last_message_at = NULL,
           last_message_preview = NULL, last_message_from_me = NULL, last_message_status = NULL,
           ${KEPT_KIND_COLUMNS.map((column) => `${column} = NULL`).join(', ')}
         WHERE session_id = ? AND jid = ?`,
      );
      const cleared = this.existing(session, jid);
      this.events.record('chat.cleared', session, { chat: jid, messages }, actor);
      this.events.record('chat.updated', session, cleared, actor);
      return cleared;
    });
    this.media.removeFiles(unused);
    return chat;
  }
}
