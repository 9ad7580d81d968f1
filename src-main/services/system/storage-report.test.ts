import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageReport } from '../../../src-shared/contract/storage.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { MediaStore } from '../messages/media-store.js';

let app: TestCore;

beforeAll(async () => {
  app = await startTestCore();
  const sqlite = app.core.db.$client;
  const media = new MediaStore(app.dataDir, app.core.db);
  const photo = media.save(randomBytes(3000), 'image/jpeg');
  const video = media.save(randomBytes(20_000), 'video/mp4');
  const pdf = media.save(randomBytes(500), 'application/pdf');
  const insert = sqlite.prepare(
    `INSERT INTO messages (session_id, chat_jid, id, from_me, type, text, media, status, timestamp)
     VALUES (?, ?, ?, 0, ?, NULL, ?, 'delivered', ?)`,
  );
  const at = Date.parse('2026-12-01T10:00:00Z');
  let n = 0;
  const add = (session: string, chat: string, type: string, sha: string | null) =>
    insert.run(session, chat, `M${n++}`, type, sha ? JSON.stringify({ sha256: sha }) : null, at + n * 1000);
  // Dana on the shop number: the photo twice (sent twice, stored once), the video, 5 texts.
  add('shop', 'dana@s.whatsapp.net', 'image', photo.sha256);
  add('shop', 'dana@s.whatsapp.net', 'image', photo.sha256);
  add('shop', 'dana@s.whatsapp.net', 'video', video.sha256);
  for (let i = 0; i < 5; i++) add('shop', 'dana@s.whatsapp.net', 'text', null);
  // Avi on the second number: the same photo and a PDF.
  add('branch', 'avi@s.whatsapp.net', 'image', photo.sha256);
  add('branch', 'avi@s.whatsapp.net', 'document', pdf.sha256);
  sqlite
    .prepare(
      `INSERT INTO chats (session_id, jid, kind, name, unread_count) VALUES ('shop', 'dana@s.whatsapp.net', 'user', 'Dana', 0)`,
    )
    .run();
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/v1/storage', () => {
  it('adds up media by type and by number (each file once per number) and lists the biggest chats', async () => {
    const response = await app.request('/api/v1/storage');
    expect(response.status).toBe(200);
    const report = (await response.json()) as StorageReport;
    expect(report.database.bytes).toBeGreaterThan(0);
    expect(report.media).toMatchObject({ files: 3, bytes: 23_500 });
    expect(report.media.byType).toEqual([
      { type: 'video', files: 1, bytes: 20_000 },
      { type: 'image', files: 1, bytes: 3000 },
      { type: 'document', files: 1, bytes: 500 },
    ]);
    expect(report.media.bySession).toEqual([
      { session: 'shop', files: 2, bytes: 23_000 },
      { session: 'branch', files: 2, bytes: 3500 },
    ]);
    expect(report.biggestChats).toEqual([
      { session: 'shop', chat: 'dana@s.whatsapp.net', name: 'Dana', messages: 8, mediaBytes: 23_000 },
      { session: 'branch', chat: 'avi@s.whatsapp.net', name: null, messages: 2, mediaBytes: 3500 },
    ]);
  });
});
