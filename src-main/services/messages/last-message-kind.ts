/**
 * A chat's last message as the chat list summarises it (issue #21): its kind and the few values a
 * preview names, so every reader's UI words it in their own language. Read by key for the chats
 * of one page (or one chat) after the list query, rather than joined into it: the list's index
 * walks and sorts stay as they are (a name search sorts up to a thousand candidates).
 */
import type { Database, Statement } from 'better-sqlite3';
import {
  UNKNOWN_LAST_MESSAGE,
  type LastMessageKind,
  type MessageType,
} from '../../../src-shared/messages.js';

/** The caption or text is cut like the stored English preview. */
const TEXT_LIMIT = 200;

interface KindRow {
  type: string;
  text: string | null;
  revokedAt: number | null;
  senderJid: string | null;
  senderName: string | null;
  fileName: string | null;
  seconds: number | null;
  voiceNote: number | null;
  videoNote: number | null;
  pollName: unknown;
}

/** Reads the kind of a chat row's last message (none yet: `UNKNOWN_LAST_MESSAGE`). */
export type LastMessageKindReader = (chat: {
  sessionId: string;
  jid: string;
  lastMessageId: string | null;
}) => LastMessageKind;

const KIND_COLUMNS = `m.type, m.text, m.revoked_at AS revokedAt, m.sender_jid AS senderJid,
  m.sender_name AS senderName, json_extract(m.media, '$.fileName') AS fileName,
  json_extract(m.media, '$.seconds') AS seconds, json_extract(m.media, '$.voiceNote') AS voiceNote,
  json_extract(m.content, '$.videoNote') AS videoNote,
  CASE WHEN m.type = 'poll' THEN json_extract(m.content, '$.name') END AS pollName`;

export function lastMessageKindReader(sqlite: Database): LastMessageKindReader {
  const select: Statement<[string, string, string], KindRow> = sqlite.prepare(
    `SELECT ${KIND_COLUMNS} FROM messages m WHERE m.session_id = ? AND m.chat_jid = ? AND m.id = ?`,
  );
  return ({ sessionId, jid, lastMessageId }) => {
    const row = lastMessageId ? select.get(sessionId, jid, lastMessageId) : undefined;
    return row ? kindOf(row) : UNKNOWN_LAST_MESSAGE;
  };
}

/** Reads the last messages of a page of chats at once: `kinds[i]` is `chats[i]`'s. */
export type LastMessageKindsReader = (
  chats: readonly Parameters<LastMessageKindReader>[0][],
) => LastMessageKind[];

/**
 * One statement for a whole page (issue #23, target 8): the keys go in as one JSON array and each
 * is looked up by the message identity index, instead of 50 separate calls into SQLite per page.
 * `CROSS JOIN` keeps the keys the outer loop (the plan is asserted in query-plans.test.ts).
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
  const revoked = row.revokedAt !== null;
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
