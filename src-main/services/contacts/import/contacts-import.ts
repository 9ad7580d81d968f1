import type { CsvPreview } from '../../../../src-shared/contract/schedule.js';
import type {
  ContactsImportInput,
  ContactsImportResult,
} from '../../../../src-shared/contract/contacts-import.js';
import { AppError } from '../../../../src-shared/errors.js';
import { jidKind, normalisePhone } from '../../../../src-shared/jid.js';
import type { Db } from '../../../db/connection.js';
import type { EventRecorder } from '../../events/event-recorder.js';
import type { Organize } from '../../organize/index.js';
import type { Attribution } from '../../organize/actors.js';
import { guessColumns, readCsvTable } from '../../schedule/csv.js';

type CsvTable = ReturnType<typeof readCsvTable>;

/** The colour of tags an import creates (the owner can change it on the Tags page). */
const IMPORTED_TAG_COLOR = '#607d8b';
// Tag history and notes say `import`; the tagging events name the import as their actor.
const ACTOR: Attribution = { label: 'import', actor: { type: 'system', id: null, name: 'Contacts import' } };

interface Row {
  line: number;
  input: string;
  jid: string | null;
  error: string | null;
  name: string;
  tags: string[];
  note: string;
}

/**
 * Contacts from a CSV file (the campaign import's reader, `schedule/csv.ts`): each row's phone
 * becomes the contact of that number with the mapped name, so the inbox shows the name for the
 * chat now and for one that starts later. Tags and notes are chat data: a row with either gets
 * its (possibly still empty) chat, the tags (created when missing) and a note, so the contact can
 * be picked by tag as a campaign recipient. All rows are checked before anything is written; the
 * writes are one transaction (a bad row is skipped and reported, never half written).
 */
export class ContactsImport {
  constructor(
    private readonly db: Db,
    private readonly events: Pick<EventRecorder, 'transaction'>,
    private readonly organize: Pick<Organize, 'tags' | 'taggings' | 'notes'>,
  ) {}

  preview(csv: string): CsvPreview {
    const table = readTable(csv);
    const guess = guessColumns(table);
    return {
      headers: table.headers,
      rows: table.records.slice(0, 5),
      total: table.records.length,
      phoneColumn: guess.phone,
      nameColumn: guess.name,
    };
  }

  run(input: ContactsImportInput): ContactsImportResult {
    const sqlite = this.db.$client;
    if (!sqlite.prepare('SELECT 1 FROM sessions WHERE id = ?').get(input.session)) {
      throw new AppError('SESSION_NOT_FOUND', `no session "${input.session}"`, 'session');
    }
    const table = readTable(input.csv);
    const column = (name: string | undefined, field: string): string | null => {
      if (name === undefined) return null;
      const header =
        table.headers.find((h) => h === name) ??
        table.headers.find((h) => h.toLowerCase() === name.toLowerCase());
      if (!header)
        throw new AppError('VALIDATION_FAILED', `${field}: the CSV has no column "${name}"`, field);
      return header;
    };
    const phone = column(input.phoneColumn, 'phoneColumn')!;
    const name = column(input.nameColumn, 'nameColumn');
    const tags = column(input.tagsColumn, 'tagsColumn');
    const notes = column(input.notesColumn, 'notesColumn');

    const rows: Row[] = table.records.map((record, index) => {
      const raw = record[phone] ?? '';
      const digits = normalisePhone(raw);
      const jid = digits ? `${digits}@s.whatsapp.net` : null;
      return {
        line: index + 2,
        input: raw,
        jid: jid && jidKind(jid) === 'user' ? jid : null,
        error: jid ? null : 'not a phone number in international format',
        name: name ? (record[name] ?? '').trim() : '',
        tags: tags ? splitTags(record[tags] ?? '') : [],
        note: notes ? (record[notes] ?? '').trim() : '',
      };
    });
    // A phone listed twice: the later row wins (as a spreadsheet's last edit would).
    const seen = new Map<string, Row>();
    for (const row of rows) if (row.jid) seen.set(row.jid, row);

    const result: ContactsImportResult = {
      total: rows.length,
      created: 0,
      updated: 0,
      tagged: 0,
      notes: 0,
      invalid: rows.filter((r) => r.error).map((r) => ({ line: r.line, input: r.input, error: r.error! })),
      dryRun: input.dryRun ?? false,
    };
    const known = sqlite.prepare('SELECT 1 FROM contacts WHERE session_id = ? AND jid = ?');
    const upsert = sqlite.prepare(
      `INSERT INTO contacts (session_id, jid, phone, name) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, jid) DO UPDATE SET name = coalesce(excluded.name, contacts.name),
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    );
    const ensureChat = sqlite.prepare(
      `INSERT INTO chats (session_id, jid, kind, unread_count) VALUES (?, ?, 'user', 0)
       ON CONFLICT DO NOTHING`,
    );
    const write = () => {
      const tagIds = new Map<string, string>();
      const tagId = (tagName: string): string => {
        const key = tagName.toLowerCase();
        let id = tagIds.get(key);
        if (!id) {
          const existing = this.organize.tags.list().find((t) => t.name.toLowerCase() === key);
          id = existing?.id ?? this.organize.tags.create({ name: tagName, color: IMPORTED_TAG_COLOR }).id;
          tagIds.set(key, id);
        }
        return id;
      };
      for (const row of seen.values()) {
        const jid = row.jid!;
        if (known.get(input.session, jid)) result.updated += 1;
        else result.created += 1;
        if (input.dryRun) {
          result.tagged += row.tags.length;
          if (row.note) result.notes += 1;
          continue;
        }
        upsert.run(input.session, jid, jid.split('@')[0]!, row.name || null);
        if (row.tags.length > 0 || row.note) ensureChat.run(input.session, jid);
        for (const tag of row.tags) {
          this.organize.taggings.addToChat(input.session, jid, tagId(tag), ACTOR);
          result.tagged += 1;
        }
        if (row.note) {
          this.organize.notes.create(input.session, jid, row.note, ACTOR.label);
          result.notes += 1;
        }
      }
    };
    // The recorder's transaction: tag events are announced only once the whole import committed.
    this.events.transaction(write);
    return result;
  }
}

function readTable(csv: string): CsvTable {
  const table = readCsvTable(csv);
  if (table.headers.length === 0) throw new AppError('VALIDATION_FAILED', 'csv: the file is empty', 'csv');
  return table;
}

function splitTags(cell: string): string[] {
  return [
    ...new Map(
      cell
        .split(/[;,]/)
        .map((tag) => tag.trim())
        .filter((tag) => tag !== '')
        .map((tag) => [tag.toLowerCase(), tag.slice(0, 50)] as const),
    ).values(),
  ];
}
