import type { Statement } from 'better-sqlite3';
import { AppError } from '../../src-shared/errors.js';
import type { Chat } from '../../src-shared/messages.js';
import type { Db } from '../db/connection.js';
import type { WaActions, PresenceState } from '../wa/actions.js';
import type { ChatMeta } from '../wa/session-events.js';
import type { EventRecorder } from './event-recorder.js';
import { toChat } from './messages/message-rows.js';
import { chatKind, parseChatRow, type MessageStore } from './messages/message-store.js';

const CHAT_COLUMNS = `c.session_id AS sessionId, c.jid, c.kind, c.name, c.unread_count AS unreadCount,
  c.last_message_id AS lastMessageId, c.last_message_at AS lastMessageAt, c.last_message_preview AS lastMessagePreview,
  c.last_message_from_me AS lastMessageFromMe, c.last_message_status AS lastMessageStatus, c.archived,
  c.pinned_at AS pinnedAt, c.muted_until AS mutedUntil, c.read_only AS readOnly, c.updated_at AS updatedAt,
  coalesce(ct.name, ct.verified_name, ct.notify) AS displayName`;

/** The chat list's order key; the same expression as in the indexes of migration 0007. */
const ORDER_AT = 'coalesce(c.last_message_at, 0)';
/** Up to this many chats in one WhatsApp chat update are live changes worth an event each. */
const LIVE_CHAT_CHANGE_LIMIT = 20;

export interface ChatListOptions {
  sessionId?: string | undefined;
  q?: string | undefined;
  unread?: boolean | undefined;
  kind?: Chat['kind'] | undefined;
  archived?: boolean | undefined;
  /** Only pinned chats (the list shows them on top; they are few, so they come in one call). */
  pinned?: boolean | undefined;
  /** Only chats carrying this tag (id). */
  tagId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Keyset cursor: the last row's (last_message_at, session, jid), so new messages never shift a page. */
function encodeCursor(chat: { lastMessageAt: number | null; sessionId: string; jid: string }): string {
  return Buffer.from(JSON.stringify([chat.lastMessageAt ?? 0, chat.sessionId, chat.jid])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): [number, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(value) && value.length === 3) return value as [number, string, string];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this API returned', 'cursor');
}

/** The chat list (from maintained summary rows, never a GROUP BY over messages) and chat actions. */
export class ChatService {
  private readonly listStatements = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    private readonly store: MessageStore,
    private readonly actions: WaActions,
    private readonly events: EventRecorder,
    /** Deleted sessions whose history is kept (services/kept-history.ts): not listed across sessions. */
    private readonly hiddenSessions: () => readonly string[] = () => [],
  ) {}

  list(options: ChatListOptions): { items: Chat[]; next: string | null } {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: options.limit + 1 };
    if (options.sessionId) {
      where.push('c.session_id = @sessionId');
      params.sessionId = options.sessionId;
    } else {
      const hidden = this.hiddenSessions();
      if (hidden.length) {
        where.push('c.session_id NOT IN (SELECT value FROM json_each(@hidden))');
        params.hidden = JSON.stringify(hidden);
      }
    }
    if (options.unread) where.push('c.unread_count > 0');
    if (options.kind) {
      where.push('c.kind = @kind');
      params.kind = options.kind;
    }
    if (options.pinned !== undefined)
      where.push(options.pinned ? 'c.pinned_at IS NOT NULL' : 'c.pinned_at IS NULL');
    if (options.archived !== undefined) {
      where.push('c.archived = @archived');
      params.archived = options.archived ? 1 : 0;
    }
    if (options.tagId) {
      where.push(
        'EXISTS (SELECT 1 FROM chat_tags t WHERE t.session_id = c.session_id AND t.chat_jid = c.jid AND t.tag_id = @tagId)',
      );
      params.tagId = options.tagId;
    }
    if (options.q) {
      where.push(
        `(c.name LIKE @q OR ct.name LIKE @q OR ct.notify LIKE @q OR ct.verified_name LIKE @q OR c.jid LIKE @q)`,
      );
      params.q = `%${options.q.replace(/[%_]/g, '')}%`;
    }
    if (options.cursor) {
      const [at, session, jid] = decodeCursor(options.cursor);
      // Written as a range on the order expression so the index walk starts at the cursor
      // (a row-value comparison on an expression index would filter from the top instead).
      where.push(
        `${ORDER_AT} <= @cAt AND (${ORDER_AT} < @cAt OR ` +
          (options.sessionId === session ? 'c.jid < @cJid)' : '(c.session_id, c.jid) < (@cSession, @cJid))'),
      );
      Object.assign(params, { cAt: at, cSession: session, cJid: jid });
    }
    const rows = this.listStatement(where).all(params) as (Parameters<typeof parseChatRow>[0] & {
      displayName: string | null;
    })[];
    const page = rows.slice(0, options.limit);
    const items = page.map((raw) => toChat(parseChatRow(raw), raw.displayName));
    const last = page[page.length - 1];
    return {
      items,
      next: rows.length > options.limit && last ? encodeCursor(parseChatRow(last)) : null,
    };
  }

  /**
   * One prepared statement per filter combination (a handful exist), kept for reuse. It walks
   * chats_session_order_idx / chats_order_idx in order: no sort (query-plans.test.ts).
   */
  private listStatement(where: readonly string[]): Statement {
    const text = `SELECT ${CHAT_COLUMNS} FROM chats c
         LEFT JOIN contacts ct ON ct.session_id = c.session_id AND ct.jid = c.jid
         ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
         ORDER BY ${ORDER_AT} DESC, c.session_id DESC, c.jid DESC
         LIMIT @limit`;
    let statement = this.listStatements.get(text);
    if (!statement) {
      statement = this.db.$client.prepare(text);
      this.listStatements.set(text, statement);
    }
    return statement;
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
        `SELECT raw FROM messages WHERE session_id = ? AND chat_jid = ? AND from_me = 0 AND raw IS NOT NULL
         ORDER BY timestamp DESC LIMIT ?`,
      )
      .all(sessionId, jid, Math.min(Math.max(chat.unreadCount, 1), 500)) as { raw: Buffer }[];
    if (this.actions.isConnected(sessionId))
      await this.actions.markRead(
        sessionId,
        unread.map((row) => row.raw),
      );
    return this.update(sessionId, jid, 'unread_count = 0');
  }

  async presence(sessionId: string, jid: string, state: PresenceState): Promise<void> {
    await this.actions.presence(sessionId, jid, state);
  }

  setArchived(sessionId: string, jid: string, archived: boolean): Chat {
    this.get(sessionId, jid);
    return this.update(sessionId, jid, 'archived = @value', archived ? 1 : 0);
  }

  setPinned(sessionId: string, jid: string, pinned: boolean): Chat {
    this.get(sessionId, jid);
    return this.update(sessionId, jid, 'pinned_at = @value', pinned ? Date.now() : null);
  }

  setMuted(sessionId: string, jid: string, until: number | null): Chat {
    this.get(sessionId, jid);
    return this.update(sessionId, jid, 'muted_until = @value', until);
  }

  /**
   * Chat metadata WhatsApp syncs (names, archive, pin, mute) from the phone. A few chats at a
   * time are live changes (archived on the phone, renamed): each chat that really changed is
   * announced as `chat.updated` so open inboxes and webhooks follow. Bigger batches are the
   * first sync after linking, which the history events already announce.
   */
  applyMeta(sessionId: string, metas: readonly ChatMeta[]): void {
    const upsert = this.db.$client.prepare(
      `INSERT INTO chats (session_id, jid, kind, name, archived, pinned_at, muted_until, unread_count)
       VALUES (@sessionId, @jid, @kind, @name, coalesce(@archived, 0), @pinnedAt, @mutedUntil, coalesce(@unreadCount, 0))
       ON CONFLICT (session_id, jid) DO UPDATE SET
         name = coalesce(@name, name), archived = coalesce(@archived, archived),
         pinned_at = coalesce(@pinnedAt, pinned_at), muted_until = coalesce(@mutedUntil, muted_until),
         unread_count = coalesce(@unreadCount, unread_count)`,
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
        });
        if (!announce) continue;
        const after = this.get(sessionId, meta.jid);
        if (JSON.stringify(before) !== JSON.stringify(after))
          this.events.record('chat.updated', sessionId, after);
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
