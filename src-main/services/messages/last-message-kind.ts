/**
 * A chat's last message as the chat list summarises it (issue #21): its kind and the few values a
 * preview names, so every reader's UI words it in their own language.
 *
 * Kept on the chat row (migration 0054, issue #23 target 8): the `last_message_type` …
 * `last_message_poll_name` columns hold the raw values below, written in the statements that
 * write `last_message_*` (live ingest, history slices, chat erase) and, for what changes the
 * message itself afterwards (an edit, a revoke, a reclassified kind, a deleted row), by the
 * triggers of 0054 on `messages`. The chat list and the single-chat read take them from the row;
 * `lastMessageKindsReader` derives the same from `messages` and is the oracle of
 * `kept-kind.test.ts` (and what the migration's backfill runs, as SQL).
 */
import type { Database, Statement } from 'better-sqlite3';
import {
  UNKNOWN_LAST_MESSAGE,
  type LastMessageKind,
  type MessageType,
} from '../../../src-shared/messages.js';
import type { ChatRow } from '../../db/schema.js';
import type { MessageRecord } from '../../wa/message-mapping.js';
import { senderColumn } from './message-sender.js';

/** The caption or text is cut like the stored English preview. */
const TEXT_LIMIT = 200;

/**
 * The values a kind is made of, as kept on the chat row and as derived from `messages`
 * (`KIND_COLUMNS`; the same expressions are in migration 0054's backfill and triggers).
 */
export interface KindRow {
  /** Null: no last message stored (or no longer). */
  type: string | null;
  text: string | null;
  revoked: number | null;
  senderJid: string | null;
  senderName: string | null;
  fileName: string | null;
  seconds: number | null;
  voiceNote: number | null;
  videoNote: number | null;
  pollName: string | null;
}

/**
 * The kind values of message `m`. Typed where JSON could hold another type (a name that is a
 * number, say), so the kept columns' affinity never turns a value into another; the text is cut
 * by characters here and by UTF-16 units on reading (`kindOf`), which gives the same string.
 */
const KIND_COLUMNS = `m.type, substr(m.text, 1, ${TEXT_LIMIT}) AS text, m.revoked_at IS NOT NULL AS revoked,
  ${senderColumn('m.')} AS senderJid, m.sender_name AS senderName,
  CASE WHEN json_type(m.media, '$.fileName') = 'text' THEN m.media ->> '$.fileName' END AS fileName,
  CASE WHEN json_type(m.media, '$.seconds') IN ('integer', 'real') THEN m.media ->> '$.seconds' END AS seconds,
  coalesce(m.media ->> '$.voiceNote' = 1, 0) AS voiceNote,
  coalesce(m.content ->> '$.videoNote' = 1, 0) AS videoNote,
  CASE WHEN m.type = 'poll' AND json_type(m.content, '$.name') = 'text' THEN m.content ->> '$.name' END AS pollName`;

/** A kept column's key in a chat row (`last_message_type` → `lastMessageType`). */
export function keptKindKey(column: (typeof KEPT_KIND_COLUMNS)[number]): keyof KeptKindRow {
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()) as keyof KeptKindRow;
}

/** A chat row's kept columns (read with the others in `chat-summary-row.ts`). */
export type KeptKindRow = Pick<
  ChatRow,
  | 'lastMessageType'
  | 'lastMessageText'
  | 'lastMessageRevoked'
  | 'lastMessageSender'
  | 'lastMessageSenderName'
  | 'lastMessageFileName'
  | 'lastMessageSeconds'
  | 'lastMessageVoiceNote'
  | 'lastMessageVideoNote'
  | 'lastMessagePollName'
>;

/** The last message's kind as kept on its chat's row. */
export function keptKind(row: KeptKindRow): LastMessageKind {
  if (row.lastMessageType === null) return UNKNOWN_LAST_MESSAGE;
  return kindOf({
    type: row.lastMessageType,
    text: row.lastMessageText,
    revoked: row.lastMessageRevoked,
    senderJid: row.lastMessageSender,
    senderName: row.lastMessageSenderName,
    fileName: row.lastMessageFileName,
    seconds: row.lastMessageSeconds,
    voiceNote: row.lastMessageVoiceNote,
    videoNote: row.lastMessageVideoNote,
    pollName: row.lastMessagePollName,
  });
}

/** The kept columns, in the order of `KIND_KEYS` (the `KindRow` value each holds). */
export const KEPT_KIND_COLUMNS = [
  'last_message_type',
  'last_message_text',
  'last_message_revoked',
  'last_message_sender',
  'last_message_sender_name',
  'last_message_file_name',
  'last_message_seconds',
  'last_message_voice_note',
  'last_message_video_note',
  'last_message_poll_name',
] as const;
export const KIND_KEYS = [
  'type',
  'text',
  'revoked',
  'senderJid',
  'senderName',
  'fileName',
  'seconds',
  'voiceNote',
  'videoNote',
  'pollName',
] as const satisfies readonly (keyof KindRow)[];

/** `kindValuesOf` as named parameters `@k_type` … `@k_pollName` (the live chat upsert). */
export function kindParams(kind: KindRow): Record<string, string | number | null> {
  const params: Record<string, string | number | null> = {};
  for (const key of KIND_KEYS) params[`k_${key}`] = kind[key];
  return params;
}

/**
 * The kind values of a message being stored (not revoked yet), as `KIND_COLUMNS` would read them
 * back from its row: what the chat upserts of ingest and history slices write.
 */
export function kindValuesOf(
  record: Pick<MessageRecord, 'type' | 'text' | 'senderJid' | 'senderName' | 'media' | 'content'>,
): KindRow {
  const media = record.media as Record<string, unknown> | null;
  const content = record.content;
  const fileName = media?.fileName;
  const seconds = media?.seconds;
  const pollName = content?.name;
  return {
    type: record.type,
    text: record.text === null ? null : keptText(record.text),
    revoked: 0,
    senderJid: record.senderJid,
    senderName: record.senderName,
    fileName: typeof fileName === 'string' ? fileName : null,
    seconds: typeof seconds === 'number' ? seconds : null,
    // JSON `true` and `1` both read as 1 in SQLite.
    voiceNote: media?.voiceNote === true || media?.voiceNote === 1 ? 1 : 0,
    videoNote: content?.videoNote === true || content?.videoNote === 1 ? 1 : 0,
    pollName: record.type === 'poll' && typeof pollName === 'string' ? pollName : null,
  };
}

/**
 * The text cut to TEXT_LIMIT units, or one more when that would split a surrogate pair: a half
 * pair cannot be stored (SQLite keeps UTF-8), and `kindOf` cuts at TEXT_LIMIT on reading, so
 * what is shown is the message's own first 200 units, as when derived from `messages`.
 */
function keptText(text: string): string {
  const last = text.charCodeAt(TEXT_LIMIT - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? TEXT_LIMIT + 1 : TEXT_LIMIT);
}

/** Reads the kinds of a page of chats from `messages`: `kinds[i]` is `chats[i]`'s. */
export type LastMessageKindsReader = (
  chats: readonly { sessionId: string; jid: string; lastMessageId: string | null }[],
) => LastMessageKind[];

/**
 * Derives the kinds from `messages`, one statement for a whole page: the keys go in as one JSON
 * array and each is looked up by the message identity index. No longer read by the list (the
 * kinds are kept on the chat row); kept as the oracle the kept columns are checked against.
 */
export function lastMessageKindsReader(sqlite: Database): LastMessageKindsReader {
  const select: Statement<[{ keys: string }], KindRow & { i: number }> = sqlite.prepare(
    `SELECT k.key AS i, ${KIND_COLUMNS}
     FROM json_each(@keys) k CROSS JOIN messages m
     WHERE m.session_id = k.value ->> 0 AND m.chat_jid = k.value ->> 1 AND m.id = k.value ->> 2`,
  );
  return (chats) => {
    const kinds: LastMessageKind[] = chats.map(() => UNKNOWN_LAST_MESSAGE);
    const keys = chats.map((chat) => [chat.sessionId, chat.jid, chat.lastMessageId ?? '']);
    if (chats.some((chat) => chat.lastMessageId)) {
      for (const row of select.all({ keys: JSON.stringify(keys) })) kinds[row.i] = kindOf(row);
    }
    return kinds;
  };
}

function kindOf(row: KindRow): LastMessageKind {
  const revoked = row.revoked === 1;
  return {
    type: row.type as MessageType,
    // A deleted message shows no trace of what it said (as the message itself, message-rows.ts).
    text: revoked || row.text === null ? null : row.text.slice(0, TEXT_LIMIT),
    fileName: revoked ? null : row.fileName,
    seconds: revoked || typeof row.seconds !== 'number' ? null : row.seconds,
    voiceNote: !revoked && row.voiceNote === 1,
    videoNote: !revoked && row.videoNote === 1,
    pollName: !revoked && typeof row.pollName === 'string' ? row.pollName : null,
    revoked,
    sender: row.senderJid,
    senderName: row.senderName,
  };
}
