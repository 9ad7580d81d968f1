import type { Statement } from 'better-sqlite3';
import {
  messagePreview,
  statusRank,
  type Message,
  type MessageStatus,
} from '../../../src-shared/messages.js';
import { jidKind } from '../../../src-shared/jid.js';
import { PHONE_ACTOR, SYSTEM_ACTOR } from '../../../src-shared/contract/people.js';
import type { Db } from '../../db/connection.js';
import type { ChatRow, MessageRow } from '../../db/schema.js';
import type { MessageRecord, PollVote } from '../../wa/message-mapping.js';
import type { EventRecorder } from '../events/event-recorder.js';
import { KEPT_KIND_COLUMNS, KIND_KEYS, keptKind, kindParams, kindValuesOf } from './last-message-kind.js';
import { toChat, toMessage, type ReactionRow } from './message-rows.js';
import { CONTACT_JOIN, SUMMARY_COLUMNS, summaryRow } from './chat-summary-row.js';
import { withVote } from './poll-tally.js';
import { SliceWrites, type SliceSummary } from './slice-writes.js';
import { inBulkSlice } from '../../db/bulk-slice.js';
import {
  MESSAGE_INSERT_COLUMNS,
  MESSAGE_INSERT_PLACEHOLDERS,
  SliceRows,
  messageValues,
} from './slice-rows.js';
import { rawOf, repackRaw } from './raw-pack.js';
import { senderColumn } from './message-sender.js';
import { mediaJson, mediaOf } from './media-json.js';

/** What became of a poll vote (the sink logs all but `counted`). */
type PollVoteOutcome = 'counted' | 'unchanged' | 'poll-not-found' | 'undecryptable';

/** Live messages are announced one by one; history sync arrives in bulk and is announced once. */
type IngestSource = 'live' | 'history';

const MESSAGE_COLUMNS = `row_id AS rowId, session_id AS sessionId, chat_jid AS chatJid, id, from_me AS fromMe,
  ${senderColumn()} AS senderJid, sender_name AS senderName, type, text, media, content, quoted_id AS quotedId,
  mentions, status, timestamp, edited_at AS editedAt, revoked_at AS revokedAt, forwarded, raw, sent_by AS sentBy,
  starred_at AS starredAt`;

interface RawMessageRow extends Omit<
  MessageRow,
  'fromMe' | 'forwarded' | 'media' | 'content' | 'mentions' | 'sentBy'
> {
  sentBy: string | null;
  fromMe: number;
  forwarded: number;
  media: string | null;
  content: string | null;
  mentions: string | null;
}

/**
 * A stored row as the services read it. Built field by field, not by spreading `raw`: a spread
 * copies the row's hidden class, so each row shape read (a page's, a search hit's with its `hit`
 * column, …) made the code after it polymorphic, and when V8 deoptimized the spread after a
 * change of shape, each row was copied in the runtime until it optimized again (bench case 5's
 * first query, docs/PERFORMANCE.md session 20).
 */
export function parseMessageRow(raw: RawMessageRow): MessageRow {
  return {
    rowId: raw.rowId,
    sessionId: raw.sessionId,
    chatJid: raw.chatJid,
    id: raw.id,
    senderJid: raw.senderJid,
    senderName: raw.senderName,
    type: raw.type,
    text: raw.text,
    quotedId: raw.quotedId,
    status: raw.status,
    timestamp: raw.timestamp,
    editedAt: raw.editedAt,
    revokedAt: raw.revokedAt,
    raw: raw.raw,
    starredAt: raw.starredAt,
    fromMe: raw.fromMe === 1,
    forwarded: raw.forwarded === 1,
    media: raw.media ? mediaOf(raw.media) : null,
    content: raw.content ? (JSON.parse(raw.content) as MessageRow['content']) : null,
    mentions: raw.mentions ? (JSON.parse(raw.mentions) as string[]) : null,
    sentBy: raw.sentBy ? (JSON.parse(raw.sentBy) as MessageRow['sentBy']) : null,
  };
}

/**
 * Stores messages exactly once (unique on session + chat + WhatsApp id, whatever path they
 * arrive by), keeps each chat's summary row current in the same transaction, and records one
 * event per new fact. Prepared statements throughout: this is the ingest hot path.
 */
export class MessageStore {
  private readonly insertMessage: Statement;
  private readonly selectMessage: Statement<[string, string, string]>;
  private readonly upsertChat: Statement;
  /** A history slice's report marks and chat summaries, set-wise once per slice. */
  private readonly sliceWrites: SliceWrites;
  /** A history slice's message rows, inserted by one statement per slice. */
  private readonly sliceRows: SliceRows;
  private readonly selectChat: Statement<[string, string]>;
  private readonly selectReactions: Statement<[string, string, string]>;
  // Prepared once: status receipts and reactions arrive as often as messages do.
  private readonly byId: Statement<[string, string]>;
  private readonly updateStatus: Statement<[string, string, string, string]>;
  private readonly updateChatStatus: Statement<[string, string, string, string]>;
  private readonly selectReaction: Statement<[string, string, string, string]>;
  private readonly upsertReaction: Statement<[string, string, string, string, string, number]>;
  private readonly deleteReaction: Statement<[string, string, string, string]>;
  private readonly deleteHidden: Statement<[string, string, string, number]>;
  private readonly updateContent: Statement<[string, number]>;
  private readonly deleteWaiting: Statement<[string, string, string]>;
  private readonly countWaiting: Statement<[], { count: number }>;

  constructor(
    private readonly db: Db,
    private readonly events: EventRecorder,
    /**
     * The highest row id of a session's hidden messages (services/hidden-history.ts; 0: none):
     * rows of a deleted session with the same id that the background removal has not reached.
     */
    private readonly hiddenThrough: (sessionId: string) => number = () => 0,
  ) {
    const sqlite = db.$client;
    this.insertMessage = sqlite.prepare(
      `INSERT INTO messages (${MESSAGE_INSERT_COLUMNS})
       VALUES (${MESSAGE_INSERT_PLACEHOLDERS})
       ON CONFLICT (session_id, chat_jid, id) DO NOTHING`,
    );
    this.selectMessage = sqlite.prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE session_id = ? AND chat_jid = ? AND id = ?`,
    );
    // The summary moves only forward in time: history older than the last message leaves it be.
    // The last message's kind values (migration 0054) move with it, in the same statement.
    const newer = (column: string, param: string) =>
      `${column} = CASE WHEN @timestamp >= coalesce(last_message_at, 0) THEN @${param} ELSE ${column} END`;
    this.upsertChat = sqlite.prepare(
      `INSERT INTO chats (session_id, jid, kind, unread_count, last_message_id, last_message_at, last_message_preview,
         last_message_from_me, last_message_status, updated_at, ${KEPT_KIND_COLUMNS.join(', ')})
       VALUES (@sessionId, @chatJid, @kind, @unread, @id, @timestamp, @preview, @fromMe, @status, @now,
         ${KIND_KEYS.map((key) => `@k_${key}`).join(', ')})
       ON CONFLICT (session_id, jid) DO UPDATE SET
         unread_count = CASE WHEN @reset = 1 THEN 0 ELSE unread_count + @unread END,
         ${newer('last_message_id', 'id')},
         ${newer('last_message_preview', 'preview')},
         ${newer('last_message_from_me', 'fromMe')},
         ${newer('last_message_status', 'status')},
         ${KEPT_KIND_COLUMNS.map((column, i) => newer(column, `k_${KIND_KEYS[i]}`)).join(',\n         ')},
         last_message_at = max(coalesce(last_message_at, 0), @timestamp),
         archived = CASE WHEN @unread > 0 THEN 0 ELSE archived END,
         updated_at = @now`,
    );
    this.sliceWrites = new SliceWrites(sqlite);
    this.sliceRows = new SliceRows(sqlite);
    this.selectChat = sqlite
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM chats c ${CONTACT_JOIN} WHERE c.session_id = ? AND c.jid = ?`)
      .raw(true);
    this.selectReactions = sqlite.prepare(
      `SELECT sender_jid, emoji, timestamp FROM message_reactions
       WHERE session_id = ? AND chat_jid = ? AND message_id = ? ORDER BY timestamp`,
    );
    this.byId = sqlite.prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE session_id = ? AND id = ? ORDER BY timestamp DESC LIMIT 1`,
    );
    this.updateStatus = sqlite.prepare(
      `UPDATE messages SET status = ? WHERE session_id = ? AND chat_jid = ? AND id = ?`,
    );
    this.updateContent = sqlite.prepare(`UPDATE messages SET content = ? WHERE row_id = ?`);
    this.deleteWaiting = sqlite.prepare(
      `DELETE FROM messages WHERE session_id = ? AND chat_jid = ? AND id = ? AND type = 'waiting'`,
    );
    // Over the partial index messages_waiting_idx: as cheap with 10M messages as with none.
    this.countWaiting = sqlite.prepare(
      `SELECT count(*) AS count FROM messages INDEXED BY messages_waiting_idx WHERE type = 'waiting'`,
    );
    this.updateChatStatus = sqlite.prepare(
      `UPDATE chats SET last_message_status = ? WHERE session_id = ? AND jid = ? AND last_message_id = ?`,
    );
    this.selectReaction = sqlite.prepare(
      `SELECT emoji FROM message_reactions WHERE session_id = ? AND chat_jid = ? AND message_id = ? AND sender_jid = ?`,
    );
    this.upsertReaction = sqlite.prepare(
      `INSERT INTO message_reactions (session_id, chat_jid, message_id, sender_jid, emoji, timestamp)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET emoji = excluded.emoji, timestamp = excluded.timestamp`,
    );
    this.deleteReaction = sqlite.prepare(
      `DELETE FROM message_reactions WHERE session_id = ? AND chat_jid = ? AND message_id = ? AND sender_jid = ?`,
    );
    this.deleteHidden = sqlite.prepare(
      `DELETE FROM messages WHERE session_id = ? AND chat_jid = ? AND id = ? AND row_id <= ?`,
    );
  }

  /**
   * Stores what is new among `records` and returns the new messages. Live messages are
   * announced one by one (`message.received` / `message.sent`) plus `chat.updated`.
   * A history slice returns its messages only when asked (`messages: true`: the
   * `history.messages` event wants them); otherwise it builds one per chat (the preview), not
   * one per row that nothing read: garbage the collector's pauses paid for during a sync (issue
   * #23 target 5, session 25).
   */
  ingest(
    sessionId: string,
    records: readonly MessageRecord[],
    source: IngestSource,
    options: { messages?: boolean } = {},
  ): Message[] {
    const returnHistory = options.messages ?? false;
    return this.events.transaction(() => {
      const stored: Message[] = [];
      const touchedChats = new Set<string>();
      const now = new Date().toISOString();
      // History: each chat's summary is written once per slice, from its newest message.
      const newest = new Map<string, { record: MessageRecord; rowId: number; reset: boolean }>();
      // History: the earliest new message of each customer chat, for its report mark.
      const marks = new Map<string, number>();
      const hiddenThrough = this.hiddenThrough(sessionId);
      // What follows a record's insert; `rowId` 0: nothing was inserted (already stored).
      const storeOne = (record: MessageRecord, rowId: number) => {
        const waiting = record.type === 'waiting';
        if (rowId === 0) {
          // Already stored: Baileys may fold a receipt into a repeated upsert of the same
          // message (its event buffer merges them), so carry the status forward.
          this.applyStatus(sessionId, record.chatJid, record.id, record.status);
          return;
        }
        if (source === 'history' && !record.chatJid.endsWith('@g.us')) {
          const since = marks.get(record.chatJid);
          if (since === undefined || record.timestamp < since) marks.set(record.chatJid, record.timestamp);
        }
        // Not a message yet: no unread count, no chat preview, no event until its content comes.
        if (waiting) return;
        // The stored row is the record (nothing else wrote it), so it is not read back.
        if (source === 'history') {
          const seen = newest.get(record.chatJid);
          if (!seen || record.timestamp >= seen.record.timestamp) {
            newest.set(record.chatJid, { record, rowId, reset: record.fromMe || !!seen?.reset });
          } else if (record.fromMe) seen.reset = true;
          if (returnHistory) stored.push(toMessage(sessionId, recordRow(sessionId, record, rowId)));
          return;
        }
        // Only a live message may already have reactions (they can arrive before the message).
        const reactions = this.selectReactions.all(sessionId, record.chatJid, record.id) as ReactionRow[];
        const message = toMessage(sessionId, recordRow(sessionId, record, rowId), reactions);
        stored.push(message);
        this.touchChat(sessionId, message, record, record.fromMe ? 0 : 1, now);
        touchedChats.add(record.chatJid);
        this.events.record(
          // A channel's post is not a customer writing (no automation, assignment or webhook
          // reply acts on it): it has its own event (services/channels/).
          record.fromMe ? 'message.sent' : isChannel(record.chatJid) ? 'channel.message' : 'message.received',
          sessionId,
          message,
          // Our own message without a sender came from the phone itself; a received one is WhatsApp's.
          record.sentBy ?? (record.fromMe ? PHONE_ACTOR : SYSTEM_ACTOR),
        );
      };
      // A session created again with a deleted one's id (the same number linked again) gets
      // the same messages again: the old, hidden row would win the unique key and then be
      // removed in the background, so it makes way now.
      const dropHidden = (record: MessageRecord) => {
        if (hiddenThrough > 0) this.deleteHidden.run(sessionId, record.chatJid, record.id, hiddenThrough);
      };
      if (source === 'live') {
        for (const record of records) {
          dropHidden(record);
          // The content of a message shown as waiting has arrived: it takes the waiting row's place
          // and is announced now (the waiting row never was).
          if (record.type !== 'waiting') this.deleteWaiting.run(sessionId, record.chatJid, record.id);
          const inserted = this.insertMessage.run(...messageValues(sessionId, record));
          storeOne(record, inserted.changes === 0 ? 0 : Number(inserted.lastInsertRowid));
        }
      } else {
        // A slice's rows go in by one statement (slice-rows.ts) with the per-row report mark
        // trigger stepped aside; its marks and summaries are then written set-wise, in the same
        // transaction (slice-writes.ts).
        const rowIds = inBulkSlice(this.db.$client, () => {
          for (const record of records) dropHidden(record);
          return this.sliceRows.insert(sessionId, records);
        });
        records.forEach((record, i) => storeOne(record, rowIds[i] ?? 0));
        const summaries: SliceSummary[] = [];
        for (const { record, rowId, reset } of newest.values()) {
          // Each chat's newest message only: its preview.
          const message = toMessage(sessionId, recordRow(sessionId, record, rowId));
          summaries.push({
            jid: message.chat,
            kind: chatKind(message.chat),
            id: message.id,
            timestamp: record.timestamp,
            preview: messagePreview(message).slice(0, 200),
            fromMe: message.fromMe,
            status: message.status,
            reset,
            last: kindValuesOf(record),
          });
        }
        this.sliceWrites.write(sessionId, now, marks, summaries);
      }
      if (source === 'live') {
        for (const chatJid of touchedChats) {
          const chat = this.chat(sessionId, chatJid);
          if (chat) this.events.record('chat.updated', sessionId, chat);
        }
      }
      return stored;
    });
  }

  /** Messages still waiting for their content (shown as "Waiting for this message…"), all sessions. */
  waitingCount(): number {
    return this.countWaiting.get()?.count ?? 0;
  }

  get(sessionId: string, chatJid: string, id: string): Message | null {
    const row = this.row(sessionId, chatJid, id);
    if (!row) return null;
    return toMessage(sessionId, row, this.selectReactions.all(sessionId, chatJid, id) as ReactionRow[]);
  }

  /** A message addressed by id alone (ids are unique per chat; the newest wins a rare clash). */
  findById(sessionId: string, id: string): MessageRow | null {
    const raw = this.byId.get(sessionId, id) as RawMessageRow | undefined;
    return raw ? parseMessageRow(raw) : null;
  }

  row(sessionId: string, chatJid: string, id: string): MessageRow | null {
    const raw = this.selectMessage.get(sessionId, chatJid, id) as RawMessageRow | undefined;
    return raw ? parseMessageRow(raw) : null;
  }

  chat(sessionId: string, jid: string) {
    const values = this.selectChat.get(sessionId, jid) as unknown[] | undefined;
    if (!values) return null;
    const row = summaryRow(values);
    return toChat(row, row.displayName, keptKind(row));
  }

  /**
   * Moves a message's status forward (server → delivered → read → played), never back; `error`
   * (WhatsApp refused it) only replaces `pending`: once accepted, a message was sent.
   */
  applyStatus(sessionId: string, chatJid: string, id: string, status: MessageStatus): void {
    this.events.transaction(() => {
      const row = this.row(sessionId, chatJid, id);
      if (!row) return;
      const forward =
        status === 'error' ? row.status === 'pending' : statusRank(status) > statusRank(row.status);
      if (!forward) return;
      this.updateStatus.run(status, sessionId, chatJid, id);
      this.updateChatStatus.run(status, sessionId, chatJid, id);
      this.events.record('message.ack', sessionId, { id, chat: chatJid, status });
    });
  }

  /** A reaction (an empty emoji removes the sender's reaction). */
  applyReaction(
    sessionId: string,
    reaction: { chatJid: string; targetId: string; senderJid: string; emoji: string; timestamp: number },
  ): void {
    this.events.transaction(() => {
      const key = [sessionId, reaction.chatJid, reaction.targetId, reaction.senderJid] as const;
      const existing = this.selectReaction.get(...key) as { emoji: string } | undefined;
      if ((existing?.emoji ?? '') === reaction.emoji) return;
      if (reaction.emoji) this.upsertReaction.run(...key, reaction.emoji, reaction.timestamp);
      else this.deleteReaction.run(...key);
      this.events.record('message.reaction', sessionId, {
        id: reaction.targetId,
        chat: reaction.chatJid,
        sender: reaction.senderJid,
        emoji: reaction.emoji,
        removed: !reaction.emoji,
      });
    });
  }

  applyEdit(
    sessionId: string,
    edit: { chatJid: string; targetId: string; text: string; timestamp: number },
  ): void {
    this.events.transaction(() => {
      const row = this.row(sessionId, edit.chatJid, edit.targetId);
      if (!row || row.revokedAt !== null || (row.text === edit.text && row.editedAt !== null)) return;
      // The packed raw may take its text from the column: it keeps the original text instead.
      this.db.$client
        .prepare(`UPDATE messages SET text = ?, edited_at = ?, raw = ? WHERE row_id = ?`)
        .run(edit.text, edit.timestamp, repackRaw(row.raw, row, { ...row, text: edit.text }), row.rowId);
      const message = this.get(sessionId, edit.chatJid, edit.targetId);
      if (message) {
        this.refreshPreview(sessionId, message);
        this.events.record('message.edited', sessionId, message);
      }
    });
  }

  applyRevoke(sessionId: string, revoke: { chatJid: string; targetId: string; timestamp: number }): void {
    this.events.transaction(() => {
      const row = this.row(sessionId, revoke.chatJid, revoke.targetId);
      if (!row || row.revokedAt !== null) return;
      // The text goes too (and with it the search index entry): deleted for everyone means gone.
      // The raw protobuf keeps WhatsApp's message as it came, as it did before packing.
      this.db.$client
        .prepare(`UPDATE messages SET revoked_at = ?, text = NULL, raw = ? WHERE row_id = ?`)
        .run(revoke.timestamp, repackRaw(row.raw, row, { ...row, text: null }), row.rowId);
      const message = this.get(sessionId, revoke.chatJid, revoke.targetId);
      if (message) this.refreshPreview(sessionId, message);
      this.events.record('message.deleted', sessionId, { id: revoke.targetId, chat: revoke.chatJid });
    });
  }

  /**
   * Counts a poll vote on the stored poll: the voter's new selection replaces their previous one
   * (an empty one withdraws it) and `message.updated` announces the new results. A vote is never
   * a message of its own: no row, no unread count, no `message.received`.
   */
  applyPollVote(sessionId: string, vote: Omit<PollVote, 'kind'>): PollVoteOutcome {
    return this.events.transaction(() => {
      const row = this.row(sessionId, vote.chatJid, vote.pollId) ?? this.findById(sessionId, vote.pollId);
      const raw = row && rawOf(row);
      if (!row || row.type !== 'poll' || !raw || row.revokedAt !== null) return 'poll-not-found';
      const options = vote.readSelection({ raw, senderJid: row.senderJid });
      if (!options) return 'undecryptable';
      const content = withVote(row.content ?? {}, { voterJid: vote.voterJid, options, at: vote.timestamp });
      if (!content) return 'unchanged';
      this.updateContent.run(JSON.stringify(content), row.rowId);
      const message = this.get(sessionId, row.chatJid, row.id);
      if (message) this.events.record('message.updated', sessionId, message);
      return 'counted';
    });
  }

  /** Records that the media of a message is stored locally. */
  markMediaStored(sessionId: string, chatJid: string, id: string, sha256: string, size: number): void {
    const row = this.row(sessionId, chatJid, id);
    if (!row?.media) return;
    const media = { ...row.media, sha256, size, stored: true };
    this.db.$client
      .prepare(`UPDATE messages SET media = ? WHERE row_id = ?`)
      .run(mediaJson(media), row.rowId);
  }

  /** A message of ours resets the unread count (the chat counts as read). */
  private touchChat(
    sessionId: string,
    message: Message,
    record: MessageRecord,
    unread: number,
    now: string,
  ): void {
    this.upsertChat.run({
      ...this.summaryOf(sessionId, message, record.timestamp, record.fromMe, now),
      ...kindParams(kindValuesOf(record)),
      unread,
    });
  }

  /** The summary parameters of a live message's chat upsert. */
  private summaryOf(sessionId: string, message: Message, timestamp: number, reset: boolean, now: string) {
    return {
      sessionId,
      chatJid: message.chat,
      kind: chatKind(message.chat),
      reset: reset ? 1 : 0,
      id: message.id,
      timestamp,
      preview: messagePreview(message).slice(0, 200),
      fromMe: message.fromMe ? 1 : 0,
      status: message.status,
      now,
    };
  }

  private refreshPreview(sessionId: string, message: Message): void {
    this.db.$client
      .prepare(
        `UPDATE chats SET last_message_preview = ? WHERE session_id = ? AND jid = ? AND last_message_id = ?`,
      )
      .run(messagePreview(message).slice(0, 200), sessionId, message.chat, message.id);
  }
}

/** The row `ingest` just inserted for `record`, as a read would return it. */
function recordRow(sessionId: string, record: MessageRecord, rowId: number): MessageRow {
  return {
    rowId,
    sessionId,
    chatJid: record.chatJid,
    id: record.id,
    fromMe: record.fromMe,
    senderJid: record.senderJid,
    senderName: record.senderName,
    type: record.type,
    text: record.text,
    media: record.media,
    content: record.content,
    quotedId: record.quotedId,
    mentions: record.mentions.length ? record.mentions : null,
    status: record.status,
    timestamp: record.timestamp,
    editedAt: null,
    revokedAt: null,
    forwarded: record.forwarded,
    raw: record.raw,
    sentBy: record.sentBy ?? null,
    starredAt: null,
  };
}

function isChannel(jid: string): boolean {
  return jid.endsWith('@newsletter');
}

/** The chat list groups chats by kind; LID-addressed people are people. */
export function chatKind(jid: string): ChatRow['kind'] {
  const kind = jidKind(jid);
  return kind === 'group' || kind === 'newsletter' || kind === 'broadcast' ? kind : 'user';
}
