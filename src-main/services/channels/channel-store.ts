/**
 * The channels a number follows or owns (migration 0043) and their posts' reaction counts. WhatsApp
 * has no "my channels" call, so this is the record of what was followed, created or unfollowed
 * here. Each channel also has a chat (kind `newsletter`) holding its posts: read-only unless the
 * number owns the channel, so only an owner gets a composer and `messages.send` refuses the rest.
 */
import {
  CHANNEL_LINK_PREFIX,
  type Channel,
  type ChannelPostCounts,
} from '../../../src-shared/contract/channels.js';
import type { Db } from '../../db/connection.js';
import type { ChannelInfo, ChannelPostUpdate } from '../../wa/channel-actions.js';

interface ChannelRowRaw {
  jid: string;
  name: string;
  description: string;
  invite_code: string | null;
  role: 'owner' | 'follower';
  followers: number | null;
  followed_at: number;
  unread_count: number | null;
  last_message_at: number | null;
  last_message_preview: string | null;
}

const SELECT = `SELECT c.jid, c.name, c.description, c.invite_code, c.role, c.followers, c.followed_at,
    ch.unread_count, ch.last_message_at, ch.last_message_preview
  FROM channels c LEFT JOIN chats ch ON ch.session_id = c.session_id AND ch.jid = c.jid`;

function toChannel(session: string, row: ChannelRowRaw): Channel {
  return {
    session,
    jid: row.jid,
    name: row.name,
    description: row.description,
    inviteLink: row.invite_code ? `${CHANNEL_LINK_PREFIX}${row.invite_code}` : null,
    role: row.role,
    followers: row.followers,
    followedAt: row.followed_at,
    unreadCount: row.unread_count ?? 0,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
  };
}

function countsOf(messageId: string, serverId: string, reactions: Record<string, number>): ChannelPostCounts {
  const list = Object.entries(reactions)
    .map(([emoji, count]) => ({ emoji, count }))
    .sort((a, b) => b.count - a.count || a.emoji.localeCompare(b.emoji));
  return { messageId, serverId, reactions: list, total: list.reduce((sum, r) => sum + r.count, 0) };
}

export class ChannelStore {
  constructor(private readonly db: Db) {}

  private get sqlite() {
    return this.db.$client;
  }

  list(session: string): Channel[] {
    const rows = this.sqlite
      .prepare(
        `${SELECT} WHERE c.session_id = ? ORDER BY COALESCE(ch.last_message_at, c.followed_at) DESC, c.jid`,
      )
      .all(session) as ChannelRowRaw[];
    return rows.map((row) => toChannel(session, row));
  }

  get(session: string, jid: string): Channel | null {
    const row = this.sqlite.prepare(`${SELECT} WHERE c.session_id = ? AND c.jid = ?`).get(session, jid) as
      ChannelRowRaw | undefined;
    return row ? toChannel(session, row) : null;
  }

  /** Writes the channel and its chat (read-only unless owned); call inside a transaction. */
  put(session: string, info: ChannelInfo, role: 'owner' | 'follower', followedAt: number): void {
    this.sqlite
      .prepare(
        `INSERT INTO channels (session_id, jid, name, description, invite_code, role, followers, followed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id, jid) DO UPDATE SET name = excluded.name, description = excluded.description,
           invite_code = excluded.invite_code, role = excluded.role, followers = excluded.followers`,
      )
      .run(session, info.jid, info.name, info.description, info.inviteCode, role, info.followers, followedAt);
    this.sqlite
      .prepare(
        `INSERT INTO chats (session_id, jid, kind, name, read_only) VALUES (?, ?, 'newsletter', ?, ?)
         ON CONFLICT (session_id, jid) DO UPDATE SET name = excluded.name, read_only = excluded.read_only`,
      )
      .run(session, info.jid, info.name, role === 'owner' ? 0 : 1);
  }

  /** The owner renamed the channel or changed its description; call inside a transaction. */
  rename(session: string, jid: string, name: string, description: string): void {
    this.sqlite
      .prepare(`UPDATE channels SET name = ?, description = ? WHERE session_id = ? AND jid = ?`)
      .run(name, description, session, jid);
    this.sqlite.prepare(`UPDATE chats SET name = ? WHERE session_id = ? AND jid = ?`).run(name, session, jid);
  }

  /** Forgets the channel (its chat and posts stay, read-only); call inside a transaction. */
  remove(session: string, jid: string): void {
    this.sqlite.prepare(`DELETE FROM channels WHERE session_id = ? AND jid = ?`).run(session, jid);
    this.sqlite.prepare(`UPDATE chats SET read_only = 1 WHERE session_id = ? AND jid = ?`).run(session, jid);
  }

  /** Stores the counts WhatsApp gave and answers them, newest post first. */
  putCounts(session: string, jid: string, updates: ChannelPostUpdate[], at: number): ChannelPostCounts[] {
    const upsert = this.sqlite.prepare(
      `INSERT INTO channel_posts (session_id, channel_jid, message_id, server_id, reactions, counted_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (session_id, channel_jid, message_id) DO UPDATE SET server_id = excluded.server_id,
         reactions = excluded.reactions, counted_at = excluded.counted_at`,
    );
    for (const update of updates) {
      upsert.run(session, jid, update.messageId, update.serverId, JSON.stringify(update.reactions), at);
    }
    return this.counts(session, jid);
  }

  counts(session: string, jid: string): ChannelPostCounts[] {
    const rows = this.sqlite
      .prepare(
        `SELECT message_id, server_id, reactions FROM channel_posts WHERE session_id = ? AND channel_jid = ?
         ORDER BY CAST(server_id AS INTEGER) DESC`,
      )
      .all(session, jid) as Array<{ message_id: string; server_id: string; reactions: string }>;
    return rows.map((row) =>
      countsOf(row.message_id, row.server_id, JSON.parse(row.reactions) as Record<string, number>),
    );
  }
}
