import Database from 'better-sqlite3';
import path from 'node:path';
import { registerSearchText } from '../../src-main/db/search-text.js';
import { registerBulkSlice } from '../../src-main/db/bulk-slice.js';

export interface SeededChat {
  session: string;
  jid: string;
  name: string;
  count: number;
  /** Text of message number n (1 = oldest). */
  text: (n: number) => string;
  /** The newest message's time; older ones are a minute apart. */
  newestAt: number;
  /** Nobody may write in it (WhatsApp's read-only chats): the pane shows a note, no message box. */
  readOnly?: boolean;
}

/** The WhatsApp id of seeded message n. */
export function seededId(n: number): string {
  return `SEED${String(n).padStart(6, '0')}`;
}

/**
 * Writes a chat with `count` messages straight into a stopped app's database (migrated by a
 * first start), the way stored history looks: message rows (the FTS triggers index their text),
 * the contact, and the chat's summary row.
 */
export function seedChats(dataDir: string, chats: SeededChat[]): void {
  const db = new Database(path.join(dataDir, 'chatdock.db'));
  // The search index and report mark triggers call them for every message written.
  registerSearchText(db);
  registerBulkSlice(db);
  try {
    const insertMessage = db.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, sender_jid, sender_name, type, text, status, timestamp, forwarded)
       VALUES (@session, @jid, @id, @fromMe, @sender, @senderName, 'text', @text, @status, @timestamp, 0)`,
    );
    const insertContact = db.prepare(
      `INSERT INTO contacts (session_id, jid, phone, name) VALUES (@session, @jid, @phone, @name)`,
    );
    const insertChat = db.prepare(
      `INSERT INTO chats (session_id, jid, kind, name, unread_count, last_message_id, last_message_at,
         last_message_preview, last_message_from_me, last_message_status,
         last_message_type, last_message_text, last_message_revoked, last_message_sender,
         last_message_sender_name, last_message_voice_note, last_message_video_note, read_only)
       VALUES (@session, @jid, 'user', NULL, 0, @lastId, @lastAt, @preview, @fromMe, @status,
         'text', @preview, 0, @lastSender, @lastSenderName, 0, 0, @readOnly)`,
    );
    db.transaction(() => {
      for (const chat of chats) {
        // The chat row keeps its last message's kind as the app writes it (migration 0054).
        let last = { fromMe: 0, status: 'delivered', text: '' };
        for (let n = 1; n <= chat.count; n++) {
          const fromMe = n % 3 === 0 ? 1 : 0;
          last = { fromMe, status: fromMe ? 'read' : 'delivered', text: chat.text(n) };
          insertMessage.run({
            session: chat.session,
            jid: chat.jid,
            id: seededId(n),
            fromMe,
            sender: fromMe ? null : chat.jid,
            senderName: fromMe ? null : chat.name,
            text: last.text,
            status: last.status,
            timestamp: chat.newestAt - (chat.count - n) * 60_000,
          });
        }
        insertContact.run({
          session: chat.session,
          jid: chat.jid,
          phone: chat.jid.split('@')[0],
          name: chat.name,
        });
        insertChat.run({
          session: chat.session,
          jid: chat.jid,
          lastId: seededId(chat.count),
          lastAt: chat.newestAt,
          preview: last.text.slice(0, 200),
          fromMe: last.fromMe,
          lastSender: last.fromMe ? null : chat.jid,
          lastSenderName: last.fromMe ? null : chat.name,
          status: last.status,
          readOnly: chat.readOnly ? 1 : 0,
        });
      }
    })();
  } finally {
    db.close();
  }
}
