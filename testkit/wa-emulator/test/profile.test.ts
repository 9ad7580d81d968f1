/** Profile pictures and "about" texts, as real Baileys clients read and change them. */
import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Customer } from '../customer.js';
import { DEFAULT_ABOUT } from '../handlers/profile.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture } from './emulator-fixture.js';

let fx: Fixture;
let alice: Customer;
let bob: Customer;

/** A real 8×8 grey PNG, which Baileys' image library (sharp) can decode. */
const GREY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAD0lEQVQImWNowAEYhpYEAILzYAEeEbvlAAAAAElFTkSuQmCC',
  'base64',
);

/** Opaque bytes that start like a JPEG: the emulator stores and serves pictures unchanged. */
const fakeJpeg = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(3000)]);

async function download(url: string | undefined): Promise<Buffer> {
  const response = await fetch(url ?? 'https://invalid.test/');
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** Resolves when `customer` hears (contacts.update) that `jid`'s picture was changed or removed. */
function pictureNews(customer: Customer, jid: string, imgUrl: 'changed' | 'removed'): Promise<unknown> {
  const seen = customer.contactUpdates.length;
  return customer.waitFor(
    () => customer.contactUpdates.slice(seen).find((update) => update.id === jid && update.imgUrl === imgUrl),
    10_000,
    `picture ${imgUrl} of ${jid}`,
  );
}

beforeAll(async () => {
  fx = await createFixture();
  [alice, bob] = await Promise.all([
    fx.customer({ phone: '15550901', name: 'Alice' }),
    fx.customer({ phone: '15550902', name: 'Bob' }),
  ]);
});

afterAll(async () => {
  await fx.cleanup();
});

describe('profile pictures', () => {
  it('without a picture, profilePictureUrl fails with 404 item-not-found, as on WhatsApp', async () => {
    await expect(bob.sock.profilePictureUrl(alice.jid, 'preview')).rejects.toMatchObject({
      message: 'item-not-found',
      data: 404,
    });
    await expect(bob.sock.profilePictureUrl('15550999@s.whatsapp.net')).rejects.toMatchObject({ data: 404 });
  });

  it('answers with a URL on the media host that serves the picture bytes, for both sizes', async () => {
    const picture = fakeJpeg();
    fx.emulator.setProfilePicture(alice.phone, picture);
    const preview = await bob.sock.profilePictureUrl(alice.jid, 'preview');
    expect(preview).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/m\/[0-9a-f]+\?oh=[0-9a-f]+&oe=[0-9A-F]+$/);
    expect((await download(preview)).equals(picture)).toBe(true);
    const full = await bob.sock.profilePictureUrl(alice.jid, 'image');
    expect((await download(full)).equals(picture)).toBe(true);
    // By LID too (rc14 may address contacts by their LID).
    const lid = fx.emulator.accounts().find((account) => account.phone === alice.phone)?.lid ?? '';
    expect((await download(await bob.sock.profilePictureUrl(lid))).equals(picture)).toBe(true);
  });

  it('a new picture gets a new id and URL, and connected clients are told', async () => {
    fx.emulator.setProfilePicture(alice.phone, fakeJpeg());
    const before = await bob.sock.profilePictureUrl(alice.jid);
    const idBefore = fx.emulator.accounts().find((account) => account.phone === alice.phone)?.pictureId;

    const next = fakeJpeg();
    const told = pictureNews(bob, alice.jid, 'changed');
    fx.emulator.setProfilePicture(alice.phone, next);
    await told;
    const after = await bob.sock.profilePictureUrl(alice.jid);
    expect(after).not.toBe(before);
    expect((await download(after)).equals(next)).toBe(true);
    const idAfter = fx.emulator.accounts().find((account) => account.phone === alice.phone)?.pictureId;
    expect(idAfter).not.toBe(idBefore);

    const removed = pictureNews(bob, alice.jid, 'removed');
    fx.emulator.setProfilePicture(alice.phone, null);
    await removed;
    await expect(bob.sock.profilePictureUrl(alice.jid)).rejects.toMatchObject({ data: 404 });
  });

  it('a client sets and removes its own picture (updateProfilePicture / removeProfilePicture)', async () => {
    const told = pictureNews(alice, bob.jid, 'changed');
    // Baileys re-encodes the picture as a 640×640 JPEG before sending it.
    await bob.sock.updateProfilePicture(bob.jid, GREY_PNG);
    await told;
    const served = await download(await alice.sock.profilePictureUrl(bob.jid, 'image'));
    expect(served.subarray(0, 3).toString('hex')).toBe('ffd8ff');

    const removed = pictureNews(alice, bob.jid, 'removed');
    await bob.sock.removeProfilePicture(bob.jid);
    await removed;
    await expect(alice.sock.profilePictureUrl(bob.jid)).rejects.toMatchObject({ data: 404 });
  });

  it("a group's admins set and remove its photo; members may not; everyone is told", async () => {
    const group = await alice.groupCreate('Photo club', [bob.jid]);
    await expect(alice.sock.profilePictureUrl(group.id)).rejects.toMatchObject({ data: 404 });
    await expect(bob.sock.updateProfilePicture(group.id, GREY_PNG)).rejects.toMatchObject({ data: 401 });

    const told = pictureNews(bob, group.id, 'changed');
    await alice.sock.updateProfilePicture(group.id, GREY_PNG);
    await told;
    const served = await download(await bob.sock.profilePictureUrl(group.id, 'image'));
    expect(served.subarray(0, 3).toString('hex')).toBe('ffd8ff');

    const removed = pictureNews(bob, group.id, 'removed');
    await alice.sock.removeProfilePicture(group.id);
    await removed;
    await expect(bob.sock.profilePictureUrl(group.id)).rejects.toMatchObject({ data: 404 });
  });
});

describe('about', () => {
  it("fetchStatus returns WhatsApp's default text, then what was set, then nothing once cleared", async () => {
    const about = async (customer: Customer, jid: string) => {
      const [result] = (await customer.sock.fetchStatus(jid)) ?? [];
      return (result?.status as { status?: string | null } | undefined)?.status;
    };
    expect(await about(bob, alice.jid)).toBe(DEFAULT_ABOUT);

    fx.emulator.setAbout(alice.phone, 'Open Sun–Thu 9:00–18:00 · שלום');
    expect(await about(bob, alice.jid)).toBe('Open Sun–Thu 9:00–18:00 · שלום');

    await bob.sock.updateProfileStatus('At the gym 🏋️');
    expect(await about(alice, bob.jid)).toBe('At the gym 🏋️');
    expect(fx.emulator.accounts().find((account) => account.phone === bob.phone)?.about).toBe(
      'At the gym 🏋️',
    );

    fx.emulator.setAbout(alice.phone, '');
    expect(await about(bob, alice.jid)).toBeNull();
  });
});
