import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportQuery } from '../../../src-shared/contract/reports.js';
import { zonedInstant } from '../../../src-shared/zoned-time.js';
import { openDatabase, type Db } from '../../db/connection.js';
import { ForgetContact } from '../contacts/forget/forget-contact.js';
import { RetentionBatch } from '../housekeeping/retention-batch.js';
import { MediaStore } from '../messages/media-store.js';
import { UnusedMedia } from '../sessions/removal/unused-media.js';
import { ConversationTable } from './conversation-table.js';
import { ReportService } from './report-service.js';

/**
 * Deleting messages (retention, forgetting a contact) marks their chats to be folded again, so
 * the kept conversations and quarter-hour counts stop counting what is gone: after each deletion
 * the report equals the reference that folds the remaining messages afresh, and shows less.
 */
const ZONE = 'UTC';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const START = zonedInstant(ZONE, 2026, 11, 2);
const query: ReportQuery = { from: '2026-11-02', to: '2026-11-08', timeZone: ZONE, businessHours: false };
const everyone = { sessions: null, ownUserId: null };
const DANA = '972501110001';
const AVI = '972501110002';

let db: Db;
let dir: string;
let service: ReportService;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'report-deletions-'));
  db = openDatabase(':memory:');
  const sqlite = db.$client;
  sqlite.prepare(`INSERT INTO sessions (id, name) VALUES ('shop', 'Shop')`).run();
  const message = sqlite.prepare(
    `INSERT INTO messages (session_id, chat_jid, id, from_me, type, text, status, timestamp)
     VALUES ('shop', ?, ?, ?, 'text', 'hi', 'read', ?)`,
  );
  const resolve = sqlite.prepare(
    `INSERT INTO chat_assignment_history (session_id, chat_jid, at, change, to_value, actor, reason)
     VALUES ('shop', ?, ?, 'status', '"resolved"', '{}', 'manual')`,
  );
  // Each customer writes on three days, gets an answer ten minutes later, and is resolved.
  for (const phone of [DANA, AVI]) {
    const jid = `${phone}@s.whatsapp.net`;
    sqlite.prepare(`INSERT INTO chats (session_id, jid, kind) VALUES ('shop', ?, 'user')`).run(jid);
    for (const day of [0, 2, 4]) {
      const at = START + day * DAY + 9 * HOUR;
      message.run(jid, `${phone}-${day}-in`, 0, at);
      message.run(jid, `${phone}-${day}-out`, 1, at + 10 * 60_000);
      resolve.run(jid, at + HOUR);
    }
  }
  const table = new ConversationTable(db);
  service = new ReportService(db, table, () => START + 10 * DAY);
  table.settle();
});

afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The kept report, after checking it against the reference scan of what is left. */
function report() {
  const kept = service.overview(query, everyone);
  expect(kept).toEqual(service.overview(query, everyone, 'scan'));
  return kept.summary;
}

describe('reports after messages are deleted', () => {
  it('stop counting what retention deleted', () => {
    expect(report()).toMatchObject({ conversationsOpened: 6, messagesReceived: 6 });
    // Keep the last two days: each chat loses its first two conversations' messages.
    const cutoff = START + 3 * DAY;
    const batch = new RetentionBatch(db, 1_000);
    db.$client.transaction(() =>
      batch.run(
        0,
        Number.MAX_SAFE_INTEGER,
        { mediaBefore: null, messagesBefore: { shop: cutoff } },
        new Date(),
      ),
    )();
    const after = report();
    expect(after.messagesReceived).toBe(2);
    expect(after.messagesSent.phone).toBe(2);
    // The status history stays: the resolutions of the emptied days open no conversation.
    expect(after.conversationsOpened).toBe(2);
  });

  it('stop counting a forgotten contact', () => {
    const forget = new ForgetContact(db, new UnusedMedia(db, new MediaStore(dir, db)), () => {});
    forget.run(DANA, 'test');
    const after = report();
    expect(after).toMatchObject({ conversationsOpened: 3, conversationsResolved: 3, messagesReceived: 3 });
    expect(after.firstResponse.count).toBe(3);
    // Nothing of the chat is kept: its key (migration 0057) went with its last rows.
    const keys = db.$client.prepare('SELECT chat_jid FROM report_chats ORDER BY chat_jid').pluck().all();
    expect(keys).toEqual([`${AVI}@s.whatsapp.net`]);
  });
});
