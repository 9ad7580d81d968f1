import { AppError } from '../../../../src-shared/errors.js';

/** A position in the chat list: the last row's (order key, session, jid). */
type ChatCursor = [at: number, sessionId: string, jid: string];

/** Keyset cursor: the last row's (last_message_at, session, jid), so new messages never shift a page. */
export function encodeCursor(chat: { lastMessageAt: number | null; sessionId: string; jid: string }): string {
  return Buffer.from(JSON.stringify([chat.lastMessageAt ?? 0, chat.sessionId, chat.jid])).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string): ChatCursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(value) && value.length === 3) return value as ChatCursor;
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this API returned', 'cursor');
}
