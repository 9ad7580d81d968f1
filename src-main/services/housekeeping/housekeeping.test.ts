import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { HousekeepingStatus } from '../../../src-shared/contract/housekeeping.js';
import type { Message } from '../../../src-shared/messages.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { MediaStore } from '../messages/media-store.js';

/**
 * Retention removes exactly what it says: with "media older than 30 days" and "messages of
 * `shop` older than 365 days", a pass deletes the old shop messages (with their reactions and
 * tags), strips the media of old messages of every number (the message stays, marked removed),
 * deletes the files nothing else uses, and touches nothing newer or on another number's messages.
 */
const DAY = 24 * 3600_000;
const DANA = '972501110001@s.whatsapp.net';
const AVI = '972501110002@s.whatsapp.net';
let app: TestCore | null = null;

afterEach(async () => {
  await app?.stop();
  app = null;
});

interface Seeded {
  files: Record<'veryOld' | 'oldOnly' | 'shared' | 'branchOld', { sha256: string; size: number }>;
}

function seed(test: TestCore): Seeded {
  const sqlite = test.core.db.$client;
  const store = new MediaStore(test.dataDir, test.core.db);
  const files = {
    veryOld: store.save(randomBytes(1000), 'image/jpeg'),
    oldOnly: store.save(randomBytes(2000), 'image/jpeg'),
    shared: store.save(randomBytes(3000), 'image/jpeg'),
    branchOld: store.save(randomBytes(4000), 'application/pdf'),
  };
  sqlite.prepare("INSERT INTO sessions (id, name) VALUES ('shop', 'Shop'), ('branch', 'Branch')").run();
  const insert = sqlite.prepare(
    `INSERT INTO messages (session_id, chat_jid, id, from_me, type, text, media, status, timestamp)
     VALUES (?, ?, ?, 0, ?, ?, ?, 'delivered', ?)`,
  );
  const media = (file: { sha256: string; size: number }, mimetype = 'image/jpeg') =>
    JSON.stringify({
      mimetype,
      fileName: null,
      size: file.size,
      sha256: file.sha256,
      seconds: null,
      width: null,
      height: null,
      voiceNote: false,
      stored: true,
    });
  const ago = (days: number) => Date.now() - days * DAY;
  insert.run('shop', DANA, 'm1', 'text', 'ancient hello', null, ago(400));
  insert.run('shop', DANA, 'm2', 'image', null, media(files.veryOld), ago(400));
  insert.run('shop', DANA, 'm3', 'image', 'old photo', media(files.oldOnly), ago(100));
  insert.run('shop', DANA, 'm4', 'image', null, media(files.shared), ago(100));
  insert.run('shop', DANA, 'm5', 'image', null, media(files.shared), ago(5));
  insert.run('shop', DANA, 'm6', 'text', 'recent', null, ago(5));
  insert.run('branch', AVI, 'b1', 'text', 'branch ancient', null, ago(400));
  insert.run('branch', AVI, 'b2', 'document', null, media(files.branchOld, 'application/pdf'), ago(400));
  sqlite
    .prepare(
      `INSERT INTO message_reactions (session_id, chat_jid, message_id, sender_jid, emoji, timestamp)
       VALUES ('shop', ?, 'm1', ?, '👍', 0)`,
    )
    .run(DANA, DANA);
  sqlite.prepare("INSERT INTO tags (id, name, color, created_at) VALUES ('t1', 'vip', '#ff0000', 0)").run();
  sqlite
    .prepare(
      `INSERT INTO message_tags (session_id, chat_jid, message_id, tag_id, added_by, added_at)
       VALUES ('shop', ?, 'm1', 't1', 'admin', 0)`,
    )
    .run(DANA);
  return { files };
}

async function messages(test: TestCore, session: string, chat: string): Promise<Message[]> {
  const response = await test.request(`/api/v1/sessions/${session}/chats/${chat}/messages?limit=100`);
  if (response.status !== 200) throw new Error(await response.text());
  return ((await response.json()) as { items: Message[] }).items.reverse();
}

async function status(test: TestCore): Promise<HousekeepingStatus> {
  return (await (await test.request('/api/v1/housekeeping')).json()) as HousekeepingStatus;
}

async function configure(test: TestCore): Promise<HousekeepingStatus> {
  const response = await test.request('/api/v1/housekeeping/retention', {
    method: 'PUT',
    json: { mediaDays: 30, messageDays: { shop: 365 } },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as HousekeepingStatus;
}

function expectExactlyTheRulesApplied(
  test: TestCore,
  seeded: Seeded,
  shop: Message[],
  branch: Message[],
): void {
  expect(shop.map((m) => m.id)).toEqual(['m3', 'm4', 'm5', 'm6']);
  const [m3, m4, m5] = shop;
  expect(m3!.text).toBe('old photo');
  expect(m3!.media).toMatchObject({ stored: false, sha256: null, removedAt: expect.any(String) });
  expect(m4!.media).toMatchObject({ stored: false, sha256: null, removedAt: expect.any(String) });
  expect(m5!.media).toMatchObject({ stored: true, sha256: seeded.files.shared.sha256 });
  expect(m5!.media!.removedAt).toBeUndefined();
  expect(branch.map((m) => m.id)).toEqual(['b1', 'b2']);
  expect(branch[1]!.media).toMatchObject({ stored: false, removedAt: expect.any(String) });

  const store = new MediaStore(test.dataDir, test.core.db);
  expect(store.has(seeded.files.veryOld.sha256)).toBe(false);
  expect(store.has(seeded.files.oldOnly.sha256)).toBe(false);
  expect(store.has(seeded.files.branchOld.sha256)).toBe(false);
  expect(store.has(seeded.files.shared.sha256)).toBe(true);
  const sqlite = test.core.db.$client;
  expect(sqlite.prepare('SELECT sha256 FROM media_files').all()).toEqual([
    { sha256: seeded.files.shared.sha256 },
  ]);
  expect(sqlite.prepare('SELECT count(*) AS n FROM message_reactions').get()).toEqual({ n: 0 });
  expect(sqlite.prepare('SELECT count(*) AS n FROM message_tags').get()).toEqual({ n: 0 });
}

describe('retention', () => {
  it('removes exactly the old media and the old messages of the number with a rule', async () => {
    app = await startTestCore({}, { retentionBatch: 3 });
    const seeded = seed(app);
    // Setting a rule starts the first pass at once.
    expect((await configure(app)).running).toMatchObject({ total: 8, scanned: 0 });
    await app.core.services.housekeeping.idle();

    expectExactlyTheRulesApplied(
      app,
      seeded,
      await messages(app, 'shop', DANA),
      await messages(app, 'branch', AVI),
    );
    const after = await status(app);
    expect(after.running).toBeNull();
    expect(after.lastRun).toMatchObject({
      scanned: 8,
      mediaRemoved: 3,
      messagesDeleted: 2,
      filesDeleted: 3,
      bytesFreed: 1000 + 2000 + 4000,
    });
    expect(after.nextRunAt).not.toBeNull();
    expect(after.vacuum.mode).toBe('incremental');

    // A removed file is never fetched again (its message says when it went).
    const m3 = await app.request('/api/v1/sessions/shop/messages/m3/media');
    expect(m3.status).toBe(404);
    expect(await m3.text()).toContain('removed');
    expect((await app.request('/api/v1/sessions/shop/messages/m5/media')).status).toBe(200);

    // The deleted text is gone from search too; the other number's old message is still found.
    const search = await app.request('/api/v1/search?q=ancient');
    expect(search.status).toBe(200);
    const found = (await search.json()) as { items: { id: string }[] };
    expect(found.items.map((m) => m.id)).toEqual(['b1']);

    // A second pass, on request, finds nothing more to do.
    const again = await app.request('/api/v1/housekeeping/run', { method: 'POST' });
    expect(again.status).toBe(202);
    expect(((await again.json()) as HousekeepingStatus).running).toMatchObject({ total: 6 });
    await app.core.services.housekeeping.idle();
    expect((await status(app)).lastRun).toMatchObject({
      mediaRemoved: 0,
      messagesDeleted: 0,
      filesDeleted: 0,
    });
  });

  it('continues after a restart with the cut-offs it started with', async () => {
    app = await startTestCore({}, { retentionBatch: 2 });
    const seeded = seed(app);
    const dataDir = app.dataDir;
    let batches = 0;
    let stopping: Promise<void> | null = null;
    app.core.services.housekeeping.onBatch(() => {
      if (++batches === 2) stopping = app!.core.stop();
    });
    await configure(app);
    await app.core.services.housekeeping.idle();
    await stopping;
    expect(batches).toBe(2);

    // Stopped half-way, its position stored; the rules change while it is stopped (as the owner
    // could): the pass keeps the cut-offs it announced.
    const file = path.join(dataDir, 'chatdock.db');
    const offline = new Database(file);
    const pass = JSON.parse(
      (
        offline.prepare("SELECT value FROM settings WHERE key = 'housekeeping.pass'").get() as {
          value: string;
        }
      ).value,
    ) as { scanned: number };
    expect(pass.scanned).toBe(4);
    offline
      .prepare("UPDATE settings SET value = ? WHERE key = 'housekeeping.retention'")
      .run(JSON.stringify({ mediaDays: 1000, messageDays: {} }));
    offline.close();

    app = await startTestCore({}, { retentionBatch: 2, dataDir });
    await app.core.services.housekeeping.idle();
    expectExactlyTheRulesApplied(
      app,
      seeded,
      await messages(app, 'shop', DANA),
      await messages(app, 'branch', AVI),
    );
    expect((await status(app)).lastRun).toMatchObject({ scanned: 8, mediaRemoved: 3, messagesDeleted: 2 });
    expect((await status(app)).retention).toEqual({ mediaDays: 1000, messageDays: {} });
  });

  it('refuses a rule for a number that does not exist, naming it', async () => {
    app = await startTestCore();
    const response = await app.request('/api/v1/housekeeping/retention', {
      method: 'PUT',
      json: { messageDays: { nobody: 30 } },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('messageDays.nobody');
    const zero = await app.request('/api/v1/housekeeping/retention', {
      method: 'PUT',
      json: { mediaDays: 0 },
    });
    expect(zero.status).toBe(400);
    expect(((await zero.json()) as { error: { field: string } }).error.field).toBe('mediaDays');
    expect((await status(app)).retention).toEqual({ mediaDays: null, messageDays: {} });
  });
});
