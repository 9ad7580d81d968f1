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

export function lastMessageKindReader(sqlite: Database): LastMessageKindReader {
  const select: Statement<[string, string, string], KindRow> = sqlite.prepare(
    `SELECT type, text, revoked_at AS revokedAt, sender_jid AS senderJid, sender_name AS senderName,
       json_extract(media, '$.fileName') AS fileName, json_extract(media, '$.seconds') AS seconds,
       json_extract(media, '$.voiceNote') AS voiceNote, json_extract(content, '$.videoNote') AS videoNote,
       CASE WHEN type = 'poll' THEN json_extract(content, '$.name') END AS pollName
     FROM messages WHERE session_id = ? AND chat_jid = ? AND id = ?`,
  );
  return ({ sessionId, jid, lastMessageId }) => {
    const row = lastMessageId ? select.get(sessionId, jid, lastMessageId) : undefined;
    if (!row) return UNKNOWN_LAST_MESSAGE;
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
  };
}
