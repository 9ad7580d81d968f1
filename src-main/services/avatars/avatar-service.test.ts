import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors.js';
import { openDatabase } from '../../db/connection.js';
import { JPEG_48PX, PNG_1PX } from '../../../testkit/support/media-fixtures.js';
import { MediaStore } from '../messages/media-store.js';
import { AVATAR_REUSE_MS, AvatarService } from './avatar-service.js';
import { AvatarStore } from './avatar-store.js';
import { PictureRejected, type DownloadedPicture } from './picture-download.js';

const JID = '972501234567@s.whatsapp.net';
const SECRET_URL = 'https://pps.whatsapp.net/v/1.jpg?oh=01_secret_token&oe=6800';

let dir: string;
let now: number;
let connected: boolean;
/** What WhatsApp answers for the picture URL (null: no picture), or an error it fails with. */
let whatsapp: { url: string | null } | { fail: Error };
let hosted: DownloadedPicture | Error;
let queries: number;
let logLines: string[];
let service: AvatarService;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-avatars-'));
  const db = openDatabase(':memory:');
  now = 1_000_000;
  connected = true;
  whatsapp = { url: SECRET_URL };
  hosted = { bytes: JPEG_48PX, mimetype: 'image/jpeg' };
  queries = 0;
  logLines = [];
  service = new AvatarService({
    store: new AvatarStore(db),
    files: new MediaStore(dir, db),
    actions: {
      isConnected: () => connected,
      profilePictureUrl: () => {
        queries += 1;
        return 'fail' in whatsapp ? Promise.reject(whatsapp.fail) : Promise.resolve(whatsapp.url);
      },
    },
    download: () => (hosted instanceof Error ? Promise.reject(hosted) : Promise.resolve(hosted)),
    logger: pino({ level: 'debug' }, { write: (line: string) => logLines.push(line) }),
    now: () => now,
  });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('AvatarService', () => {
  it('remembers a picture for a day and "no picture" for 6 hours', async () => {
    expect((await service.get('shop', JID))?.bytes.equals(JPEG_48PX)).toBe(true);
    now += AVATAR_REUSE_MS.found - 1;
    await service.get('shop', JID);
    expect(queries).toBe(1);
    now += 1;
    whatsapp = { url: null };
    expect(await service.get('shop', JID)).toBeNull();
    expect(queries).toBe(2);
    now += AVATAR_REUSE_MS.none - 1;
    expect(await service.get('shop', JID)).toBeNull();
    expect(queries).toBe(2);
    now += 1;
    whatsapp = { url: SECRET_URL };
    expect(await service.get('shop', JID)).not.toBeNull();
    expect(queries).toBe(3);
  });

  it('asks again at once after WhatsApp announced a change', async () => {
    await service.get('shop', JID);
    hosted = { bytes: PNG_1PX, mimetype: 'image/png' };
    service.pictureChanged('shop', JID);
    expect((await service.get('shop', JID))?.mimetype).toBe('image/png');
    expect(queries).toBe(2);
  });

  it('remembers the full size on its own, and a change outdates both sizes', async () => {
    await service.get('shop', JID);
    await service.get('shop', JID, 'full');
    await service.get('shop', JID, 'full');
    expect(queries).toBe(2);
    hosted = { bytes: PNG_1PX, mimetype: 'image/png' };
    service.pictureChanged('shop', JID);
    expect((await service.get('shop', JID, 'full'))?.mimetype).toBe('image/png');
    expect((await service.get('shop', JID))?.mimetype).toBe('image/png');
    expect(queries).toBe(4);
  });

  it('keeps serving the old picture while WhatsApp cannot be asked, and does not ask again at once', async () => {
    await service.get('shop', JID);
    service.pictureChanged('shop', JID);
    connected = false;
    expect((await service.get('shop', JID))?.bytes.equals(JPEG_48PX)).toBe(true);
    expect(queries).toBe(1);

    connected = true;
    whatsapp = { fail: new AppError('INTERNAL', 'Timed Out') };
    expect((await service.get('shop', JID))?.bytes.equals(JPEG_48PX)).toBe(true);
    expect(await service.get('shop', JID)).not.toBeNull();
    expect(queries).toBe(2);
    now += AVATAR_REUSE_MS.failed;
    whatsapp = { url: SECRET_URL };
    await service.get('shop', JID);
    expect(queries).toBe(3);
  });

  it('treats a picture it may not use as none, and never logs the URL tokens', async () => {
    hosted = new PictureRejected('pictures are only taken from 127.0.0.1, not pps.whatsapp.net');
    expect(await service.get('shop', JID)).toBeNull();
    await service.get('shop', JID);
    expect(queries).toBe(1);

    hosted = new TypeError(`fetch failed for ${SECRET_URL}`);
    expect(await service.get('shop', '972509999999@s.whatsapp.net')).toBeNull();
    const logs = logLines.join('\n');
    expect(logs).toContain('profile picture not used');
    expect(logs).toContain('https://pps.whatsapp.net/v/1.jpg?…');
    expect(logs).not.toContain('secret_token');
  });

  it('does not ask for channels and broadcast lists, which have no pictures here', async () => {
    expect(await service.get('shop', '120363001@newsletter')).toBeNull();
    expect(await service.get('shop', 'status@broadcast')).toBeNull();
    expect(queries).toBe(0);
  });
});
