/**
 * A Status revoke arrives inside the transaction that stores the batch of its decryption
 * (wa-event-sink.ts `storeIncoming`): the photo it leaves unused may be removed only once that
 * transaction commits. Removed inside it, a rollback (the Signal key writes failing) would bring
 * the Status row back without its file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase } from '../../db/connection.js';
import { EventRecorder } from '../events/event-recorder.js';
import { MediaStore } from '../messages/media-store.js';
import { UnusedMedia } from '../sessions/removal/unused-media.js';
import { StatusService } from './status-service.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'polish-status-revoke-'));
  dirs.push(dir);
  const db = openDatabase(':memory:');
  const events = new EventRecorder(db, new EventBus(pino({ level: 'silent' })));
  const files = new MediaStore(dir, db);
  const status = new StatusService({
    db,
    events,
    files,
    unused: new UnusedMedia(db, files),
    contacts: { displayName: () => null } as never,
    idempotency: {} as never,
    actions: {} as never,
    send: {} as never,
    resolveMedia: {} as never,
    logger: pino({ level: 'silent' }),
  });
  // A contact's photo Status with its file, as after its download.
  status.receive('s1', {
    id: 'ST1',
    posterJid: '972500000001@s.whatsapp.net',
    posterName: 'Dana',
    fromMe: false,
    kind: 'image',
    text: null,
    backgroundColor: null,
    font: null,
    mimetype: 'image/jpeg',
    timestamp: Date.now(),
    raw: Buffer.from('raw'),
  });
  const { sha256 } = files.save(Buffer.from('a status photo'), 'image/jpeg');
  db.$client.prepare(`UPDATE status_updates SET media_sha256 = ? WHERE id = 'ST1'`).run(sha256);
  const rowCount = () =>
    (db.$client.prepare(`SELECT count(*) AS n FROM status_updates WHERE id = 'ST1'`).get() as { n: number })
      .n;
  return { status, events, files, sha256, rowCount };
}

describe('revoking a Status', () => {
  it('keeps the file when the transaction it came in rolls back', () => {
    const { status, events, files, sha256, rowCount } = setup();
    expect(() =>
      events.transaction(() => {
        status.revoke('s1', 'ST1', null);
        throw new Error('the key writes of the batch failed');
      }),
    ).toThrow('the key writes');
    expect(rowCount()).toBe(1);
    expect(files.has(sha256)).toBe(true);
  });

  it('removes the file after the commit', () => {
    const { status, events, files, sha256, rowCount } = setup();
    events.transaction(() => {
      status.revoke('s1', 'ST1', null);
      // Still there until the batch's transaction commits.
      expect(files.has(sha256)).toBe(true);
    });
    expect(rowCount()).toBe(0);
    expect(files.has(sha256)).toBe(false);
  });
});
