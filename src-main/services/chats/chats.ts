import { AppError } from '../../../src-shared/errors.js';
import type { Chat, ChatWithTags } from '../../../src-shared/messages.js';
import type { Db } from '../../db/connection.js';
import type { WaActions, PresenceState } from '../../wa/actions.js';
import type { ChatMeta } from '../../wa/session-events.js';
import type { ChatChange } from '../../wa/chat-sync.js';
import type { PhoneSync } from './phone-sync.js';
import { ChatList, type ChatListOptions } from './list/chat-list.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { chatKind, type MessageStore } from '../messages/message-store.js';
import { RAW_WITH_COLUMNS, rawOf, type StoredRaw } from '../messages/raw-pack.js';

/** A timer changed on WhatsApp: by the phone, another linked device or the customer. */
const WHATSAPP_ACTOR = Object.freeze({ type: 'system', id: null, name: 'WhatsApp' } as const);

/** Up to this many chats in one WhatsApp chat update are live changes worth an event each. */
const LIVE_CHAT_CHANGE_LIMIT = 20;

export type { ChatListOptions };

/** The chat list (from maintained summary rows, never a GROUP BY over messages) and chat actions. */
export class ChatService {
  private readonly chatList: ChatList;

  constructor(
    private readonly db: Db,
    private readonly store: MessageStore,
    private readonly actions: WaActions,
    private readonly events: EventRecorder,
    /** Deleted sessions whose history is kept (services/kept-history.ts): not listed across sessions. */
    hiddenSessions: () => readonly string[] = () => [],
    /** Sends archive, pin, mute and read state to WhatsApp (app-state), so the phone agrees. */
    private readonly phone: PhoneSync | null = null,
  ) {
    this.chatList = new ChatList(db.$client, hiddenSessions);
  }

  /** A page of the chat list (services/chats/list/: every filter walks an index in list order). */
  list(options: ChatListOptions): { items: ChatWithTags[]; next: string | null } {
    return this.chatList.list(options);
  }

  get(sessionId: string, jid: string): Chat {
    const chat = this.store.chat(sessionId, jid);
    if (!chat) throw new AppError('NOT_FOUND', `no chat "${jid}" in session "${sessionId}"`, 'chat');
    return chat;
  }

  /** Marks the chat read here and sends read receipts (blue ticks) for what was unread. */
  async markRead(sessionId: string, jid: string): Promise<Chat> {
    const chat = this.get(sessionId, jid);
    const unread = this.db.$client
      .prepare(
        `SELECT ${RAW_WITH_COLUMNS} FROM messages
         WHERE session_id = ? AND chat_jid = ? AND from_me = 0 AND raw IS NOT NULL
         ORDER BY timestamp DESC LIMIT ?`,
      )
      .all(sessionId, jid, Math.min(Math.max(chat.unreadCount, 1), 500)) as StoredRaw[];
    if (this.actions.isConnected(sessionId)) {
      await this.actions.markRead(
        sessionId,
        unread.map((row) => rawOf(row)!),
      );
      // Receipts clear what the phone counts as unread, but not a chat marked unread by hand.
      if (chat.unreadCount > 0) await this.toPhone(sessionId, jid, { markRead: true });
    }
    return this.update(sessionId, jid, 'unread_count = 0');
  }

  /**
   * Sends read receipts (blue ticks) for chosen received messages only, e.g. the ones a bot has
   * handled. The chat's unread count here is left as it is: other messages may still be unread.
   * Unknown ids, and our own messages, are refused naming the field before anything is sent.
   */
  async markMessagesRead(sessionId: string, jid: string, messageIds: readonly string[]): Promise<Chat> {
    const chat = this.get(sessionId, jid);
    const find = this.db.$client.prepare<[string, string, string], StoredRaw>(
      `SELECT ${RAW_WITH_COLUMNS} FROM messages WHERE session_id = ? AND chat_jid = ? AND id = ?`,
    );
    const raws = messageIds.map((id, index) => {
      const row = find.get(sessionId, jid, id);
      const field = `messageIds.${index}`;
      if (!row) throw new AppError('VALIDATION_FAILED', `${field}: no message "${id}" in this chat`, field);
      if (row.fromMe)
        throw new AppError('VALIDATION_FAILED', `${field}: is a message this number sent`, field);
      const raw = rawOf(row);
      if (!raw) throw new AppError('VALIDATION_FAILED', `${field}: cannot be marked read`, field);
      return raw;
    });
    if (!this.actions.isConnected(sessionId)) {
      throw new AppError('NOT_CONNECTED', `session "${sessionId}" is not connected`);
    }
    await this.actions.markRead(sessionId, raws);
    return chat;
  }

  async presence(sessionId: string, jid: string, state: PresenceState): Promise<void> {
    await this.actions.presence(sessionId, jid, state);
  }

  /**
   * "Mark as unread": the chat counts as unread here (at least one) until it is read again. The
   * phone and other linked devices get the same mark (the customer sees no change).
   */
  async markUnread(sessionId: string, jid: string): Promise<Chat> {
    this.get(sessionId, jid);
    await this.toPhone(sessionId, jid, { markRead: false });
    return this.update(sessionId, jid, 'unread_count = max(unread_count, 1)');
  }

  async setArchived(sessionId: string, jid: string, archived: boolean): Promise<Chat> {
    this.get(sessionId, jid);
    await this.toPhone(sessionId, jid, { archive: archived });
    return this.update(sessionId, jid, 'archived = @value', archived ? 1 : 0);
  }

  async setPinned(sessionId: string, jid: string, pinned: boolean): Promise<Chat> {
    this.get(sessionId, jid);
    await this.toPhone(sessionId, jid, { pin: pinned });
    return this.update(sessionId, jid, 'pinned_at = @value', pinned ? Date.now() : null);
  }

  async setMuted(sessionId: string, jid: string, until: number | null): Promise<Chat> {
    this.get(sessionId, jid);
    await this.toPhone(sessionId, jid, { muteUntil: until });
    return this.update(sessionId, jid, 'muted_until = @value', until);
  }

  private async toPhone(sessionId: string, jid: string, change: ChatChange): Promise<void> {
    await this.phone?.send(sessionId, jid, change);
  }

  /**
   * Chat metadata WhatsApp syncs (names, archive, pin, mute) from the phone. A few chats at a
   * time are live changes (archived on the phone, renamed): each chat that really changed is
   * announced as `chat.updated` so open inboxes and webhooks follow. Bigger batches are the
   * first sync after linking, which the history events already announce.
   */
  applyMeta(sessionId: string, metas: readonly ChatMeta[]): void {
    const upsert = this.db.$client.prepare(
      `INSERT INTO chats (session_id, jid, kind, name, archived, pinned_at, muted_until, unread_count, ephemeral_seconds)
       VALUES (@sessionId, @jid, @kind, @name, coalesce(@archived, 0), @pinnedAt, @mutedUntil, coalesce(@unreadCount, 0),
         coalesce(@ephemeralSeconds, 0))
       ON CONFLICT (session_id, jid) DO UPDATE SET
         name = coalesce(@name, name), archived = coalesce(@archived, archived),
         pinned_at = coalesce(@pinnedAt, pinned_at), muted_until = coalesce(@mutedUntil, muted_until),
         unread_count = coalesce(@unreadCount, unread_count),
         ephemeral_seconds = coalesce(@ephemeralSeconds, ephemeral_seconds)`,
    );
    const announce = metas.length <= LIVE_CHAT_CHANGE_LIMIT;
    this.events.transaction(() => {
      for (const meta of metas) {
        const before = announce ? this.store.chat(sessionId, meta.jid) : null;
        upsert.run({
          sessionId,
          jid: meta.jid,
          kind: chatKind(meta.jid),
          name: meta.name,
          archived: meta.archived === null ? null : meta.archived ? 1 : 0,
          pinnedAt: meta.pinnedAt,
          mutedUntil: meta.mutedUntil,
          unreadCount: meta.unreadCount,
          ephemeralSeconds: meta.ephemeralSeconds ?? null,
        });
        if (!announce) continue;
        const after = this.get(sessionId, meta.jid);
        if (JSON.stringify(before) !== JSON.stringify(after))
          this.events.record('chat.updated', sessionId, after);
        const previous = before?.ephemeralSeconds ?? 0;
        if (after.ephemeralSeconds !== previous) {
          const change = { chat: meta.jid, seconds: after.ephemeralSeconds, previous };
          this.events.record('chat.ephemeral_changed', sessionId, change, WHATSAPP_ACTOR);
        }
      }
    });
  }

  private update(sessionId: string, jid: string, assignment: string, value?: unknown): Chat {
    return this.events.transaction(() => {
      this.db.$client
        .prepare(
          `UPDATE chats SET ${assignment}, updated_at = @now WHERE session_id = @sessionId AND jid = @jid`,
        )
        .run({ sessionId, jid, value: value ?? null, now: new Date().toISOString() });
      const chat = this.get(sessionId, jid);
      this.events.record('chat.updated', sessionId, chat);
      return chat;
    });
  }
}
