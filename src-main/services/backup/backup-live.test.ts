import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { PreparedRestore } from '../../../src-shared/contract/backups.js';
import type { Message } from '../../../src-shared/messages.js';
import { nextEvent, sessionReaches } from '../../../testkit/support/events.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { PNG_1PX } from '../../../testkit/support/media-fixtures.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { createBackup } from './create-backup.js';
import { testKey } from '../../../testkit/support/backup-helpers.js';

/**
 * The whole point of a backup, with real Baileys against the local WhatsApp server: the shop's
 * PC backs up while a customer writes; a new PC restores the file on its first run (through the
 * API behind "Restore from a backup") and restarts on it while the old one still runs (the old one is told it was replaced and stays off); the
 * number is linked again without a QR, every message of the backup is there, and the
 * conversation goes on in both directions.
 */
const PASSPHRASE = 'our shop backup passphrase';
const root = mkdtempSync(path.join(os.tmpdir(), 'chatdock-backup-live-'));
let world: LinkedWorld;
let restored: TestCore | null = null;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501117000', customerPhone: '972502227000' });
}, 60_000);

afterAll(async () => {
  await restored?.stop();
  await world?.close();
  rmSync(root, { recursive: true, force: true });
});

/** The message with this WhatsApp id, once `app` stored it (`seen`: events it already published). */
async function received(id: string, app: TestCore, seen: AnyEventEnvelope[] = []): Promise<Message> {
  const match = (e: AnyEventEnvelope) => e.type === 'message.received' && e.data.id === id;
  const event = seen.find(match) ?? (await nextEvent(app.core.bus, match));
  return event.data as Message;
}

async function texts(app: TestCore, chat: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await app.request(`/api/v1/sessions/shop/chats/${chat}/messages?limit=100${query}`);
    const page = (await response.json()) as { items: Message[]; next: string | null };
    out.push(...page.items.map((m) => m.text ?? `<${m.type}>`));
    cursor = page.next;
  } while (cursor);
  return out.reverse();
}

describe('backup while a customer writes, restore on a new PC', () => {
  it('comes back linked without a QR, with every message of the backup, and keeps talking', async () => {
    const { customer, app } = world;
    const before = ['Hi, do you deliver?', 'To Herzl 12', 'Thanks!'];
    for (const text of before) {
      const sent = await customer.sendText(world.shopJid, text);
      await received(sent.key.id!, app, world.events);
    }
    const photo = await customer.send(world.shopJid, {
      image: PNG_1PX,
      mimetype: 'image/png',
      caption: 'this one',
    });
    const photoMessage = await received(photo.key.id!, app, world.events);
    expect((await app.request(`/api/v1/sessions/shop/messages/${photoMessage.id}/media`)).status).toBe(200);

    // The customer keeps writing while the backup runs.
    const during = Array.from({ length: 12 }, (_, i) => `Still there? (${i + 1})`);
    const folder = path.join(root, 'usb-disk');
    mkdirSync(folder);
    const writing = (async () => {
      const ids: string[] = [];
      for (const text of during) ids.push((await customer.sendText(world.shopJid, text)).key.id!);
      return ids;
    })();
    const backup = await createBackup({
      sqlite: app.core.db.$client,
      dataDir: app.dataDir,
      folder,
      key: await testKey(PASSPHRASE),
      appVersion: 'test',
    });
    for (const id of await writing) await received(id, app, world.events);
    const chat = customer.jid;
    const everything = [...before, 'this one', ...during];
    expect(await texts(app, chat)).toEqual(everything);

    // A new PC, on its first run, restores the file ("Restore from a backup") while the old one
    // still runs; the restore is used from its next start.
    const newDataDir = path.join(root, 'new-pc', 'Chatdock');
    const { emulator } = world;
    const waEnv = {
      CHATDOCK_WA_SERVER_URL: emulator.wsUrl,
      CHATDOCK_WA_SERVER_ROOT_KEY: emulator.rootKeyHex,
    };
    const firstRun = await startTestCore(waEnv, { dataDir: newDataDir });
    const restoring = await firstRun.request('/api/v1/backups/restore', {
      method: 'POST',
      json: { file: backup.file, passphrase: PASSPHRASE, confirm: true },
    });
    expect(restoring.status).toBe(200);
    const result = (await restoring.json()) as PreparedRestore;
    expect(result.sessions).toEqual([{ id: 'shop', name: 'Shop', phone: world.shopPhone }]);
    await firstRun.core.stop();

    // Two PCs on one login do not fight: WhatsApp keeps the newer, and the old one says so and
    // stays off ("opened somewhere else") instead of taking it back.
    const oldReplaced = sessionReaches(app.core.bus, 'shop', 'disconnected', 30_000);
    const qrs: string[] = [];
    const restoredEvents: AnyEventEnvelope[] = [];
    restored = await startTestCore(waEnv, { dataDir: newDataDir });
    // Switched in at this start: the media files came with it.
    const sha = createHash('sha256').update(PNG_1PX).digest('hex');
    expect(existsSync(path.join(newDataDir, 'media', sha.slice(0, 2), sha))).toBe(true);
    restored.core.bus.subscribe((e) => {
      restoredEvents.push(e);
      if (e.type === 'session.status' && e.data.qr) qrs.push(e.data.qr);
    });
    const status = (await (await restored.request('/api/v1/sessions/shop')).json()) as { status: string };
    if (status.status !== 'connected') await sessionReaches(restored.core.bus, 'shop', 'connected', 30_000);
    expect(qrs).toEqual([]);
    expect((await oldReplaced).session.statusReason).toBe('replaced');
    // Then the old PC is switched off for good.
    await app.core.stop();

    // Exactly the messages of the moment of the backup: everything before it, and of the ones
    // written during it a first part, in order, with no hole.
    const back = await texts(restored, chat);
    expect(back.length).toBe(result.counts.messages);
    expect(back).toEqual(everything.slice(0, back.length));
    expect(back.length).toBeGreaterThanOrEqual(before.length + 1);
    const media = await restored.request(`/api/v1/sessions/shop/messages/${photoMessage.id}/media`);
    expect(
      createHash('sha256')
        .update(Buffer.from(await media.arrayBuffer()))
        .digest('hex'),
    ).toBe(sha);

    // The restored number still reads the customer's new messages and can answer.
    const later = await customer.sendText(world.shopJid, 'Are you back?');
    expect((await received(later.key.id!, restored, restoredEvents)).text).toBe('Are you back?');
    const reply = await restored.request('/api/v1/sessions/shop/messages', {
      method: 'POST',
      json: { to: `+${customer.phone}`, type: 'text', text: 'Yes, new PC!' },
    });
    expect(reply.status).toBe(201);
    await customer.waitForText('Yes, new PC!');
  }, 120_000);
});
