/**
 * Campaign recipients from a pasted list, a CSV file or a tag, normalised once: each entry has
 * its JID (or why it is invalid) and the variables its placeholders are filled from.
 *
 * Up to 10,000 entries are parsed (libphonenumber) and looked up one by one: that runs in
 * stretches of ~10 ms with the event loop yielded between them (core/yielding.ts), so preparing a
 * large campaign does not freeze the window or the API (issue #23, target 5). Nothing is written
 * here; the campaign is stored in one transaction afterwards (campaign-service.ts).
 */
import type { RecipientsInput } from '../../../src-shared/contract/schedule.js';
import { AppError, isAppError } from '../../../src-shared/errors.js';
import { jidKind, phoneOfJid, toJid } from '../../../src-shared/jid.js';
import { Stretches } from '../../core/yielding.js';
import type { Db } from '../../db/connection.js';
import { readCsvTable } from './csv.js';

export interface ResolvedRecipient {
  input: string;
  jid: string | null;
  /** Why the entry cannot be sent to (`invalid`), or that it repeats an earlier one (`duplicate`). */
  problem: { status: 'invalid' | 'skipped'; error: string } | null;
  variables: Record<string, string>;
}

const MAX_RECIPIENTS = 10_000;

function entry(input: string, variables: Record<string, string>): ResolvedRecipient {
  const trimmed = input.trim();
  if (!trimmed)
    return { input, jid: null, problem: { status: 'invalid', error: 'empty phone number' }, variables };
  try {
    const jid = toJid(trimmed, 'phone');
    const kind = jidKind(jid);
    if (kind !== 'user' && kind !== 'group') {
      return {
        input,
        jid: null,
        problem: { status: 'invalid', error: 'only phone numbers and groups' },
        variables,
      };
    }
    const phone = phoneOfJid(jid);
    return { input, jid, problem: null, variables: { ...variables, phone: phone ? `+${phone}` : trimmed } };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return {
      input,
      jid: null,
      problem: { status: 'invalid', error: 'not a phone number in international format' },
      variables,
    };
  }
}

/** `+972 50-123-4567, Dana` → phone and name; a line is split at its first comma, semicolon or tab. */
function fromList(text: string, stretches: Stretches): Promise<ResolvedRecipient[]> {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  tooMany(lines.length);
  return stretches.map(lines, (line) => {
    const split = /^([^,;\t]*)[,;\t](.*)$/.exec(line);
    const phone = split ? (split[1] ?? '') : line;
    const name = (split?.[2] ?? '').trim();
    return entry(phone, name ? { name } : {});
  });
}

function fromCsv(
  csv: string,
  phoneColumn: string,
  nameColumn: string | undefined,
  stretches: Stretches,
): Promise<ResolvedRecipient[]> {
  const table = readCsvTable(csv);
  const find = (column: string, field: string) => {
    const header =
      table.headers.find((h) => h === column) ??
      table.headers.find((h) => h.toLowerCase() === column.toLowerCase());
    if (!header)
      throw new AppError(
        'VALIDATION_FAILED',
        `recipients.${field}: the CSV has no column "${column}"`,
        `recipients.${field}`,
      );
    return header;
  };
  const phoneHeader = find(phoneColumn, 'phoneColumn');
  const nameHeader = nameColumn ? find(nameColumn, 'nameColumn') : null;
  tooMany(table.records.length);
  return stretches.map(table.records, (record) => {
    const variables: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) if (key !== phoneHeader) variables[key] = value;
    if (nameHeader) variables.name = record[nameHeader] ?? '';
    return entry(record[phoneHeader] ?? '', variables);
  });
}

/** Chats of the session tagged with `tagId` (read straight from `chat_tags`). */
function fromTag(db: Db, sessionId: string, tagId: string): ResolvedRecipient[] {
  const rows = db.$client
    .prepare(
      `SELECT ct.chat_jid AS jid, COALESCE(c.name, k.name, k.notify, g.subject) AS name
         FROM chat_tags ct
         LEFT JOIN chats c ON c.session_id = ct.session_id AND c.jid = ct.chat_jid
         LEFT JOIN contacts k ON k.session_id = ct.session_id AND k.jid = ct.chat_jid
         LEFT JOIN groups g ON g.session_id = ct.session_id AND g.jid = ct.chat_jid
        WHERE ct.session_id = ? AND ct.tag_id = ?
        ORDER BY ct.added_at, ct.chat_jid`,
    )
    .all(sessionId, tagId) as { jid: string; name: string | null }[];
  return rows.map((row) => entry(row.jid, row.name ? { name: row.name } : {}));
}

/**
 * A pasted number or a CSV row without a name gets the name this number already knows (the chat's,
 * the contact's as saved or as their WhatsApp profile, the group's subject), so `[name]` is not
 * left empty for a customer the shop has talked to.
 */
function withKnownNames(
  db: Db,
  sessionId: string,
  list: ResolvedRecipient[],
  stretches: Stretches,
): Promise<ResolvedRecipient[]> {
  const known = db.$client.prepare<[string, string, string, string, string, string], { name: string | null }>(
    `SELECT COALESCE(
        (SELECT name FROM chats WHERE session_id = ? AND jid = ?),
        (SELECT COALESCE(name, notify) FROM contacts WHERE session_id = ? AND jid = ?),
        (SELECT subject FROM groups WHERE session_id = ? AND jid = ?)) AS name`,
  );
  return stretches.map(list, (recipient) => {
    if (!recipient.jid || recipient.variables.name?.trim()) return recipient;
    const { jid } = recipient;
    const name = known.get(sessionId, jid, sessionId, jid, sessionId, jid)?.name?.trim();
    return name ? { ...recipient, variables: { ...recipient.variables, name } } : recipient;
  });
}

/** Refused before any entry is parsed: a list over the limit is not worth the work. */
function tooMany(count: number): void {
  if (count > MAX_RECIPIENTS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `recipients: at most ${MAX_RECIPIENTS} per campaign`,
      'recipients',
    );
  }
}

/** Resolves and de-duplicates; later copies of a JID are kept as `skipped` so the report is complete. */
export async function resolveRecipients(
  db: Db,
  sessionId: string | null,
  input: RecipientsInput,
  stretches: Stretches = new Stretches(),
): Promise<ResolvedRecipient[]> {
  let list: ResolvedRecipient[];
  if (input.source === 'list') list = await fromList(input.text, stretches);
  else if (input.source === 'csv')
    list = await fromCsv(input.csv, input.phoneColumn, input.nameColumn, stretches);
  else {
    if (!sessionId)
      throw new AppError('VALIDATION_FAILED', 'session: is required for tag recipients', 'session');
    list = fromTag(db, sessionId, input.tagId);
  }
  if (list.length === 0)
    throw new AppError('VALIDATION_FAILED', 'recipients: no recipients found', 'recipients');
  tooMany(list.length);
  if (sessionId && input.source !== 'tag') list = await withKnownNames(db, sessionId, list, stretches);
  const seen = new Map<string, number>();
  return stretches.map(list, (recipient, index) => {
    if (!recipient.jid) return recipient;
    const first = seen.get(recipient.jid);
    if (first !== undefined) {
      return {
        ...recipient,
        jid: null,
        problem: { status: 'skipped', error: `duplicate of entry ${first + 1}` },
      };
    }
    seen.set(recipient.jid, index);
    return recipient;
  });
}
