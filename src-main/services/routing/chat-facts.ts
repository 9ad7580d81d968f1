import type { Db } from '../../db/connection.js';

/**
 * What routing reads about a chat, each on an existing index: its tags, whether the customer
 * wrote before (another incoming message), whether an earlier conversation of theirs was
 * resolved (returning customer), whether they are saved in contacts, their latest message.
 */
export class ChatFacts {
  private readonly tags;
  private readonly earlierIncoming;
  private readonly resolvedBefore;
  private readonly contact;
  private readonly latestIncoming;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.tags = sqlite.prepare<[string, string], { id: string; name: string }>(
      `SELECT t.id, t.name FROM chat_tags x JOIN tags t ON t.id = x.tag_id
        WHERE x.session_id = ? AND x.chat_jid = ? ORDER BY x.added_at`,
    );
    this.earlierIncoming = sqlite.prepare<[string, string, string], { one: number }>(
      `SELECT 1 AS one FROM messages WHERE session_id = ? AND chat_jid = ? AND from_me = 0 AND id <> ?
          AND type <> 'waiting' LIMIT 1`,
    );
    this.resolvedBefore = sqlite.prepare<[string, string], { one: number }>(
      `SELECT 1 AS one FROM chat_assignment_history
        WHERE session_id = ? AND chat_jid = ? AND change = 'status' AND to_value = '"resolved"' LIMIT 1`,
    );
    this.contact = sqlite.prepare<[string, string], { name: string | null; notify: string | null }>(
      'SELECT name, notify FROM contacts WHERE session_id = ? AND jid = ?',
    );
    this.latestIncoming = sqlite.prepare<[string, string], { id: string; text: string | null }>(
      `SELECT id, text FROM messages WHERE session_id = ? AND chat_jid = ? AND from_me = 0
        ORDER BY timestamp DESC LIMIT 1`,
    );
  }

  tagsOf(sessionId: string, chat: string): { id: string; name: string }[] {
    return this.tags.all(sessionId, chat);
  }

  /** The customer's first message ever in this chat (a new conversation). */
  isFirstMessage(sessionId: string, chat: string, messageId: string): boolean {
    return !this.earlierIncoming.get(sessionId, chat, messageId);
  }

  /** Returning: a conversation of theirs was resolved before. */
  customer(sessionId: string, chat: string): 'new' | 'returning' {
    return this.resolvedBefore.get(sessionId, chat) ? 'returning' : 'new';
  }

  /** Saved in contacts (the address book gave a name), and the best name known. */
  contactOf(sessionId: string, chat: string): { saved: boolean; name: string | null } {
    const row = this.contact.get(sessionId, chat);
    return { saved: Boolean(row?.name), name: row?.name ?? row?.notify ?? null };
  }

  latestMessage(sessionId: string, chat: string): { id: string; text: string } | null {
    const row = this.latestIncoming.get(sessionId, chat);
    return row ? { id: row.id, text: row.text ?? '' } : null;
  }
}
