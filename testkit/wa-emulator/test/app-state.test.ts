/**
 * App-state sync and business profiles, with real Baileys clients: two linked devices of one
 * account and its simulated phone agree on archive, pin and mute; the push name set with
 * `updateProfileName` becomes the account's name; business profiles read and edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Customer } from '../customer.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture } from './emulator-fixture.js';

let fx: Fixture;
let shopA: Customer;
let shopB: Customer;
let bob: Customer;

const SHOP = '15550951';
const LIMIT = 60_000;

/** Resolves once `customer` holds the account's app-state key, shared by the phone at login. */
function hasAppStateKey(customer: Customer): Promise<unknown> {
  return customer.waitFor(() => customer.sock.authState.creds.myAppStateKeyId, LIMIT, 'app-state key');
}

/** Resolves with the first `chats.update` after `seen` about `jid` that has `field`. */
function chatUpdate(
  customer: Customer,
  jid: string,
  field: string,
  seen: number,
): Promise<Record<string, unknown>> {
  return customer.waitFor(
    () => customer.chatUpdates.slice(seen).find((update) => update.id === jid && field in update),
    LIMIT,
    `chats.update ${field} of ${jid}`,
  );
}

beforeAll(async () => {
  fx = await createFixture();
  shopA = await fx.customer({ phone: SHOP, name: 'Shop' });
  shopB = await fx.customer({ phone: SHOP, name: 'Shop' });
  bob = await fx.customer({ phone: '15550952', name: 'Bob' });
  await Promise.all([hasAppStateKey(shopA), hasAppStateKey(shopB)]);
}, 120_000);

afterAll(async () => {
  await fx.cleanup();
});

describe('app-state sync', () => {
  it('the phone shares one app-state key with every linked device', () => {
    expect(shopA.sock.authState.creds.myAppStateKeyId).toBeTruthy();
    expect(shopB.sock.authState.creds.myAppStateKeyId).toBe(shopA.sock.authState.creds.myAppStateKeyId);
  });

  it('a pin made on one linked device reaches the other device and the phone', async () => {
    const seen = shopB.chatUpdates.length;
    await shopA.sock.chatModify({ pin: true }, bob.jid);
    const update = await chatUpdate(shopB, bob.jid, 'pinned', seen);
    expect(update.pinned).toBeGreaterThan(0);
    const pins = await fx.emulator.appStateEntries(SHOP, 'pin_v1');
    expect(pins).toEqual([expect.objectContaining({ index: ['pin_v1', bob.jid] })]);
    expect(pins[0]?.value.pinAction?.pinned).toBe(true);
  });

  it('later changes build on earlier ones (versions in order), both ways', async () => {
    const seenA = shopA.chatUpdates.length;
    await shopB.sock.chatModify({ mute: Date.now() + 3_600_000 }, bob.jid);
    const muted = await chatUpdate(shopA, bob.jid, 'muteEndTime', seenA);
    expect(Number(muted.muteEndTime)).toBeGreaterThan(Date.now() / 1000);
    const seenB = shopB.chatUpdates.length;
    await shopA.sock.chatModify({ pin: false }, bob.jid);
    expect((await chatUpdate(shopB, bob.jid, 'pinned', seenB)).pinned).toBeNull();
    const pins = await fx.emulator.appStateEntries(SHOP, 'pin_v1');
    expect(pins[0]?.value.pinAction?.pinned).toBe(false);
  });

  it('a change made on the phone reaches every linked device', async () => {
    const seenA = shopA.chatUpdates.length;
    const seenB = shopB.chatUpdates.length;
    const lastMessages = [
      { key: { remoteJid: bob.jid, id: 'PHONEMSG1', fromMe: false }, messageTimestamp: 1_700_000_000 },
    ];
    await fx.emulator.phoneChatModify(SHOP, { archive: true, lastMessages }, bob.jid);
    expect((await chatUpdate(shopA, bob.jid, 'archived', seenA)).archived).toBe(true);
    expect((await chatUpdate(shopB, bob.jid, 'archived', seenB)).archived).toBe(true);
  });

  it('updateProfileName (a critical_block patch) becomes the name others see', async () => {
    await shopA.sock.updateProfileName('Corner Shop');
    await fx.emulator.appStateEntries(SHOP, 'setting_pushName');
    expect(fx.emulator.accounts().find((account) => account.phone === SHOP)?.name).toBe('Corner Shop');
  });
});

describe('WhatsApp Business labels', () => {
  it('a label made on the phone reaches the linked devices; one made on a device reaches the phone', async () => {
    fx.emulator.setBusinessProfile(SHOP, { description: 'Shop', websites: [] });
    const seen = shopA.labelEvents.length;
    await fx.emulator.phoneEditLabel(SHOP, { id: '1', name: 'New customer', color: 2 });
    await fx.emulator.phoneLabelChat(SHOP, '1', bob.jid, true);
    const events = await shopA.waitFor(
      () => {
        const mine = shopA.labelEvents.slice(seen);
        return mine.length >= 2 ? mine : undefined;
      },
      LIMIT,
      'labels.edit and labels.association',
    );
    expect(events[0]).toEqual({
      event: 'labels.edit',
      data: expect.objectContaining({ id: '1', name: 'New customer', color: 2, deleted: false }),
    });
    expect(events[1]).toEqual({
      event: 'labels.association',
      data: { type: 'add', association: { type: 'label_jid', chatId: bob.jid, labelId: '1' } },
    });

    await shopB.sock.addLabel('', { id: '7', name: 'Paid', color: 5, deleted: false });
    await shopB.sock.addChatLabel(bob.jid, '7');
    await shopB.sock.removeChatLabel(bob.jid, '1');
    const labels = await fx.emulator.labels(SHOP);
    expect(labels).toEqual(
      expect.arrayContaining([
        { id: '1', name: 'New customer', color: 2, deleted: false, chats: [] },
        { id: '7', name: 'Paid', color: 5, deleted: false, chats: [bob.jid] },
      ]),
    );
  });

  it('a personal account has no labels on its phone', async () => {
    await expect(fx.emulator.phoneEditLabel(bob.phone, { id: '1', name: 'x', color: 0 })).rejects.toThrow(
      /not a WhatsApp Business account/,
    );
  });
});

describe('business profiles', () => {
  it('a personal account has none and may not set one', async () => {
    await expect(bob.sock.getBusinessProfile(bob.jid)).resolves.toBeUndefined();
    await expect(bob.sock.updateBussinesProfile({ description: 'x' })).rejects.toMatchObject({ data: 403 });
  });

  it('a business account reads and edits its profile; others read it', async () => {
    fx.emulator.setBusinessProfile(SHOP, {
      description: 'Fresh bread daily',
      address: '1 Main St',
      email: 'hi@shop.test',
      websites: ['https://shop.test'],
      category: 'Bakery',
    });
    await shopA.sock.updateBussinesProfile({
      description: 'Bread and cakes',
      websites: ['https://cakes.test'],
    });
    const seen = await bob.sock.getBusinessProfile(shopA.jid);
    expect(seen).toMatchObject({
      description: 'Bread and cakes',
      address: '1 Main St',
      email: 'hi@shop.test',
      website: ['https://cakes.test'],
      category: 'Bakery',
    });
  });
});
