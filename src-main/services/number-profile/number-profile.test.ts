/**
 * A number's own profile, end to end: the REST routes change the name, about text, photo and
 * business profile of a number linked to the local WhatsApp server, and a customer (real
 * Baileys) and the number's phone see the change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JPEG_48PX } from '../../../testkit/support/media-fixtures.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import type { NumberProfile } from '../../../src-shared/contract/number-profile.js';

let world: LinkedWorld;
const LIMIT = 90_000;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110190', customerPhone: '972502220190' });
}, LIMIT);

afterAll(async () => {
  await world?.close();
});

async function profile(): Promise<NumberProfile> {
  const response = await world.app.request('/api/v1/sessions/shop/profile');
  expect(response.status).toBe(200);
  return (await response.json()) as NumberProfile;
}

function patch(json: unknown) {
  return world.app.request('/api/v1/sessions/shop/profile', { method: 'PATCH', json });
}

async function errorOf(response: Response): Promise<{ code: string; field?: string }> {
  return ((await response.json()) as { error: { code: string; field?: string } }).error;
}

describe("a number's own profile", () => {
  it('reads the name, about text, photo and business profile from WhatsApp', async () => {
    expect(await profile()).toEqual({
      session: 'shop',
      jid: world.shopJid,
      name: 'Falafel House',
      about: 'Hey there! I am using WhatsApp.',
      hasPicture: false,
      business: null,
    });
  });

  it(
    'changes the name and about text: customers see them, the phone has the name, an event says who',
    async () => {
      const response = await patch({ name: 'Falafel House TLV', about: 'Open Sun–Thu 9–22' });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ name: 'Falafel House TLV', about: 'Open Sun–Thu 9–22' });

      // The name went as an app-state patch: the phone decodes it, and the server takes it from there.
      const names = await world.emulator.appStateEntries(world.shopPhone, 'setting_pushName');
      expect(names.at(-1)?.value.pushNameSetting?.name).toBe('Falafel House TLV');
      const account = world.emulator.accounts().find((a) => a.phone === world.shopPhone);
      expect(account?.name).toBe('Falafel House TLV');
      const [status] = (await world.customer.sock.fetchStatus(world.shopJid)) ?? [];
      expect((status as { status?: { status?: string } } | undefined)?.status?.status).toBe(
        'Open Sun–Thu 9–22',
      );

      const event = await world.waitForEvent((e) => e.type === 'session.profile_updated', LIMIT);
      expect(event).toMatchObject({
        session: 'shop',
        data: { name: 'Falafel House TLV', about: 'Open Sun–Thu 9–22', changed: ['name', 'about'] },
        actor: { type: 'key' },
      });
      // Read again later: the number's own socket has taken the name from its app-state patch.
      expect(await profile()).toMatchObject({ name: 'Falafel House TLV', about: 'Open Sun–Thu 9–22' });
      const sessionRow = await (await world.app.request('/api/v1/sessions/shop')).json();
      expect(sessionRow).toMatchObject({ pushName: 'Falafel House TLV' });
    },
    LIMIT,
  );

  it(
    'sets and removes the photo; customers get the new picture',
    async () => {
      const set = await patch({ picture: { data: JPEG_48PX.toString('base64') } });
      expect(set.status).toBe(200);
      expect(await set.json()).toMatchObject({ hasPicture: true });
      await expect(world.customer.sock.profilePictureUrl(world.shopJid)).resolves.toMatch(/^https:/);

      const removed = await patch({ picture: null });
      expect(await removed.json()).toMatchObject({ hasPicture: false });
      await expect(world.customer.sock.profilePictureUrl(world.shopJid)).rejects.toMatchObject({ data: 404 });
    },
    LIMIT,
  );

  it(
    'edits the business profile of a WhatsApp Business account',
    async () => {
      const personal = await patch({ business: { description: 'Fresh' } });
      expect(personal.status).toBe(400);
      expect(await errorOf(personal)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'business' });

      world.emulator.setBusinessProfile(world.shopPhone, {
        description: 'Falafel since 1998',
        address: '12 Herzl St',
        websites: [],
        category: 'Restaurant',
      });
      expect((await profile()).business).toMatchObject({
        description: 'Falafel since 1998',
        category: 'Restaurant',
      });
      const response = await patch({
        business: {
          description: 'Falafel and salads',
          email: 'hello@falafel.test',
          websites: ['https://falafel.test'],
        },
      });
      expect(response.status).toBe(200);
      expect((await response.json()) as NumberProfile).toMatchObject({
        business: {
          description: 'Falafel and salads',
          address: '12 Herzl St',
          email: 'hello@falafel.test',
          websites: ['https://falafel.test'],
        },
      });
      await expect(world.customer.sock.getBusinessProfile(world.shopJid)).resolves.toMatchObject({
        description: 'Falafel and salads',
      });
    },
    LIMIT,
  );

  it('refuses bad input naming the field, and changes nothing', async () => {
    const before = await profile();
    const cases: Array<[unknown, string | undefined]> = [
      [{ name: 'x'.repeat(26) }, 'name'],
      [{ name: '  ' }, 'name'],
      [{ about: 'x'.repeat(140) }, 'about'],
      [{ business: { websites: ['ftp://a.test'] } }, 'business.websites.0'],
      [{ picture: { data: 'bm90IGFuIGltYWdl' } }, undefined],
      [{}, undefined],
      [{ name: 'Fine', extra: 1 }, undefined],
    ];
    for (const [body, field] of cases) {
      const response = await patch(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      if (field) expect(await errorOf(response)).toMatchObject({ field });
    }
    expect(await profile()).toEqual(before);
  });
});
