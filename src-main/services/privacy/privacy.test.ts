/**
 * Privacy settings and blocking over REST, against the local WhatsApp server with real Baileys:
 * the server keeps what the number set (a second linked device of the number reads the same).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../../../testkit/wa-emulator/customer.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';

let world: LinkedWorld;
const LIMIT = 90_000;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972501110192', customerPhone: '972502220192' });
  // The customer writes first, so the shop knows their LID (blocking addresses it).
  const sent = await world.customer.sendText(world.shopJid, 'Hello?');
  await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id, LIMIT);
}, LIMIT);

afterAll(async () => {
  await world?.close();
});

const api = (path: string, init: RequestInit & { json?: unknown } = {}) =>
  world.app.request(`/api/v1/sessions/shop${path}`, init);

describe('privacy settings', () => {
  it(
    'reads and changes them; the server keeps them',
    async () => {
      expect(await (await api('/privacy')).json()).toEqual({
        lastSeen: 'all',
        online: 'all',
        profilePhoto: 'all',
        about: 'all',
        groupsAdd: 'all',
        readReceipts: 'all',
      });
      const changed = await api('/privacy', {
        method: 'PATCH',
        json: { lastSeen: 'contacts', readReceipts: 'none' },
      });
      expect(changed.status).toBe(200);
      expect(await changed.json()).toMatchObject({
        lastSeen: 'contacts',
        readReceipts: 'none',
        about: 'all',
      });
      // Another device of the number asks the server and sees the same.
      const other = await Customer.create(world.emulator, { phone: world.shopPhone, name: 'Falafel House' });
      try {
        expect(await other.sock.fetchPrivacySettings(true)).toMatchObject({
          last: 'contacts',
          readreceipts: 'none',
        });
      } finally {
        await other.close();
      }
    },
    LIMIT,
  );

  it('refuses unknown values naming the field', async () => {
    const bad = await api('/privacy', { method: 'PATCH', json: { lastSeen: 'friends' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('lastSeen');
    expect((await api('/privacy', { method: 'PATCH', json: {} })).status).toBe(400);
  });
});

describe('blocking', () => {
  it(
    'blocks and unblocks a contact; the block list names them',
    async () => {
      const blocked = await api(`/blocklist/${world.customer.phone}`, { method: 'PUT' });
      expect(blocked.status).toBe(200);
      expect(await blocked.json()).toEqual({
        items: [{ jid: world.customer.jid, phone: world.customer.phone, name: expect.any(String) }],
        next: null,
      });
      expect((await (await api('/blocklist')).json()) as unknown).toMatchObject({
        items: [{ jid: world.customer.jid }],
      });
      const unblocked = await api(`/blocklist/${encodeURIComponent(world.customer.jid)}`, {
        method: 'DELETE',
      });
      expect(await unblocked.json()).toEqual({ items: [], next: null });
    },
    LIMIT,
  );

  it('refuses what is not a contact, naming the field', async () => {
    const bad = await api('/blocklist/not-a-number', { method: 'PUT' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('jid');
  });
});
