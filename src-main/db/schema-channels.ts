/** Channels (WhatsApp newsletters) a number follows or owns, and their posts' counts (migration 0043). */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const channels = sqliteTable(
  'channels',
  {
    sessionId: text('session_id').notNull(),
    jid: text('jid').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The code of `https://whatsapp.com/channel/<code>`. */
    inviteCode: text('invite_code'),
    /** `owner`: the number posts; `follower`: it reads. */
    role: text('role', { enum: ['owner', 'follower'] }).notNull(),
    /** Followers as WhatsApp last said. */
    followers: integer('followers'),
    /** Unix ms the number followed or created it. */
    followedAt: integer('followed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.jid] })],
);

export const channelPosts = sqliteTable(
  'channel_posts',
  {
    sessionId: text('session_id').notNull(),
    channelJid: text('channel_jid').notNull(),
    /** The post's message id (the message row in `messages`). */
    messageId: text('message_id').notNull(),
    /** WhatsApp's sequence number of the post in the channel; reactions address it. */
    serverId: text('server_id').notNull(),
    /** JSON `{emoji: count}` as WhatsApp last counted. */
    reactions: text('reactions').notNull().default('{}'),
    /** Unix ms the counts were read; null before the first read. */
    countedAt: integer('counted_at'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.channelJid, t.messageId] })],
);
