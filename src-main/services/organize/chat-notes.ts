import type { ChatNote } from '../../../src-shared/contract/organize.js';
import { AppError } from '../../../src-shared/errors.js';
import { sortableId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';

interface NoteRow {
  id: string;
  sessionId: string;
  chatJid: string;
  text: string;
  author: string;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = `id, session_id AS sessionId, chat_jid AS chatJid, text, author,
  created_at AS createdAt, updated_at AS updatedAt`;

function toNote(row: NoteRow): ChatNote {
  return {
    id: row.id,
    session: row.sessionId,
    chat: row.chatJid,
    text: row.text,
    author: row.author,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/**
 * Private notes staff leave on a chat. They live only in this database: nothing here talks to
 * WhatsApp, and no event carries them to webhooks.
 */
export class ChatNoteService {
  constructor(private readonly db: Db) {}

  /** Oldest first, like a conversation. */
  list(sessionId: string, chatJid: string): ChatNote[] {
    const rows = this.db.$client
      .prepare(
        `SELECT ${COLUMNS} FROM chat_notes WHERE session_id = ? AND chat_jid = ? ORDER BY created_at, id`,
      )
      .all(sessionId, chatJid) as NoteRow[];
    return rows.map(toNote);
  }

  create(sessionId: string, chatJid: string, text: string, author: string): ChatNote {
    const id = sortableId('note');
    const now = Date.now();
    this.db.$client
      .prepare(
        `INSERT INTO chat_notes (id, session_id, chat_jid, text, author, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, sessionId, chatJid, text, author, now, now);
    return this.get(sessionId, chatJid, id);
  }

  update(sessionId: string, chatJid: string, id: string, text: string): ChatNote {
    this.get(sessionId, chatJid, id);
    this.db.$client
      .prepare('UPDATE chat_notes SET text = ?, updated_at = ? WHERE id = ?')
      .run(text, Date.now(), id);
    return this.get(sessionId, chatJid, id);
  }

  delete(sessionId: string, chatJid: string, id: string): void {
    this.get(sessionId, chatJid, id);
    this.db.$client.prepare('DELETE FROM chat_notes WHERE id = ?').run(id);
  }

  /** A note of this chat; a note of another chat (or session) is not found here. */
  private get(sessionId: string, chatJid: string, id: string): ChatNote {
    const row = this.db.$client
      .prepare(`SELECT ${COLUMNS} FROM chat_notes WHERE id = ? AND session_id = ? AND chat_jid = ?`)
      .get(id, sessionId, chatJid) as NoteRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no note "${id}" on this chat`, 'noteId');
    return toNote(row);
  }
}
