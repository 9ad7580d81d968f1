import type { Statement } from 'better-sqlite3';
import type { TagHistoryEntry, TagRef, TagUsage, Tagging } from '../../../src-shared/contract/organize.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Chat, ChatWithTags } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';
import type { MessageStore } from '../messages/message-store.js';
import type { Attribution } from './actors.js';
import { chatTagsColumn, parseChatTags } from './chat-tags-column.js';
import type { TagService } from './tags.js';

type Extra = Record<string, unknown> | null;

interface TaggingRow {
  tagId: string;
  name: string;
  color: string;
  addedBy: string;
  addedAt: number;
  extra: string | null;
}

interface HistoryRow {
  id: number;
  tagId: string;
  tagName: string;
  chatJid: string;
  messageId: string | null;
  action: 'added' | 'removed';
  actor: string;
  at: number;
  extra: string | null;
}

const parseExtra = (raw: string | null): Extra => (raw ? (JSON.parse(raw) as Record<string, unknown>) : null);

function toTagging(row: TaggingRow): Tagging {
  return {
    tag: { id: row.tagId, name: row.name, color: row.color },
    addedBy: row.addedBy,
    addedAt: new Date(row.addedAt).toISOString(),
    extra: parseExtra(row.extra),
  };
}

/**
 * A page of tag history: `before` is the page cursor (an id), `beforeTime` / `since` bound the time
 * (unix ms), `actor` keeps the changes of one actor (the stored label).
 */
interface HistoryOptions {
  limit: number;
  before?: number | undefined;
  beforeTime?: number | undefined;
  since?: number | undefined;
  actor?: string | undefined;
}

function toHistoryEntry(row: HistoryRow): TagHistoryEntry {
  return {
    id: row.id,
    tagId: row.tagId,
    tagName: row.tagName,
    chat: row.chatJid,
    messageId: row.messageId,
    action: row.action,
    actor: row.actor,
    at: new Date(row.at).toISOString(),
    extra: parseExtra(row.extra),
  };
}

/**
 * Tags on chats and on single messages. Tagging a message also tags its chat; removing a tag
 * from a chat also removes it from that chat's messages, so a chat always carries every tag of
 * its messages. Every change writes a `tag_history` row and a `chat.tagged` / `message.tagged`
 * event in the same transaction; adding a tag that is already there changes nothing.
 */
export class TaggingService {
  private ofChatsStatement: Statement<
    [{ session: string; chats: string }],
    { chat: string; tags: string }
  > | null = null;

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    private readonly store: MessageStore,
    private readonly tags: TagService,
  ) {}

  ofChat(sessionId: string, chatJid: string): Tagging[] {
    const rows = this.db.$client
      .prepare(
        `SELECT x.tag_id AS tagId, t.name, t.color, x.added_by AS addedBy, x.added_at AS addedAt, x.extra
         FROM chat_tags x JOIN tags t ON t.id = x.tag_id
         WHERE x.session_id = ? AND x.chat_jid = ? ORDER BY x.added_at, t.name`,
      )
      .all(sessionId, chatJid) as TaggingRow[];
    return rows.map(toTagging);
  }

  /** The tags of many chats of one session, in the order asked (each chat once). */
  ofChats(sessionId: string, chatJids: readonly string[]): { chat: string; tags: TagRef[] }[] {
    if (chatJids.length === 0) return [];
    // Prepared once: every chat read, update and `tags.ofChats` call runs it.
    this.ofChatsStatement ??= this.db.$client.prepare<
      [{ session: string; chats: string }],
      { chat: string; tags: string }
    >(`SELECT j.value AS chat, ${chatTagsColumn('@session', 'j.value')} AS tags FROM json_each(@chats) j`);
    const byChat = new Map<string, TagRef[]>();
    for (const row of this.ofChatsStatement.all({ session: sessionId, chats: JSON.stringify(chatJids) })) {
      if (!byChat.has(row.chat)) byChat.set(row.chat, parseChatTags(row.tags));
    }
    return Array.from(byChat, ([chat, tags]) => ({ chat, tags }));
  }

  /** A chat with its tags (what a chat's read or update answers; a list page reads them itself). */
  withTags(chat: Chat): ChatWithTags {
    return { ...chat, tags: this.ofChats(chat.session, [chat.jid])[0]?.tags ?? [] };
  }

  ofMessage(sessionId: string, messageId: string, chatJid?: string): Tagging[] {
    const message = this.message(sessionId, messageId, chatJid);
    const rows = this.db.$client
      .prepare(
        `SELECT x.tag_id AS tagId, t.name, t.color, x.added_by AS addedBy, x.added_at AS addedAt, x.extra
         FROM message_tags x JOIN tags t ON t.id = x.tag_id
         WHERE x.session_id = ? AND x.chat_jid = ? AND x.message_id = ? ORDER BY x.added_at, t.name`,
      )
      .all(sessionId, message.chatJid, message.id) as TaggingRow[];
    return rows.map(toTagging);
  }

  addToChat(
    sessionId: string,
    chatJid: string,
    tagId: string,
    actor: Attribution,
    extra: Extra = null,
  ): Tagging[] {
    this.events.transaction(() => {
      if (!this.store.chat(sessionId, chatJid)) {
        throw new AppError('NOT_FOUND', `no chat "${chatJid}" in session "${sessionId}"`, 'chat');
      }
      this.tagChat(sessionId, chatJid, this.tags.ref(tagId), actor, extra);
    });
    return this.ofChat(sessionId, chatJid);
  }

  /** Removes a tag from a chat and from its messages. Removing one it does not carry is a no-op. */
  removeFromChat(sessionId: string, chatJid: string, tagId: string, actor: Attribution): Tagging[] {
    this.events.transaction(() => {
      this.untagChat(sessionId, chatJid, this.tags.ref(tagId), actor);
    });
    return this.ofChat(sessionId, chatJid);
  }

  /** Adds or removes one tag on many chats at once; unknown chats are refused before any change. */
  bulk(
    sessionId: string,
    chatJids: readonly string[],
    tagId: string,
    action: 'add' | 'remove',
    actor: Attribution,
    extra: Extra = null,
  ): { changed: number } {
    return this.events.transaction(() => {
      const tag = this.tags.ref(tagId);
      const unique = [...new Set(chatJids)];
      const missing = unique.find((jid) => !this.store.chat(sessionId, jid));
      if (missing) throw new AppError('NOT_FOUND', `no chat "${missing}" in session "${sessionId}"`, 'chats');
      let changed = 0;
      for (const jid of unique) {
        const did =
          action === 'add'
            ? this.tagChat(sessionId, jid, tag, actor, extra)
            : this.untagChat(sessionId, jid, tag, actor);
        if (did) changed += 1;
      }
      return { changed };
    });
  }

  /** Tags one message, and its chat when the chat does not carry the tag yet. */
  addToMessage(
    sessionId: string,
    messageId: string,
    tagId: string,
    actor: Attribution,
    extra: Extra = null,
    chatJid?: string,
  ): Tagging[] {
    const message = this.message(sessionId, messageId, chatJid);
    this.events.transaction(() => {
      const tag = this.tags.ref(tagId);
      const inserted = this.db.$client
        .prepare(
          `INSERT INTO message_tags (session_id, chat_jid, message_id, tag_id, added_by, added_at, extra)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .run(
          sessionId,
          message.chatJid,
          message.id,
          tag.id,
          actor.label,
          Date.now(),
          extra ? JSON.stringify(extra) : null,
        );
      if (inserted.changes === 0) return;
      this.announce(sessionId, message.chatJid, message.id, tag, 'added', actor, extra);
      this.tagChat(sessionId, message.chatJid, tag, actor, extra);
    });
    return this.ofMessage(sessionId, message.id, message.chatJid);
  }

  /** Removes a tag from one message; the chat keeps it (remove it from the chat to clear both). */
  removeFromMessage(
    sessionId: string,
    messageId: string,
    tagId: string,
    actor: Attribution,
    chatJid?: string,
  ): Tagging[] {
    const message = this.message(sessionId, messageId, chatJid);
    this.events.transaction(() => {
      const tag = this.tags.ref(tagId);
      this.untagMessage(sessionId, message.chatJid, message.id, tag, actor);
    });
    return this.ofMessage(sessionId, message.id, message.chatJid);
  }

  /** What happened to the tags of a chat (or of one of its messages), newest first. */
  history(
    sessionId: string,
    chatJid: string,
    options: HistoryOptions & { messageId?: string | undefined },
  ): { items: TagHistoryEntry[]; next: number | null } {
    const rows = this.db.$client
      .prepare(
        `SELECT id, tag_id AS tagId, tag_name AS tagName, chat_jid AS chatJid, message_id AS messageId,
                action, actor, at, extra
         FROM tag_history
         WHERE session_id = @sessionId AND chat_jid = @chatJid
           AND (@messageId IS NULL OR message_id = @messageId)
           AND (@before IS NULL OR id < @before)
           AND (@beforeTime IS NULL OR at < @beforeTime)
           AND (@since IS NULL OR at >= @since)
           AND (@actor IS NULL OR actor = @actor)
         ORDER BY id DESC LIMIT @limit`,
      )
      .all({
        sessionId,
        chatJid,
        messageId: options.messageId ?? null,
        before: options.before ?? null,
        beforeTime: options.beforeTime ?? null,
        since: options.since ?? null,
        actor: options.actor ?? null,
        limit: options.limit + 1,
      }) as HistoryRow[];
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    return { items: page.map(toHistoryEntry), next: rows.length > options.limit && last ? last.id : null };
  }

  /** What happened to the tags of one message (addressed by id), newest first. */
  messageHistory(
    sessionId: string,
    messageId: string,
    options: HistoryOptions,
  ): { items: TagHistoryEntry[]; next: number | null } {
    const message = this.message(sessionId, messageId);
    return this.history(sessionId, message.chatJid, { ...options, messageId: message.id });
  }

  /**
   * Every tagging of a tag that is being deleted, removed with history and events. Only those of
   * existing sessions, the ones its usage counts: the hidden history of a deleted number loses its
   * taggings with the tag row (ON DELETE CASCADE), with no event for a session that is gone.
   */
  removeEverywhere(tag: TagRef, actor: Attribution): TagUsage {
    const messages = this.db.$client
      .prepare(
        `SELECT session_id AS sessionId, chat_jid AS chatJid, message_id AS messageId FROM message_tags
         WHERE tag_id = ? AND session_id IN (SELECT id FROM sessions)`,
      )
      .all(tag.id) as { sessionId: string; chatJid: string; messageId: string }[];
    for (const row of messages) this.untagMessage(row.sessionId, row.chatJid, row.messageId, tag, actor);
    const chats = this.db.$client
      .prepare(
        `SELECT session_id AS sessionId, chat_jid AS chatJid FROM chat_tags
         WHERE tag_id = ? AND session_id IN (SELECT id FROM sessions)`,
      )
      .all(tag.id) as { sessionId: string; chatJid: string }[];
    for (const row of chats) this.untagChat(row.sessionId, row.chatJid, tag, actor);
    return { chats: chats.length, messages: messages.length };
  }

  /** The message a tagging call addresses (by id, within a chat when given); 404 otherwise. */
  private message(sessionId: string, messageId: string, chatJid?: string): { id: string; chatJid: string } {
    const row = chatJid
      ? this.store.row(sessionId, chatJid, messageId)
      : this.store.findById(sessionId, messageId);
    if (!row) throw new AppError('NOT_FOUND', `no message "${messageId}" in session "${sessionId}"`, 'msgId');
    return { id: row.id, chatJid: row.chatJid };
  }

  private tagChat(
    sessionId: string,
    chatJid: string,
    tag: TagRef,
    actor: Attribution,
    extra: Extra,
  ): boolean {
    const inserted = this.db.$client
      .prepare(
        `INSERT INTO chat_tags (session_id, chat_jid, tag_id, added_by, added_at, extra)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(sessionId, chatJid, tag.id, actor.label, Date.now(), extra ? JSON.stringify(extra) : null);
    if (inserted.changes === 0) return false;
    this.announce(sessionId, chatJid, null, tag, 'added', actor, extra);
    return true;
  }

  private untagChat(sessionId: string, chatJid: string, tag: TagRef, actor: Attribution): boolean {
    const messages = this.db.$client
      .prepare(
        'SELECT message_id AS messageId FROM message_tags WHERE session_id = ? AND chat_jid = ? AND tag_id = ?',
      )
      .all(sessionId, chatJid, tag.id) as { messageId: string }[];
    for (const { messageId } of messages) this.untagMessage(sessionId, chatJid, messageId, tag, actor);
    const deleted = this.db.$client
      .prepare('DELETE FROM chat_tags WHERE session_id = ? AND chat_jid = ? AND tag_id = ?')
      .run(sessionId, chatJid, tag.id);
    if (deleted.changes === 0) return messages.length > 0;
    this.announce(sessionId, chatJid, null, tag, 'removed', actor, null);
    return true;
  }

  private untagMessage(
    sessionId: string,
    chatJid: string,
    messageId: string,
    tag: TagRef,
    actor: Attribution,
  ): void {
    const deleted = this.db.$client
      .prepare(
        'DELETE FROM message_tags WHERE session_id = ? AND chat_jid = ? AND message_id = ? AND tag_id = ?',
      )
      .run(sessionId, chatJid, messageId, tag.id);
    if (deleted.changes > 0) this.announce(sessionId, chatJid, messageId, tag, 'removed', actor, null);
  }

  /** One history row and one event, inside the caller's transaction. */
  private announce(
    sessionId: string,
    chatJid: string,
    messageId: string | null,
    tag: TagRef,
    action: 'added' | 'removed',
    actor: Attribution,
    extra: Extra,
  ): void {
    this.db.$client
      .prepare(
        `INSERT INTO tag_history (tag_id, tag_name, session_id, chat_jid, message_id, action, actor, at, extra)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        tag.id,
        tag.name,
        sessionId,
        chatJid,
        messageId,
        action,
        actor.label,
        Date.now(),
        extra ? JSON.stringify(extra) : null,
      );
    const data = {
      chat: chatJid,
      tag: { id: tag.id, name: tag.name, color: tag.color },
      action,
      actor: actor.label,
      extra,
    };
    if (messageId === null) this.events.record('chat.tagged', sessionId, data, actor.actor);
    else this.events.record('message.tagged', sessionId, { ...data, messageId }, actor.actor);
  }
}
