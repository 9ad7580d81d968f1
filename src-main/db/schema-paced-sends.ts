/**
 * Human-paced group sends waiting for their moment (migration 0039, issue #26 point 5); see
 * services/messages/paced-sends.ts.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const pacedSends = sqliteTable(
  'paced_sends',
  {
    /** The WhatsApp message id chosen at acceptance: the later `message.sent` carries it. */
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    /** The SendMessageInput as accepted (JSON, with `id`). */
    input: text('input').notNull(),
    /** Who sent it (JSON Actor), stored with the message when it goes out. */
    actor: text('actor').notNull(),
    /** The request's Idempotency-Key: a retry after the send gets the sent message. */
    idempotencyKey: text('idempotency_key'),
    /** Unix ms: when it goes out. */
    sendAt: integer('send_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('paced_sends_due_idx').on(t.sendAt),
    index('paced_sends_session_idx').on(t.sessionId, t.chatJid),
  ],
);
