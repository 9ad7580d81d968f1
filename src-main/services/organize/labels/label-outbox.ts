/**
 * Label changes made in Chatdock that WhatsApp has not got yet (`label_outbox`, migration 0051):
 * kept on disk so they survive a restart, and sent once the number is back and its app-state is
 * synced (label-sync.ts `drain`). One row per label and chat/message (or per label for a
 * deletion): a later change of the same thing replaces the row with a new id, so a send that
 * finishes after it removes only what it sent (and the new row starts with fresh tries). A
 * change WhatsApp refused keeps how often and when it may be tried again (migration 0055), so a
 * restart continues its schedule. Plain reads and writes; the caller holds the transaction when
 * it needs one.
 */
import type { Db } from '../../../db/connection.js';

export type OutboxAction = 'label' | 'unlabel' | 'delete';

export interface OutboxEntry {
  id: number;
  sessionId: string;
  labelId: string;
  /** '' for a deletion. */
  chatJid: string;
  /** '' unless the label is on one message. */
  messageId: string;
  action: OutboxAction;
  /** For a deletion: the name and colour WhatsApp last had. */
  name: string | null;
  color: number | null;
  /** How often WhatsApp refused it (0: never tried, or sent before migration 0055). */
  attempts: number;
  /** When it may be tried again (ms); null: now. */
  retryAt: number | null;
}

/** A change to queue: its tries start afresh. */
export type NewOutboxEntry = Omit<OutboxEntry, 'id' | 'attempts' | 'retryAt'>;

const COLUMNS = `id, session_id AS sessionId, label_id AS labelId, chat_jid AS chatJid,
  message_id AS messageId, action, name, color, attempts, retry_at AS retryAt`;

export class LabelOutbox {
  constructor(private readonly db: Db) {}

  /** Queues a change, replacing an older one of the same label on the same chat/message. */
  put(entry: NewOutboxEntry): void {
    const client = this.db.$client;
    client
      .prepare(
        'DELETE FROM label_outbox WHERE session_id = ? AND label_id = ? AND chat_jid = ? AND message_id = ?',
      )
      .run(entry.sessionId, entry.labelId, entry.chatJid, entry.messageId);
    if (entry.action === 'delete') {
      // Nothing else of a deleted label is worth sending.
      client
        .prepare('DELETE FROM label_outbox WHERE session_id = ? AND label_id = ?')
        .run(entry.sessionId, entry.labelId);
    }
    client
      .prepare(
        `INSERT INTO label_outbox (session_id, label_id, chat_jid, message_id, action, name, color, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.sessionId,
        entry.labelId,
        entry.chatJid,
        entry.messageId,
        entry.action,
        entry.name,
        entry.color,
        Date.now(),
      );
  }

  /** The pending change of a label on a chat/message ('' '' for the label's deletion). */
  find(sessionId: string, labelId: string, chatJid: string, messageId: string): OutboxEntry | undefined {
    return this.db.$client
      .prepare<[string, string, string, string], OutboxEntry>(
        `SELECT ${COLUMNS} FROM label_outbox
         WHERE session_id = ? AND label_id = ? AND chat_jid = ? AND message_id = ?`,
      )
      .get(sessionId, labelId, chatJid, messageId);
  }

  /** A number's pending changes, oldest first. */
  of(sessionId: string): OutboxEntry[] {
    return this.db.$client
      .prepare<[string], OutboxEntry>(`SELECT ${COLUMNS} FROM label_outbox WHERE session_id = ? ORDER BY id`)
      .all(sessionId);
  }

  /** WhatsApp refused it again: counted, with the time of its next try. */
  refused(id: number, attempts: number, retryAt: number): void {
    this.db.$client
      .prepare('UPDATE label_outbox SET attempts = ?, retry_at = ? WHERE id = ?')
      .run(attempts, retryAt, id);
  }

  /** Sent (or overruled by the phone): gone, unless a later change replaced it meanwhile. */
  done(id: number): void {
    this.db.$client.prepare('DELETE FROM label_outbox WHERE id = ?').run(id);
  }

  /** The highest label id a pending change names (a new label must not reuse a deleted one's). */
  topLabelId(sessionId: string): number {
    const row = this.db.$client
      .prepare<[string], { top: number | null }>(
        'SELECT max(CAST(label_id AS INTEGER)) AS top FROM label_outbox WHERE session_id = ?',
      )
      .get(sessionId);
    return row?.top ?? 0;
  }

  /** A removed number's pending changes go with it. */
  forgetSession(sessionId: string): void {
    this.db.$client.prepare('DELETE FROM label_outbox WHERE session_id = ?').run(sessionId);
  }
}
