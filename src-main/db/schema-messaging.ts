/**
 * WhatsApp data of every session: contacts (phone and LID identities merged), chats with
 * their maintained summary (unread count, last message), messages, reactions, groups and
 * calls. Full-text search over message text is the FTS5 table `messages_fts`, kept in sync by
 * triggers (hand-written migrations `0004_messages_fts.sql`, `0010_search_unspaced_scripts.sql`).
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import type { MediaInfo } from '../../src-shared/messages.js';

const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const contacts = sqliteTable(
  'contacts',
  {
    sessionId: text('session_id').notNull(),
    /** The phone-number JID when known, else the LID JID. */
    jid: text('jid').notNull(),
    lid: text('lid'),
    phone: text('phone'),
    /** The name saved in the phone's address book. */
    name: text('name'),
    /** The profile name the contact chose (pushName / notify). */
    notify: text('notify'),
    verifiedName: text('verified_name'),
    updatedAt: text('updated_at').notNull().default(nowIso),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.jid] }), index('contacts_lid_idx').on(t.sessionId, t.lid)],
);

/**
 * What we last learnt about a contact's (or group's) profile picture, per session: the picture
 * itself (in the media store, by `sha256`) or that there is none (`sha256` null). Answers are
 * reused until `refresh_after`; a picture change WhatsApp announces sets it to 0.
 */
export const contactAvatars = sqliteTable(
  'contact_avatars',
  {
    sessionId: text('session_id').notNull(),
    jid: text('jid').notNull(),
    /** The picture's bytes in the media store; null when the contact has no picture we may see. */
    sha256: text('sha256'),
    mimetype: text('mimetype'),
    /** Unix milliseconds of the answer. */
    fetchedAt: integer('fetched_at').notNull(),
    /** Unix milliseconds after which WhatsApp is asked again. */
    refreshAfter: integer('refresh_after').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.jid] })],
);

export const chats = sqliteTable(
  'chats',
  {
    sessionId: text('session_id').notNull(),
    jid: text('jid').notNull(),
    kind: text('kind', { enum: ['user', 'group', 'newsletter', 'broadcast'] }).notNull(),
    name: text('name'),
    unreadCount: integer('unread_count').notNull().default(0),
    lastMessageId: text('last_message_id'),
    /** Unix milliseconds of the newest message; orders the chat list. */
    lastMessageAt: integer('last_message_at'),
    lastMessagePreview: text('last_message_preview'),
    lastMessageFromMe: integer('last_message_from_me', { mode: 'boolean' }),
    lastMessageStatus: text('last_message_status'),
    /**
     * The last message's kind and the values its preview names, kept from `messages` (migration
     * 0054; services/messages/last-message-kind.ts). Type NULL: no last message stored.
     */
    lastMessageType: text('last_message_type'),
    lastMessageText: text('last_message_text'),
    lastMessageRevoked: integer('last_message_revoked'),
    lastMessageSender: text('last_message_sender'),
    lastMessageSenderName: text('last_message_sender_name'),
    lastMessageFileName: text('last_message_file_name'),
    lastMessageSeconds: real('last_message_seconds'),
    lastMessageVoiceNote: integer('last_message_voice_note'),
    lastMessageVideoNote: integer('last_message_video_note'),
    lastMessagePollName: text('last_message_poll_name'),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    pinnedAt: integer('pinned_at'),
    mutedUntil: integer('muted_until'),
    readOnly: integer('read_only', { mode: 'boolean' }).notNull().default(false),
    /** Disappearing messages: the chat's timer in seconds, 0 when off (migration 0038). */
    ephemeralSeconds: integer('ephemeral_seconds').notNull().default(0),
    updatedAt: text('updated_at').notNull().default(nowIso),
    /** Assignment (migration 0021, services/assignment/): open, pending (snoozed) or resolved. */
    status: text('status', { enum: ['open', 'pending', 'resolved'] })
      .notNull()
      .default('open'),
    /** Unix ms a pending chat wakes up (becomes open) at; null when not snoozed. */
    snoozedUntil: integer('snoozed_until'),
    /** The person who owns the chat, and the team it belongs to (either, both, or neither). */
    assigneeUserId: text('assignee_user_id'),
    assigneeTeamId: text('assignee_team_id'),
    /**
     * Every name the list's name filter reads besides the JID (the chat's, its contact's saved,
     * profile and verified names) joined by U+001F, kept by triggers (migration 0048), so the
     * filter is checked from the order indexes alone (services/chats/list/name-match.ts).
     */
    nameText: text('name_text'),
    /**
     * 1 while the chat carries a tag, kept by triggers on `chat_tags` (migration 0060), so a
     * chat-list page reads the tags of tagged chats only (services/organize/chat-tags-column.ts).
     */
    tagged: integer('tagged').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.jid] }),
    // The chat list's order (newest first, chats without messages last, ties by JID) as index
    // expressions, so every page of it is an index walk: one number's here; every number's is a
    // merge of chats_status_order_idx's three runs (migration 0044 dropped chats_order_idx).
    // Both indexes that hold every chat end with its names (migration 0048), for the name filter.
    index('chats_session_order_idx').on(t.sessionId, sql`coalesce(${t.lastMessageAt}, 0)`, t.jid, t.nameText),
    // The same order holding only the chats in a sparse state (migration 0011), so a filter on
    // it walks matching chats only (services/chats/list/).
    ...sparseOrderIndexes('unread', 'unread_count', sql`${t.unreadCount} > 0`),
    ...sparseOrderIndexes('archived', 'archived', sql`${t.archived} = 1`),
    ...sparseOrderIndexes('pinned', 'pinned_at', sql`${t.pinnedAt} IS NOT NULL`),
    index('chats_kind_session_order_idx')
      .on(t.sessionId, t.kind, sql`coalesce(${t.lastMessageAt}, 0)`, t.jid)
      .where(sql`${t.kind} <> 'user'`),
    index('chats_kind_order_idx')
      .on(t.kind, sql`coalesce(${t.lastMessageAt}, 0)`, t.sessionId, t.jid)
      .where(sql`${t.kind} <> 'user'`),
    // The inbox views (Mine, Unassigned, a team; each per status) in list order (migration 0021),
    // with the assignee columns after the order so their counts read the index alone (0026).
    index('chats_mine_order_idx')
      .on(t.assigneeUserId, t.status, sql`coalesce(${t.lastMessageAt}, 0)`, t.sessionId, t.jid)
      .where(sql`${t.assigneeUserId} IS NOT NULL`),
    index('chats_unassigned_order_idx')
      .on(
        t.status,
        sql`coalesce(${t.lastMessageAt}, 0)`,
        t.sessionId,
        t.jid,
        t.assigneeUserId,
        t.assigneeTeamId,
      )
      .where(sql`${t.assigneeUserId} IS NULL`),
    index('chats_team_order_idx')
      .on(
        t.assigneeTeamId,
        t.status,
        sql`coalesce(${t.lastMessageAt}, 0)`,
        t.sessionId,
        t.jid,
        t.assigneeUserId,
      )
      .where(sql`${t.assigneeTeamId} IS NOT NULL`),
    index('chats_status_order_idx').on(
      t.status,
      sql`coalesce(${t.lastMessageAt}, 0)`,
      t.sessionId,
      t.jid,
      t.assigneeUserId,
      t.assigneeTeamId,
      t.nameText,
    ),
    // A person's or a team's chats in any status, in list order (migration 0025).
    index('chats_assignee_order_idx')
      .on(t.assigneeUserId, sql`coalesce(${t.lastMessageAt}, 0)`, t.sessionId, t.jid, t.status)
      .where(sql`${t.assigneeUserId} IS NOT NULL`),
    index('chats_team_any_order_idx')
      .on(t.assigneeTeamId, sql`coalesce(${t.lastMessageAt}, 0)`, t.sessionId, t.jid, t.status)
      .where(sql`${t.assigneeTeamId} IS NOT NULL`),
    // Reports' "waiting now" (migration 0040): only the open customer chats whose newest message
    // is the customer's, by number and assignee; the condition's columns last, so it covers.
    index('chats_waiting_idx')
      .on(
        t.sessionId,
        t.assigneeUserId,
        t.assigneeTeamId,
        t.lastMessageAt,
        t.status,
        t.kind,
        t.lastMessageFromMe,
      )
      .where(
        sql`${t.status} = 'open' AND ${t.kind} = 'user' AND ${t.lastMessageFromMe} = 0 AND ${t.lastMessageAt} IS NOT NULL`,
      ),
  ],
);

/**
 * One index per list (one session, every session) over the chats for which `where` holds; the
 * state's `column` last, so counting the set reads the index alone.
 */
function sparseOrderIndexes(state: string, column: string, where: SQL) {
  const at = sql`coalesce("last_message_at", 0)`;
  const [session, jid, last] = ['session_id', 'jid', column].map((name) => sql`${sql.identifier(name)}`) as [
    SQL,
    SQL,
    SQL,
  ];
  return [
    index(`chats_${state}_session_order_idx`).on(session, at, jid, last).where(where),
    index(`chats_${state}_order_idx`).on(at, session, jid, last).where(where),
  ];
}

/**
 * A stable integer key per chat for the trigram name index `chat_names_fts` (its rowid; chats'
 * own rowid may change on VACUUM). Rows, the index and the `chat_search_documents` view are kept
 * by the triggers of migration 0011 (hand-written, like messages_fts); 0025 ends each document
 * with two line breaks and adds `chat_names_vocab` (the index's terms, for 1–2 character names);
 * 0044 rebuilds the index without positions (`detail=none`: smaller, cheaper to write).
 */
export const chatSearchKeys = sqliteTable(
  'chat_search_keys',
  {
    /** Never reused (AUTOINCREMENT), so an index entry left by a deleted chat matches no key. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id').notNull(),
    jid: text('jid').notNull(),
  },
  (t) => [uniqueIndex('chat_search_keys_chat_idx').on(t.sessionId, t.jid)],
);

export const messages = sqliteTable(
  'messages',
  {
    /** Integer key shared with messages_fts (its rowid). */
    rowId: integer('row_id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    /** WhatsApp's message id. */
    id: text('id').notNull(),
    fromMe: integer('from_me', { mode: 'boolean' }).notNull(),
    /** Who wrote it: the contact in 1:1 chats, the participant in groups, us when fromMe. */
    senderJid: text('sender_jid'),
    senderName: text('sender_name'),
    type: text('type').notNull(),
    /** Text, or the caption of media; what full-text search indexes. */
    text: text('text'),
    media: text('media', { mode: 'json' }).$type<MediaInfo>(),
    /** Type-specific content (location, contact cards, poll, …). */
    content: text('content', { mode: 'json' }).$type<Record<string, unknown>>(),
    quotedId: text('quoted_id'),
    mentions: text('mentions', { mode: 'json' }).$type<string[]>(),
    status: text('status').notNull(),
    /** Unix milliseconds, WhatsApp's timestamp. */
    timestamp: integer('timestamp').notNull(),
    editedAt: integer('edited_at'),
    revokedAt: integer('revoked_at'),
    forwarded: integer('forwarded', { mode: 'boolean' }).notNull().default(false),
    /** The WebMessageInfo protobuf, to answer retry requests and re-download media. */
    raw: blob('raw', { mode: 'buffer' }),
    /** Who sent it from Chatdock (an `Actor` as JSON, migration 0013); null for others' messages and the phone's. */
    sentBy: text('sent_by', { mode: 'json' }).$type<{ type: string; id: string | null; name: string }>(),
    /** When it was starred on the number (here, on the phone or a linked device; migration 0034). */
    starredAt: integer('starred_at'),
    /**
     * Unused. It was when the row was stored (a `strftime` default, 24 bytes a row); nothing read
     * it (a message's time is WhatsApp's `timestamp`), so rows are written with an empty string
     * since session 20 (`slice-rows.ts`: no bytes, no `strftime` per insert) and no read selects
     * it. The column stays because dropping it rewrites every row of the table at start-up
     * (minutes and gigabytes of WAL at 10M messages, for no page freed: docs/PERFORMANCE.md,
     * session 18); older rows keep their time in it.
     */
    createdAt: text('created_at').notNull().default(nowIso),
  },
  (t) => [
    // Session and id first (migration 0056): the API addresses a message by them alone
    // (GET /sessions/{id}/messages/{msgId}), and the identity check adds the chat.
    uniqueIndex('messages_identity_idx').on(t.sessionId, t.id, t.chatJid),
    index('messages_chat_time_idx').on(t.sessionId, t.chatJid, t.timestamp),
    // The few messages still waiting for their content, counted for /health without a scan.
    index('messages_waiting_idx')
      .on(t.sessionId)
      .where(sql`${t.type} = 'waiting'`),
    // Reports (migration 0023, services/reports/): a number's messages of a period in time order,
    // incoming and ours in separate partial indexes, each covering what the report reads.
    index('messages_report_in_idx')
      .on(t.sessionId, t.timestamp, t.chatJid, t.fromMe, t.type)
      .where(sql`${t.fromMe} = 0 AND ${t.type} <> 'waiting'`),
    index('messages_report_out_idx')
      .on(t.sessionId, t.timestamp, t.chatJid, t.sentBy, t.fromMe)
      .where(sql`${t.fromMe} = 1`),
    // A chat's starred messages (the "Starred" view), newest first.
    index('messages_starred_idx')
      .on(t.sessionId, t.chatJid, t.timestamp)
      .where(sql`${t.starredAt} IS NOT NULL`),
    // Messages of a kind Chatdock could not show when they came, read again at start (migration 0038).
    index('messages_unknown_idx')
      .on(t.rowId)
      .where(sql`${t.type} = 'unknown'`),
  ],
);

export const messageReactions = sqliteTable(
  'message_reactions',
  {
    sessionId: text('session_id').notNull(),
    chatJid: text('chat_jid').notNull(),
    messageId: text('message_id').notNull(),
    senderJid: text('sender_jid').notNull(),
    emoji: text('emoji').notNull(),
    timestamp: integer('timestamp').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.chatJid, t.messageId, t.senderJid] })],
);

export const groups = sqliteTable(
  'groups',
  {
    sessionId: text('session_id').notNull(),
    jid: text('jid').notNull(),
    kind: text('kind', { enum: ['group', 'newsletter'] }).notNull(),
    subject: text('subject').notNull(),
    description: text('description'),
    ownerJid: text('owner_jid'),
    /** Only admins may send (WhatsApp's "announce" setting, or a channel we do not own). */
    announce: integer('announce', { mode: 'boolean' }).notNull().default(false),
    /** Only admins may edit group info. */
    restrict: integer('restrict', { mode: 'boolean' }).notNull().default(false),
    isCommunity: integer('is_community', { mode: 'boolean' }).notNull().default(false),
    participantCount: integer('participant_count').notNull().default(0),
    createdAtWa: integer('created_at_wa'),
    updatedAt: text('updated_at').notNull().default(nowIso),
    /** Admins approve who joins by link. */
    joinApproval: integer('join_approval', { mode: 'boolean' }).notNull().default(false),
    /** The invite code, once an admin asked for it or WhatsApp announced a new one. */
    inviteCode: text('invite_code'),
    /** How WhatsApp names the participants: by phone number or by LID. */
    addressing: text('addressing', { enum: ['pn', 'lid'] })
      .notNull()
      .default('pn'),
    /** Unix ms of the last full fetch from WhatsApp; events keep the row current in between. */
    fetchedAt: integer('fetched_at'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.jid] })],
);

export const groupParticipants = sqliteTable(
  'group_participants',
  {
    sessionId: text('session_id').notNull(),
    groupJid: text('group_jid').notNull(),
    jid: text('jid').notNull(),
    role: text('role', { enum: ['member', 'admin', 'superadmin'] }).notNull(),
    /** The participant's LID where known (`jid` is the phone-number JID when that is known). */
    lid: text('lid'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.groupJid, t.jid] })],
);

/** People waiting for an admin's approval to join a group by link (removed once decided). */
export const groupJoinRequests = sqliteTable(
  'group_join_requests',
  {
    sessionId: text('session_id').notNull(),
    groupJid: text('group_jid').notNull(),
    /** The phone-number JID when known, else the LID. */
    jid: text('jid').notNull(),
    lid: text('lid'),
    /** How they asked (`invite_link`, …). */
    method: text('method'),
    /** Unix ms. */
    requestedAt: integer('requested_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.groupJid, t.jid] })],
);

export const calls = sqliteTable(
  'calls',
  {
    sessionId: text('session_id').notNull(),
    id: text('id').notNull(),
    peerJid: text('peer_jid').notNull(),
    isVideo: integer('is_video', { mode: 'boolean' }).notNull(),
    isGroup: integer('is_group', { mode: 'boolean' }).notNull(),
    status: text('status').notNull(),
    timestamp: integer('timestamp').notNull(),
    rejectMessage: text('reject_message'),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.id] }),
    index('calls_time_idx').on(t.sessionId, t.timestamp),
    // GET /calls: every number's calls in time order (migration 0029).
    index('calls_at_idx').on(t.timestamp),
  ],
);

/** Downloaded media, content-addressed by the SHA-256 of the plaintext bytes. */
export const mediaFiles = sqliteTable('media_files', {
  sha256: text('sha256').primaryKey(),
  mimetype: text('mimetype').notNull(),
  size: integer('size').notNull(),
  createdAt: text('created_at').notNull().default(nowIso),
});

/** First answers of send requests that carried an Idempotency-Key, so retries send nothing twice. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    response: text('response', { mode: 'json' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export type ChatRow = typeof chats.$inferSelect;
/** A message as read: every column but the unused `created_at`, which no read selects. */
export type MessageRow = Omit<typeof messages.$inferSelect, 'createdAt'>;
export type ContactRow = typeof contacts.$inferSelect;
export type ContactAvatarRow = typeof contactAvatars.$inferSelect;
export type GroupRow = typeof groups.$inferSelect;
