/** Profile pictures and "about" texts, end to end: real Baileys against the local WhatsApp server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../../testkit/wa-emulator/customer.js';
import { JPEG_48PX, PNG_1PX } from '../../../testkit/support/media-fixtures.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';

let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110040', customerPhone: '972502220040' });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

/** The customer writes to the shop, so the shop knows them as a contact. */
async function introduce(customer: Customer): Promise<void> {
  const sent = await customer.sendText(world.shopJid, `Hi, this is ${customer.name ?? customer.phone}`);
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id);
}

/** The shop's profile picture queries for `jid`, as the local WhatsApp server saw them. */
function pictureQueries(jid: string): number {
  return world.emulator
    .messagesFor(world.shopPhone)
    .filter(
      ({ direction, stanza }) =>
        direction === 'in' && stanza.attrs.xmlns === 'w:profile:picture' && stanza.attrs.target === jid,
    ).length;
}

async function rpc<T>(op: string, input: unknown): Promise<T> {
  const response = await world.app.request(`/rpc/${op}`, { method: 'POST', json: input });
  const body = (await response.json()) as { result: T };
  expect(response.status).toBe(200);
  return body.result;
}

type ContactProfile = { jid: string; about: string | null; avatarUrl: string | null };

describe('profile pictures and about', () => {
  it("serves the customer's picture with the same bytes, and their about text", async () => {
    world.emulator.setProfilePicture(world.customer.phone, JPEG_48PX);
    world.emulator.setAbout(world.customer.phone, 'Vegan, no nuts please 🌱');
    await introduce(world.customer);
    const jid = world.customer.jid;

    const profile = (await (
      await world.app.request(`/api/v1/sessions/shop/contacts/${jid}`)
    ).json()) as ContactProfile;
    expect(profile.about).toBe('Vegan, no nuts please 🌱');
    expect(profile.avatarUrl).toBe(`/api/v1/sessions/shop/contacts/${encodeURIComponent(jid)}/avatar`);

    const picture = await world.app.request(profile.avatarUrl ?? '');
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/jpeg');
    expect(picture.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(Buffer.from(await picture.arrayBuffer()).equals(JPEG_48PX)).toBe(true);

    // The UI gets the same through the contract: the about text and a signed link an <img> can load.
    expect(await rpc('contacts.about', { session: 'shop', chat: jid })).toEqual({
      about: 'Vegan, no nuts please 🌱',
    });
    const { url } = await rpc<{ url: string | null }>('contacts.avatarLink', { session: 'shop', chat: jid });
    expect(url).toMatch(/^\/avatars\/shop\/.+\?expires=\d+&sig=/);
    const viaLink = await fetch(world.app.url + (url ?? ''));
    expect(viaLink.status).toBe(200);
    expect(Buffer.from(await viaLink.arrayBuffer()).equals(JPEG_48PX)).toBe(true);
    const forged = await fetch(world.app.url + (url ?? '').replace(/sig=[^&]+/, 'sig=forged'));
    expect(forged.status).toBe(403);
    // A link to a message's media cannot be bent into a picture link, or the other way round.
    const asMedia = (url ?? '').replace('/avatars/shop/', '/media/shop/').replace('?', '/avatar?');
    expect((await fetch(world.app.url + asMedia)).status).toBe(403);
  });

  it('asks WhatsApp once for many requests at the same time, then answers from what it remembers', async () => {
    const busy = await world.newCustomer('972502220042', 'Avi');
    world.emulator.setProfilePicture(busy.phone, JPEG_48PX);
    const path = `/api/v1/sessions/shop/contacts/${busy.jid}/avatar`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => world.app.request(path)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(pictureQueries(busy.jid)).toBe(1);
    expect((await world.app.request(path)).status).toBe(200);
    expect(pictureQueries(busy.jid)).toBe(1);
  });

  it('answers 404 without a picture, and picks up a picture WhatsApp announces later', async () => {
    const noPicture = await world.newCustomer('972502220041', 'Noa');
    await introduce(noPicture);
    const path = `/api/v1/sessions/shop/contacts/${noPicture.jid}/avatar`;

    const missing = await world.app.request(path);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const profile = (await (
      await world.app.request(`/api/v1/sessions/shop/contacts/${noPicture.jid}`)
    ).json()) as ContactProfile;
    expect(profile.avatarUrl).toBeNull();
    expect(await rpc('contacts.avatarLink', { session: 'shop', chat: noPicture.jid })).toEqual({ url: null });
    // "No picture" is remembered: asking again does not ask WhatsApp again.
    const asked = pictureQueries(noPicture.jid);
    expect((await world.app.request(path)).status).toBe(404);
    expect(pictureQueries(noPicture.jid)).toBe(asked);

    // WhatsApp tells linked devices when a picture changes; the next request fetches it.
    const seen = world.events.length;
    const announced = world.waitForEvent(
      (e) => e.type === 'contact.updated' && e.data.jid === noPicture.jid && world.events.indexOf(e) >= seen,
    );
    world.emulator.setProfilePicture(noPicture.phone, PNG_1PX);
    await announced;
    const found = await world.app.request(path);
    expect(found.status).toBe(200);
    expect(found.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await found.arrayBuffer()).equals(PNG_1PX)).toBe(true);
  });

  it('serves the full-size picture beside the preview, each remembered on its own', async () => {
    const photographer = await world.newCustomer('972502220043', 'Dana');
    // WhatsApp keeps a small preview and the full-size picture: here a JPEG and a PNG, told apart.
    world.emulator.setProfilePicture(photographer.phone, JPEG_48PX, PNG_1PX);
    const path = `/api/v1/sessions/shop/contacts/${photographer.jid}/avatar`;

    const full = await world.app.request(`${path}?size=full`);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await full.arrayBuffer()).equals(PNG_1PX)).toBe(true);
    const preview = await world.app.request(path);
    expect(preview.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await preview.arrayBuffer()).equals(JPEG_48PX)).toBe(true);
    expect(pictureQueries(photographer.jid)).toBe(2);
    // Asked again, each size comes from what is remembered.
    expect((await world.app.request(`${path}?size=full`)).status).toBe(200);
    expect(pictureQueries(photographer.jid)).toBe(2);

    // The UI's signed link takes the size too.
    const { url } = await rpc<{ url: string | null }>('contacts.avatarLink', {
      session: 'shop',
      chat: photographer.jid,
    });
    const viaLink = await fetch(`${world.app.url}${url ?? ''}&size=full`);
    expect(Buffer.from(await viaLink.arrayBuffer()).equals(PNG_1PX)).toBe(true);

    const bad = await world.app.request(`${path}?size=huge`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('size');
  });

  it('answers 404 for the full size when there is no picture, saying why', async () => {
    const hidden = await world.newCustomer('972502220044', 'Gil');
    const missing = await world.app.request(`/api/v1/sessions/shop/contacts/${hidden.jid}/avatar?size=full`);
    expect(missing.status).toBe(404);
    const { error } = (await missing.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('no full-size profile picture');
    expect(error.message).toContain('privacy');
  });

  it('has no about text for someone who cleared it', async () => {
    world.emulator.setAbout(world.customer.phone, '');
    expect(await rpc('contacts.about', { session: 'shop', chat: world.customer.jid })).toEqual({
      about: null,
    });
  });
});
