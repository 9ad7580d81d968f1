/**
 * `npx tsx bench/ingest-costs.ts [--scale 0.05] [--slice 50000] [--only name,name] [--newest-first]`
 *
 * What each write-time trigger and index costs the history ingest (issue #27). One migrated
 * database per variant — the full schema, and the full schema without one trigger or index —
 * plus the raw baseline of case 1; every batch of the bench's history goes into each of them in
 * turn (the order rotates batch by batch), so a slow spell of the machine lands on all alike.
 * A variant's cost is its time saved against the full schema, per 1,000 messages and as a share
 * of the whole. The variants are measuring devices only: the app always runs the full schema.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventBus } from '../src-main/core/event-bus.js';
import { openDatabase, type Db } from '../src-main/db/connection.js';
import { ChatService } from '../src-main/services/chats/chats.js';
import { ContactService } from '../src-main/services/contacts/contacts.js';
import { EventRecorder } from '../src-main/services/events/event-recorder.js';
import { MessageStore } from '../src-main/services/messages/message-store.js';
import { RawIngest } from './baseline.js';
import { storeContactsAndGroups } from './cases/ingest.js';
import { History, historySpec } from './generate.js';
import { time, yieldToLoop } from './measure.js';
import { loadAverage } from './noise.js';

/** What a variant takes away from the full schema (SQL run once after the migrations). */
const VARIANTS: Record<string, string> = {
  full: '',
  'no report_dirty_on_message (0028, 0035)': 'DROP TRIGGER report_dirty_on_message',
  // Migration 0028's trigger as it was before 0035: an upsert for every message.
  'report_dirty_on_message as in 0028 (upsert per message)': `DROP TRIGGER report_dirty_on_message;
    CREATE TRIGGER report_dirty_on_message AFTER INSERT ON messages WHEN substr(new.chat_jid, -5) <> '@g.us' BEGIN
      INSERT INTO report_dirty_chats (session_id, chat_jid, since) VALUES (new.session_id, new.chat_jid, new.timestamp)
        ON CONFLICT (session_id, chat_jid) DO UPDATE SET since = min(since, excluded.since);
    END`,
  'no messages_report_in/out_idx (0023)':
    'DROP INDEX messages_report_in_idx; DROP INDEX messages_report_out_idx',
  // Candidates for the reports' time order (issue #27): one narrow index for both directions
  // (the rows' other columns read from the table), or both directions in one covering index.
  'report_in/out_idx as one (session_id, timestamp) index': `DROP INDEX messages_report_in_idx;
    DROP INDEX messages_report_out_idx; CREATE INDEX messages_session_time_idx ON messages (session_id, timestamp)`,
  'report_in/out_idx as one covering index': `DROP INDEX messages_report_in_idx; DROP INDEX messages_report_out_idx;
    CREATE INDEX messages_session_time_idx ON messages (session_id, timestamp, chat_jid, from_me, type, sent_by)`,
  'no chats_status_order_idx (0021/26)': 'DROP INDEX chats_status_order_idx',
  'no chats_unassigned_order_idx (0021/26)': 'DROP INDEX chats_unassigned_order_idx',
  'no chats_view_counts_* (0027)':
    'DROP TRIGGER chats_view_counts_insert; DROP TRIGGER chats_view_counts_update; DROP TRIGGER chats_view_counts_delete',
  'no chat_tags_order_on_chat_* ':
    'DROP TRIGGER chat_tags_order_on_chat_insert; DROP TRIGGER chat_tags_order_on_chat_update',
  'no chat_search_on_chat_insert': 'DROP TRIGGER chat_search_on_chat_insert',
  'no messages_fts_insert': 'DROP TRIGGER messages_fts_insert',
  // The index as raw's: the text as it comes, without the app's search_text() (search-text.ts).
  'messages_fts_insert without search_text()': `DROP TRIGGER messages_fts_insert;
    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.text IS NOT NULL BEGIN
      INSERT INTO messages_fts (rowid, text) VALUES (new.row_id, new.text);
    END`,
  // Migration 0056 taken away: the identity index led by the chat, and (session, id) an index of its own.
  'identity and session_id indexes as before 0056': `DROP INDEX messages_identity_idx;
    CREATE UNIQUE INDEX messages_identity_idx ON messages (session_id, chat_jid, id);
    CREATE INDEX messages_session_id_idx ON messages (session_id, id)`,
  'full, cache_size 16 MB': 'PRAGMA cache_size = -16000',
  'full, cache_size 64 MB': 'PRAGMA cache_size = -64000',
  'full, mmap 256 MB': 'PRAGMA mmap_size = 268435456',
  // The app checkpoints every 10,000 pages (db/connection.ts); SQLite's default is 1,000.
  'full, wal_autocheckpoint 1000 (before session 12)': 'PRAGMA wal_autocheckpoint = 1000',
  // Migration 0044 (issue #28) as variants that add back what it took away (a negative "saved"
  // is what the old schema cost more): the every-number order index, and the name index with
  // positions (detail=full; its triggers name the table, so they follow the new one).
  'with chats_order_idx (before 0044)':
    'CREATE INDEX chats_order_idx ON chats (coalesce("last_message_at", 0), session_id, jid)',
  'chat_names_fts with positions (before 0044)': `DROP TABLE chat_names_vocab; DROP TABLE chat_names_fts;
    CREATE VIRTUAL TABLE chat_names_fts USING fts5(names, content='', contentless_delete=1, tokenize='trigram');
    CREATE VIRTUAL TABLE chat_names_vocab USING fts5vocab(chat_names_fts, 'instance')`,
  'as before 0044 (both)': `CREATE INDEX chats_order_idx ON chats (coalesce("last_message_at", 0), session_id, jid);
    DROP TABLE chat_names_vocab; DROP TABLE chat_names_fts;
    CREATE VIRTUAL TABLE chat_names_fts USING fts5(names, content='', contentless_delete=1, tokenize='trigram');
    CREATE VIRTUAL TABLE chat_names_vocab USING fts5vocab(chat_names_fts, 'instance')`,
  // Migration 0048 (issue #28) taken away: no names column kept by triggers, the two order
  // indexes that hold every chat without it (as they were before).
  'without chats.name_text (before 0048)': `DROP TRIGGER chats_name_text_on_insert;
    DROP TRIGGER chats_name_text_on_rename; DROP TRIGGER chats_name_text_on_contact_insert;
    DROP TRIGGER chats_name_text_on_contact_update; DROP TRIGGER chats_name_text_on_contact_delete;
    DROP INDEX chats_session_order_idx;
    CREATE INDEX chats_session_order_idx ON chats (session_id, coalesce("last_message_at", 0), jid);
    DROP INDEX chats_status_order_idx;
    CREATE INDEX chats_status_order_idx ON chats (status, coalesce("last_message_at", 0), session_id, jid, assignee_user_id, assignee_team_id)`,
  // Its two parts apart: the column kept by triggers, with the indexes as before (what the
  // wider index entries cost is the difference from the variant above).
  'chats.name_text kept, order indexes without it (0048 in part)': `DROP INDEX chats_session_order_idx;
    CREATE INDEX chats_session_order_idx ON chats (session_id, coalesce("last_message_at", 0), jid);
    DROP INDEX chats_status_order_idx;
    CREATE INDEX chats_status_order_idx ON chats (status, coalesce("last_message_at", 0), session_id, jid, assignee_user_id, assignee_team_id)`,
  // Migration 0053 (issue #28) taken away: taggings without their chat's unread copy, 0011's
  // two triggers back as they were, no unread-taggings indexes.
  'without chat_tags.chat_unread (before 0053)': `DROP TRIGGER chat_tags_unread_on_chat_update;
    DROP INDEX chat_tags_unread_order_idx; DROP INDEX chat_tags_unread_session_order_idx;
    DROP TRIGGER chat_tags_order_on_tag;
    CREATE TRIGGER chat_tags_order_on_tag AFTER INSERT ON chat_tags BEGIN
      UPDATE chat_tags SET chat_order_at = coalesce((SELECT coalesce(last_message_at, 0) FROM chats
        WHERE session_id = new.session_id AND jid = new.chat_jid), 0)
      WHERE session_id = new.session_id AND chat_jid = new.chat_jid AND tag_id = new.tag_id;
    END;
    DROP TRIGGER chat_tags_order_on_chat_insert;
    CREATE TRIGGER chat_tags_order_on_chat_insert AFTER INSERT ON chats BEGIN
      UPDATE chat_tags SET chat_order_at = coalesce(new.last_message_at, 0)
      WHERE session_id = new.session_id AND chat_jid = new.jid;
    END`,
  'no chat order indexes (the 3 that hold every chat since 0044)':
    'DROP INDEX chats_session_order_idx; DROP INDEX chats_status_order_idx; DROP INDEX chats_unassigned_order_idx',
};

const silent = { error() {}, warn() {}, info() {}, debug() {} } as never;

interface Side {
  name: string;
  ingest: (sessionId: string, history: History, records: Parameters<MessageStore['ingest']>[1]) => void;
  ms: number;
  /** CPU time (user + system) of the process during this side's batches: less swayed by load. */
  cpu: number;
  close: () => void;
}

function appSide(dir: string, name: string, drop: string, history: History): Side {
  const db: Db = openDatabase(path.join(dir, `${Object.keys(VARIANTS).indexOf(name)}.db`));
  if (drop) db.$client.exec(drop);
  const events = new EventRecorder(db, new EventBus(silent));
  const store = new MessageStore(db, events);
  const contacts = new ContactService(db, {} as never);
  const chats = new ChatService(db, store, {} as never, events);
  // As history sync delivers them (and as case 1 does): contacts and group names first.
  storeContactsAndGroups({ contacts, chats }, history, history.spec.sessions);
  return {
    name,
    ms: 0,
    cpu: 0,
    ingest: (sessionId, _history, records) => store.ingest(sessionId, records, 'history'),
    close: () => db.$client.close(),
  };
}

function rawSide(dir: string): Side {
  const raw = new RawIngest(path.join(dir, 'raw.db'));
  return {
    name: 'raw (case 1 baseline)',
    ms: 0,
    cpu: 0,
    ingest: (s, _h, r) => raw.ingest(s, r),
    close: () => raw.close(),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const history = new History(historySpec(Number(option('--scale') ?? 0.05)));
  const slice = Math.min(history.spec.messages, Number(option('--slice') ?? 50_000));
  const only = option('--only')?.split(',');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-ingest-costs-'));
  const names = Object.keys(VARIANTS).filter(
    (name) => !only || name === 'full' || only.some((o) => name.includes(o)),
  );
  const sides = [...names.map((name) => appSide(dir, name, VARIANTS[name] ?? '', history)), rawSide(dir)];
  process.stdout.write(
    `${slice.toLocaleString('en')} messages into ${sides.length} databases; at start: ${loadAverage()}\n`,
  );
  let turn = 0;
  let lastYield = performance.now();
  // `--newest-first`: the slices in the order WhatsApp's history sync sends them (newest first),
  // where a chat's summary is written by its first slice and rarely again; the default is the
  // bench's order (oldest first), where every slice moves each of its chats forward.
  const batches = args.includes('--newest-first')
    ? [...history.batches(0, slice)].reverse()
    : history.batches(0, slice);
  for (const batch of batches) {
    const sessionId = history.spec.sessions[batch.session] as string;
    for (let i = 0; i < sides.length; i += 1) {
      const side = sides[(turn + i) % sides.length] as Side;
      const cpuBefore = process.cpuUsage();
      side.ms += time(() => side.ingest(sessionId, history, batch.records));
      const cpu = process.cpuUsage(cpuBefore);
      side.cpu += (cpu.user + cpu.system) / 1000;
    }
    turn += 1;
    if (performance.now() - lastYield > 50) {
      await yieldToLoop();
      lastYield = performance.now();
    }
  }
  const full = sides[0] as Side;
  const raw = sides[sides.length - 1] as Side;
  const perK = (ms: number) => ((ms / slice) * 1000).toFixed(1);
  process.stdout.write(`At end: ${loadAverage()}\n\n`);
  process.stdout.write(
    `| schema | wall ms / 1k msgs | CPU ms / 1k msgs | CPU saved vs full | share of full (CPU) | ratio to raw (wall / CPU) |\n|---|---|---|---|---|---|\n`,
  );
  for (const side of sides) {
    const saved = full.cpu - side.cpu;
    process.stdout.write(
      `| ${side.name} | ${perK(side.ms)} | ${perK(side.cpu)} | ${side === full ? '' : perK(saved)} | ${
        side === full ? '' : `${((saved / full.cpu) * 100).toFixed(1)} %`
      } | ${(raw.ms / side.ms).toFixed(2)}× / ${(raw.cpu / side.cpu).toFixed(2)}× |\n`,
    );
  }
  for (const side of sides) side.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
