import type { Db } from '../../db/connection.js';

/**
 * Contacts as CSV (RFC 4180, CRLF, UTF-8 with a BOM so Excel reads the names right): one row per
 * number and contact with `session, name, phone, jid, tags, notes`. Tags and notes are the
 * contact's chat's (`; ` and ` | ` between them). Cells a spreadsheet would run as a formula
 * (starting with = + - @) get a leading apostrophe; phones are digits only, so they never do.
 */
export class ContactsCsv {
  constructor(private readonly db: Db) {}

  export(session?: string): string {
    const rows = this.db.$client
      .prepare(
        `SELECT c.session_id AS session, coalesce(c.name, c.notify, c.verified_name) AS name, c.phone AS phone, c.jid AS jid,
                (SELECT group_concat(name, '; ') FROM (SELECT t.name FROM chat_tags ct JOIN tags t ON t.id = ct.tag_id
                   WHERE ct.session_id = c.session_id AND ct.chat_jid = c.jid ORDER BY ct.added_at)) AS tags,
                (SELECT group_concat(text, ' | ') FROM (SELECT n.text FROM chat_notes n
                   WHERE n.session_id = c.session_id AND n.chat_jid = c.jid ORDER BY n.created_at)) AS notes
           FROM contacts c
          WHERE (@session IS NULL OR c.session_id = @session) AND c.jid LIKE '%@s.whatsapp.net'
          ORDER BY c.session_id, name COLLATE NOCASE, c.jid`,
      )
      .all({ session: session ?? null }) as Record<
      'session' | 'name' | 'phone' | 'jid' | 'tags' | 'notes',
      string | null
    >[];
    const header = ['session', 'name', 'phone', 'jid', 'tags', 'notes'];
    const lines = [header.join(',')];
    for (const row of rows) {
      lines.push(
        [row.session, safe(row.name), row.phone, row.jid, safe(row.tags), safe(row.notes)]
          .map(cell)
          .join(','),
      );
    }
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  }
}

function safe(value: string | null): string | null {
  return value !== null && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
