import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ContactDevices } from '../../../src-shared/contract/contact-details.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';

let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972503336600', customerPhone: '972504446600' });
}, 90_000);

afterAll(async () => {
  await world?.close();
});

/**
 * Issue #26 point 8 (seed 004's linked devices): a person's devices as WhatsApp lists them, asked
 * through real Baileys from the local WhatsApp server.
 */
it("lists a person's phone and linked devices, by phone number or JID", async () => {
  const customer = await world.app.request(`/api/v1/sessions/shop/contacts/+${world.customer.phone}/devices`);
  expect(customer.status, await customer.clone().text()).toBe(200);
  // The customer of the local WhatsApp server is a phone (device 0) with one linked device: the
  // Baileys client the test drives.
  expect((await customer.json()) as ContactDevices).toEqual({
    jid: `${world.customer.phone}@s.whatsapp.net`,
    count: 2,
    devices: [
      { device: 0, jid: `${world.customer.phone}@s.whatsapp.net` },
      { device: 1, jid: `${world.customer.phone}:1@s.whatsapp.net` },
    ],
  });
  // The shop's own number: its phone; Baileys leaves out the asking device itself (this app).
  const own = (await (
    await world.app.request(`/api/v1/sessions/shop/contacts/${world.shopJid}/devices`)
  ).json()) as ContactDevices;
  expect(own.devices.map((device) => device.device)).toEqual([0]);
}, 90_000);

it('refuses a group, and answers NOT_CONNECTED for a number that is offline', async () => {
  const group = await world.app.request('/api/v1/sessions/shop/contacts/120363000000000001@g.us/devices');
  expect(group.status).toBe(400);
  expect(((await group.json()) as { error: { field: string } }).error.field).toBe('jid');
  await world.app.request('/api/v1/sessions', { method: 'POST', json: { id: 'offline' } });
  const offline = await world.app.request(
    `/api/v1/sessions/offline/contacts/+${world.customer.phone}/devices`,
  );
  expect(offline.status).toBe(409);
}, 60_000);
