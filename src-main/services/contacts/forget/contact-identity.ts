import type { Db } from '../../../db/connection.js';

/** The JIDs one person has on one number: the phone-number JID and any LID WhatsApp gave them. */
export interface ContactIdentity {
  session: string;
  jids: string[];
}

/**
 * Every number's identities of the person with this phone (digits): the phone JID on every
 * session, plus the LIDs the contacts table links to it. The phone JID is listed even where
 * nothing is stored, so a forget also reaches rows that only name it (schedules, opt-outs).
 */
export function identitiesOf(db: Db, phone: string): ContactIdentity[] {
  const pn = `${phone}@s.whatsapp.net`;
  const sqlite = db.$client;
  const sessions = (sqlite.prepare('SELECT id FROM sessions ORDER BY id').all() as { id: string }[]).map(
    (r) => r.id,
  );
  // Also ids that only history kept (a deleted number's chats), so nothing of the person is missed.
  const withData = (
    sqlite.prepare('SELECT DISTINCT session_id AS id FROM chats WHERE jid = ?').all(pn) as { id: string }[]
  ).map((r) => r.id);
  const lids = sqlite.prepare(
    `SELECT DISTINCT lid FROM contacts WHERE session_id = ? AND lid IS NOT NULL AND (jid = ? OR phone = ?)`,
  );
  return [...new Set([...sessions, ...withData])].map((session) => ({
    session,
    jids: [pn, ...(lids.all(session, pn, phone) as { lid: string }[]).map((r) => r.lid)],
  }));
}
