/**
 * Case 12 (issue #23 target 3): how many bytes a message costs on disk. SQLite's `dbstat` splits
 * the app's database into the messages table, each of its indexes, the search index (FTS5's
 * shadow tables), the reports' kept rows and everything else, once the reports' fold has settled
 * (bench/run.ts runs it to its end first: a database a day old holds those rows). The raw side is a minimal schema holding the same
 * searchable text for the same messages: the chat as an integer, the time, WhatsApp's id, the
 * direction and the text, one (chat, time) index, and the app's own FTS5 index fed the same
 * indexed text. The budget: the app within 2× of it.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { registerSearchText } from '../../src-main/db/search-text.js';
import type { BenchContext } from '../context.js';
import type { Row } from '../report.js';

const BUDGET = 2;

interface Part {
  name: string;
  bytes: number;
}

/** Bytes per dbstat object (tables and indexes), biggest first. */
function objectSizes(db: Database.Database): Part[] {
  return db
    .prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC')
    .all() as Part[];
}

/**
 * The app's objects in the groups the report shows: messages, each index of it, search, the
 * reports' kept rows (tables and indexes named report_*), the rest.
 */
function grouped(db: Database.Database): Part[] {
  const messageIndexes = new Set(
    (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages'").all() as {
        name: string;
      }[]
    ).map((row) => row.name),
  );
  const groups = new Map<string, number>();
  const add = (name: string, bytes: number) => groups.set(name, (groups.get(name) ?? 0) + bytes);
  for (const part of objectSizes(db)) {
    if (part.name === 'messages') add('messages (table)', part.bytes);
    else if (messageIndexes.has(part.name)) add(part.name, part.bytes);
    else if (part.name.startsWith('messages_fts')) add('messages_fts (search index)', part.bytes);
    else if (part.name.startsWith('report_')) add('report tables and their indexes', part.bytes);
    else add('everything else', part.bytes);
  }
  return [...groups].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** The minimal raw schema, filled from the app's own messages (the same rows and text). */
function minimalDatabase(ctx: BenchContext, appFile: string): Database.Database {
  const db = new Database(path.join(ctx.workDir, 'storage-minimal.db'));
  db.pragma('journal_mode = WAL');
  registerSearchText(db);
  const app = new Database(appFile, { readonly: true });
  const fts = app.prepare("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'").get() as
    { sql: string } | undefined;
  app.close();
  if (!fts) throw new Error('the app database has no messages_fts');
  db.exec(`
    CREATE TABLE chats (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL, jid TEXT NOT NULL,
      UNIQUE (session_id, jid));
    CREATE TABLE messages (id INTEGER PRIMARY KEY, chat INTEGER NOT NULL, ts INTEGER NOT NULL,
      wa_id TEXT NOT NULL, from_me INTEGER NOT NULL, text TEXT);
    CREATE INDEX messages_chat_ts ON messages (chat, ts);
    ${fts.sql.replace(/CREATE VIRTUAL TABLE\s+[`"]?messages_fts[`"]?/i, 'CREATE VIRTUAL TABLE messages_fts')};
  `);
  db.prepare('ATTACH DATABASE ? AS app').run(appFile);
  db.transaction(() => {
    db.exec(`
      INSERT INTO chats (session_id, jid) SELECT DISTINCT session_id, chat_jid FROM app.messages;
      INSERT INTO messages (id, chat, ts, wa_id, from_me, text)
        SELECT m.row_id, c.id, m.timestamp, m.id, m.from_me, m.text
        FROM app.messages m JOIN chats c ON c.session_id = m.session_id AND c.jid = m.chat_jid;
      INSERT INTO messages_fts (rowid, text)
        SELECT id, search_text(text) FROM messages WHERE text IS NOT NULL;
    `);
  })();
  db.exec('DETACH DATABASE app');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

/** The raw column inside the messages table (its values' bytes, without the row and page overhead). */
function rawRow(
  raw: { bytes: number; stored: number; packed: number },
  messages: number,
  tableBytes: number,
): Row {
  return {
    case: '12 storage',
    what: '  of the messages table: the raw column',
    median: perMessage(raw.bytes, messages),
    p95: '',
    raw: '',
    ratio: `${((100 * raw.bytes) / tableBytes).toFixed(0)} % of the table`,
    target: '',
    met: null,
    note: `${raw.packed.toLocaleString('en')} of ${raw.stored.toLocaleString('en')} raw values packed`,
  };
}

const perMessage = (bytes: number, messages: number) => `${(bytes / messages).toFixed(0)} B`;
const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/**
 * `unfolded`: chats the reports' fold had not reached when measured (0 once it settled; the
 * report tables then hold every message's rows).
 */
export function storageCase(ctx: BenchContext, unfolded: number): Row[] {
  const appFile = path.join(ctx.dataDir, 'chatdock.db');
  ctx.core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const app = new Database(appFile, { readonly: true });
  const messages = (app.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
  const parts = grouped(app);
  // The raw protobuf's share of the table (packed or not: services/messages/raw-pack.ts).
  const raw = app
    .prepare(
      `SELECT coalesce(sum(length(raw)), 0) AS bytes, count(raw) AS stored,
         coalesce(sum(substr(raw, 1, 1) = x'00'), 0) AS packed FROM messages`,
    )
    .get() as { bytes: number; stored: number; packed: number };
  app.close();
  const appBytes = parts.reduce((sum, part) => sum + part.bytes, 0);

  const minimal = minimalDatabase(ctx, appFile);
  const minimalParts = objectSizes(minimal);
  minimal.close();
  const rawBytes = minimalParts.reduce((sum, part) => sum + part.bytes, 0);
  const ratio = appBytes / rawBytes;

  const rows: Row[] = [
    {
      case: '12 storage',
      what: `bytes per message (${messages.toLocaleString('en')} messages, dbstat)`,
      median: perMessage(appBytes, messages),
      p95: '',
      raw: perMessage(rawBytes, messages),
      ratio: `${ratio.toFixed(2)}×`,
      target: `≤ ${BUDGET}× minimal`,
      met: ratio <= BUDGET,
      note:
        `app ${megabytes(appBytes)}, minimal ${megabytes(rawBytes)} (the chat as an integer, time, id, ` +
        'direction and text, a (chat, time) index, the same FTS5 index)' +
        (unfolded
          ? `; the reports' fold had ${unfolded.toLocaleString('en')} chats left`
          : '; reports folded'),
    },
  ];
  for (const part of parts) {
    if (part.name === 'messages (table)') rows.push(rawRow(raw, messages, part.bytes));
    rows.push({
      case: '12 storage',
      what: `  ${part.name}`,
      median: perMessage(part.bytes, messages),
      p95: '',
      raw: '',
      ratio: `${((100 * part.bytes) / appBytes).toFixed(0)} % of it`,
      target: '',
      met: null,
    });
  }
  return rows;
}
