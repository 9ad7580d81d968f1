/**
 * Deleting a session removes its messages in the background, in batches. Killed mid-way (SIGKILL:
 * no shutdown code runs), the server continues the removal at its next start until nothing of the
 * session is left, and another session's history is untouched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MessageRecord } from '../../../wa/message-mapping.js';
import {
  killServerProcesses,
  startServerProcess,
  until,
} from '../../../../testkit/support/server-process.js';
import { startTestCore } from '../../../../testkit/support/test-core.js';

// Enough rows that the removal (2,000 per transaction) is still running when the test looks.
const DOOMED = 100_000;
const KEPT = 500;
let dataDir: string;

function records(count: number, word: string): MessageRecord[] {
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    chatJid: `9725000${String(i % 400).padStart(5, '0')}@s.whatsapp.net`,
    id: `${word.toUpperCase()}${i}`,
    fromMe: i % 3 === 0,
    senderJid: null,
    senderName: null,
    type: 'text',
    text: `${word} message ${i}`,
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: 'delivered',
    timestamp: start + i * 1000,
    forwarded: false,
    raw: Buffer.from([8, 1]),
  }));
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-removal-'));
  // The history, written through the app's own store, then the in-process core is stopped.
  const seeding = await startTestCore({}, { dataDir });
  const { sessions, messaging } = seeding.core.services;
  sessions.create({ id: 'old', name: 'Old number' });
  sessions.create({ id: 'keep', name: 'Kept number' });
  const doomed = records(DOOMED, 'doomed');
  for (let i = 0; i < doomed.length; i += 5_000)
    messaging.store.ingest('old', doomed.slice(i, i + 5_000), 'history');
  messaging.store.ingest('keep', records(KEPT, 'kept'), 'history');
  await seeding.core.stop();
}, 120_000);

afterAll(async () => {
  await killServerProcesses();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Reads the database file beside the server, as a second connection (WAL allows it). */
function count(sql: string): number {
  const db = new Database(path.join(dataDir, 'chatdock.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
const left = () => count(`SELECT count(*) AS n FROM messages WHERE session_id = 'old'`);

it(
  'continues a session deletion SIGKILLed mid-way at the next start, until nothing is left',
  {
    timeout: 180_000,
  },
  async () => {
    const env = { CHATDOCK_DATA_DIR: dataDir };
    const first = await startServerProcess(env);
    const deleted = await first.request('/api/v1/sessions/old', {
      method: 'DELETE',
      json: { confirm: true },
    });
    expect(deleted.status).toBe(204);
    // Killed while the background removal is under way: some rows gone, most still there.
    await until('the removal to be under way', async () => {
      const n = left();
      return n < DOOMED ? n : null;
    });
    await first.kill();
    const afterKill = left();
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(DOOMED);
    // What is left to remove is remembered in the database, not in the killed process.
    const pendingPurge = `SELECT count(*) AS n FROM settings WHERE key = 'sessions:pending-purge'`;
    expect(count(pendingPurge)).toBe(1);

    const second = await startServerProcess(env);
    await until(
      'every message of the deleted session to be gone',
      async () => (left() === 0 ? true : null),
      120_000,
    );
    expect(count(`SELECT count(*) AS n FROM messages WHERE session_id = 'keep'`)).toBe(KEPT);
    // Nothing of it in search either, and the other number's history is still found.
    const search = async (q: string) =>
      ((await (await second.request(`/api/v1/search?q=${q}`)).json()) as { items: unknown[] }).items.length;
    expect(await search('doomed')).toBe(0);
    expect(await search('kept')).toBeGreaterThan(0);
    expect(count(pendingPurge)).toBe(0);
  },
);
