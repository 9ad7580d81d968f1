/**
 * The ordering rules of receiving (docs/ARCHITECTURE.md, "Durable receive"), each with a crash
 * injected between two steps of receive → decrypt → store (+ key writes) → receipt, against the
 * local WhatsApp server and a real Baileys customer:
 * - nothing is acknowledged before it is stored, and no key write of its decryption is kept
 *   without it: a crash before the store leaves the keys that decrypt the redelivered message;
 * - a crash after the store but before the receipt costs a redelivery, not a duplicate, and the
 *   redelivery is only receipted (not decrypted with spent keys);
 * - a contact's receipt (read) is acknowledged only after its status is stored: a crash before
 *   that store leaves the receipt with WhatsApp, which delivers it again;
 * - a stored message is acknowledged only once its commit is on the disk, not merely committed
 *   (a power cut can take back commits not yet synced; db/durable-commits.ts);
 * - the patch that makes Baileys wait for the store is installed (a Baileys upgrade that drops
 *   it fails here).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { linkedWorld, type LinkedWorld } from '../../testkit/support/linked-session.js';
import { commitDurability } from '../db/durable-commits.js';
import { durableReceivePatched, PATCH_MARKERS } from './durable-receive.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('the Baileys receive patch', () => {
  it('is in the installed Baileys', () => {
    expect(durableReceivePatched()).toBe(true);
  });

  it('is for the Baileys version the project installs, and npm install applies it', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    const version = pkg.dependencies['@whiskeysockets/baileys'];
    const installed = JSON.parse(
      readFileSync(path.join(ROOT, 'node_modules/@whiskeysockets/baileys/package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toBe(version);
    const patch = path.join(ROOT, 'patches', `@whiskeysockets+baileys+${version}.patch`);
    const patchText = readFileSync(patch, 'utf8');
    for (const [file, markers] of Object.entries(PATCH_MARKERS)) {
      expect(patchText).toContain(`b/node_modules/@whiskeysockets/baileys/lib/${file}`);
      for (const marker of markers) expect(patchText).toContain(marker);
    }
    expect(pkg.scripts.postinstall).toBe('patch-package');
  });
});

describe('receive → decrypt → store → receipt', () => {
  let world: LinkedWorld;

  beforeAll(async () => {
    world = await linkedWorld(); // durable receive is the default
    const warmUp = await world.customer.sendText(world.shopJid, 'warm up');
    await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === warmUp.key.id);
  }, 90_000);

  afterAll(async () => {
    await world?.close();
  });

  const keyRows = () =>
    world.app.core.db.$client
      .prepare<[], { type: string; key_id: string; value: string }>(
        "SELECT type, key_id, value FROM wa_auth_keys WHERE session_id = 'shop' AND type = 'session'",
      )
      .all();
  const fromShop = (id: string, tag: string) =>
    world.emulator
      .messagesFor(world.shopPhone)
      .filter((e) => e.direction === 'in' && e.stanza.tag === tag && e.stanza.attrs.id === id);
  const announced = (id: string) =>
    world.events.filter((e) => e.type === 'message.received' && e.data.id === id).length;
  const shopQueue = () =>
    world.emulator.accounts().find((a) => a.phone === world.shopPhone)?.devices[0]?.queued;
  const reconnect = async () => {
    await world.app.request('/api/v1/sessions/shop/disconnect', { method: 'POST' });
    await world.app.request('/api/v1/sessions/shop/connect', { method: 'POST' });
  };

  it(
    'a stored message is acknowledged only once its commit is on the disk (a power cut can take back unsynced commits)',
    { timeout: 60_000 },
    async () => {
      const store = world.app.core.services.messaging.store;
      const durability = commitDurability(world.app.core.db.$client);
      let diskConfirms!: () => void;
      const disk = new Promise<void>((resolve) => (diskConfirms = resolve));
      const flush = vi.spyOn(durability, 'flush').mockImplementation(() => disk);
      try {
        const sent = await world.customer.sendText(world.shopJid, 'stored, not yet on the disk');
        const id = sent.key.id!;
        await expect.poll(() => store.findById('shop', id)?.text).toBe('stored, not yet on the disk');
        // Committed, but the disk has not confirmed it: WhatsApp must keep holding the message.
        // (Without the barrier its receipt reaches the server within milliseconds of the commit.)
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(fromShop(id, 'receipt')).toEqual([]);
        expect(shopQueue()).toBeGreaterThan(0);

        diskConfirms();
        await expect.poll(() => fromShop(id, 'receipt').length).toBeGreaterThan(0);
        await expect.poll(shopQueue, { timeout: 30_000 }).toBe(0);
        expect(announced(id)).toBe(1);
      } finally {
        flush.mockRestore();
      }
    },
  );

  it(
    'a crash between decrypt and store: not acknowledged, no key write kept, stored once on redelivery',
    { timeout: 120_000 },
    async () => {
      const store = world.app.core.services.messaging.store;
      const keysBefore = keyRows();
      const crash = vi.spyOn(store, 'ingest').mockImplementationOnce(() => {
        throw new Error('power cut');
      });
      const sent = await world.customer.sendText(world.shopJid, 'sent during the power cut');
      const id = sent.key.id!;
      await expect.poll(() => crash.mock.calls.length).toBeGreaterThan(0);
      crash.mockRestore();
      // Nothing went back to WhatsApp: no receipt and no nack, so it stays queued there.
      expect(fromShop(id, 'ack')).toEqual([]);
      expect(fromShop(id, 'receipt')).toEqual([]);
      expect(shopQueue()).toBeGreaterThan(0);
      expect(store.findById('shop', id)).toBeNull();
      // The ratchet step of that decryption was not committed: the stored keys still decrypt it.
      expect(keyRows()).toEqual(keysBefore);

      await reconnect();
      await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === id, 60_000);
      expect(store.findById('shop', id)?.text).toBe('sent during the power cut');
      // The receipt follows the commit (the event above is dispatched by it).
      await expect.poll(() => fromShop(id, 'receipt').length).toBeGreaterThan(0);
      await expect.poll(shopQueue, { timeout: 30_000 }).toBe(0);
      expect(announced(id)).toBe(1);
    },
  );

  it(
    'a crash between store and receipt: redelivered (never acknowledged), only receipted then, stored and announced once',
    { timeout: 120_000 },
    async () => {
      const store = world.app.core.services.messaging.store;
      const ingest = store.ingest.bind(store);
      let cutAfterStore = true;
      const spy = vi.spyOn(store, 'ingest').mockImplementation((...args) => {
        const stored = ingest(...args);
        if (cutAfterStore && stored.length) {
          cutAfterStore = false;
          // The connection dies right after the commit, before Baileys sends the receipt.
          world.emulator.setOnline(world.shopPhone, false);
        }
        return stored;
      });
      const sent = await world.customer.sendText(world.shopJid, 'stored, then the cable was pulled');
      const id = sent.key.id!;
      await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === id);
      expect(fromShop(id, 'receipt').filter((e) => e.stanza.attrs.type !== 'retry')).toEqual([]);
      expect(shopQueue()).toBeGreaterThan(0);

      world.emulator.setOnline(world.shopPhone, true);
      await expect.poll(shopQueue, { timeout: 60_000 }).toBe(0);
      spy.mockRestore();
      expect(announced(id)).toBe(1);
      // Recognised as stored (wa_received_messages): receipted without decrypting its spent keys
      // again, so no retry receipt asked the customer to resend it.
      expect(fromShop(id, 'receipt').filter((e) => e.stanza.attrs.type !== 'retry').length).toBeGreaterThan(
        0,
      );
      expect(fromShop(id, 'receipt').filter((e) => e.stanza.attrs.type === 'retry')).toEqual([]);
      const page = (await (
        await world.app.request(`/api/v1/sessions/shop/chats/${world.customer.jid}/messages?limit=100`)
      ).json()) as { items: { id: string }[] };
      expect(page.items.filter((m) => m.id === id)).toHaveLength(1);
    },
  );

  it(
    'a crash between a read receipt and storing its status: not acknowledged, stored on redelivery',
    { timeout: 120_000 },
    async () => {
      const store = world.app.core.services.messaging.store;
      // The test before cut the connection: on a busy machine the shop may still be reconnecting.
      await expect
        .poll(
          async () =>
            ((await (await world.app.request('/api/v1/sessions/shop')).json()) as { status: string }).status,
          {
            timeout: 60_000,
          },
        )
        .toBe('connected');
      const response = await world.app.request('/api/v1/sessions/shop/messages', {
        method: 'POST',
        json: { to: world.customer.phone, type: 'text', text: 'read me during the power cut' },
      });
      expect(response.status).toBe(201);
      const sent = await world.customer.waitForText('read me during the power cut');
      const id = sent.key.id!;
      await expect.poll(() => store.findById('shop', id)?.status, { timeout: 30_000 }).toBe('delivered');
      const readAcks = () =>
        fromShop(id, 'ack').filter(
          (e) => e.stanza.attrs.class === 'receipt' && e.stanza.attrs.type === 'read',
        );

      const applyStatus = store.applyStatus.bind(store);
      const crash = vi.spyOn(store, 'applyStatus').mockImplementation((...args) => {
        if (args[3] === 'read') throw new Error('power cut');
        applyStatus(...args);
      });
      await world.customer.read([sent]);
      await expect.poll(() => crash.mock.calls.some((call) => call[3] === 'read')).toBe(true);
      crash.mockRestore();
      // Not acknowledged: WhatsApp still holds the receipt for the shop.
      expect(readAcks()).toEqual([]);
      expect(shopQueue()).toBeGreaterThan(0);
      expect(store.findById('shop', id)?.status).toBe('delivered');

      await reconnect();
      await expect.poll(() => store.findById('shop', id)?.status, { timeout: 60_000 }).toBe('read');
      await expect.poll(() => readAcks().length).toBeGreaterThan(0);
      await expect.poll(shopQueue, { timeout: 30_000 }).toBe(0);
    },
  );
});
