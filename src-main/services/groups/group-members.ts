import type { GroupMember } from '../../../src-shared/contract/groups.js';
import type { Db } from '../../db/connection.js';

interface MemberRow {
  jid: string;
  role: GroupMember['role'];
  phone: string | null;
  name: string | null;
  notify: string | null;
  verified_name: string | null;
}

const RANK: Record<GroupMember['role'], number> = { superadmin: 0, admin: 1, member: 2 };

/**
 * A group's members with what we know of each: the saved name, the profile name or the business
 * name, and the phone number. A member WhatsApp listed by LID is matched to its contact through
 * the contact's LID, so it shows with the phone number whenever that is known. Us first, then
 * admins, then members with a name (alphabetically), then those known only by number.
 */
export function groupMembers(
  db: Db,
  sessionId: string,
  groupJid: string,
  meJid: string | null,
): GroupMember[] {
  const rows = db.$client
    .prepare(
      `SELECT p.jid, p.role,
              COALESCE(byJid.phone, byLid.phone) AS phone,
              COALESCE(byJid.name, byLid.name) AS name,
              COALESCE(byJid.notify, byLid.notify) AS notify,
              COALESCE(byJid.verified_name, byLid.verified_name) AS verified_name
         FROM group_participants p
         LEFT JOIN contacts byJid ON byJid.session_id = p.session_id AND byJid.jid = p.jid
         LEFT JOIN contacts byLid ON byLid.session_id = p.session_id AND byLid.lid = p.jid AND byJid.jid IS NULL
        WHERE p.session_id = ? AND p.group_jid = ?`,
    )
    .all(sessionId, groupJid) as MemberRow[];
  const members = rows.map((row): GroupMember => {
    const phone = row.phone ?? (row.jid.endsWith('@s.whatsapp.net') ? (row.jid.split('@')[0] ?? null) : null);
    return {
      jid: row.jid,
      role: row.role,
      phone,
      name: row.name ?? row.verified_name ?? row.notify ?? null,
      isMe: meJid !== null && row.jid === meJid,
    };
  });
  const sortName = (member: GroupMember) => (member.name ?? member.phone ?? member.jid).toLocaleLowerCase();
  return members.sort(
    (a, b) =>
      Number(b.isMe) - Number(a.isMe) ||
      RANK[a.role] - RANK[b.role] ||
      Number(a.name === null) - Number(b.name === null) ||
      sortName(a).localeCompare(sortName(b)),
  );
}
