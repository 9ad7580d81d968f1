import type { Db } from '../db/connection.js';

/**
 * Whether a number has a saved login (it reconnects without a new QR): its stored credentials
 * carry the signed device identity (`account`), as `auth-store.ts`'s `isLinked` checks. Read
 * without Baileys, so the start decides which numbers reconnect before the WhatsApp layer loads,
 * and without building fresh credentials (key pairs) for a number that has none.
 */
export function hasSavedLogin(db: Db, sessionId: string): boolean {
  const row = db.$client
    .prepare<[string], { creds: string }>('SELECT creds FROM wa_auth_creds WHERE session_id = ?')
    .get(sessionId);
  if (!row) return false;
  try {
    return Boolean((JSON.parse(row.creds) as { account?: unknown }).account);
  } catch {
    return false; // unreadable credentials cannot log in either
  }
}
