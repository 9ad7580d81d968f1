import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '../../src-shared/messages.js';
import { sessionReaches } from '../../testkit/support/events.js';
import { linkedWorld, type LinkedWorld } from '../../testkit/support/linked-session.js';
import { startTestCore } from '../../testkit/support/test-core.js';
import { startWaServer } from '../../testkit/support/wa-server.js';

/** WhatsApp's refusals, from real Baileys against the local WhatsApp server: 4xx/502, never 500. */
let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972507770000', customerPhone: '972508880000' });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

async function errorOf(response: Response): Promise<{ status: number; code: string; field?: string }> {
  const { error } = (await response.json()) as { error: { code: string; field?: string } };
  return { status: response.status, code: error.code, ...(error.field ? { field: error.field } : {}) };
}

describe('WhatsApp errors', () => {
  it('answers a send to a group that does not exist with 404 WA_NOT_FOUND (WhatsApp: item-not-found)', async () => {
    const response = await world.app.request('/api/v1/sessions/shop/messages', {
      method: 'POST',
      json: { to: '120363999999999999@g.us', type: 'text', text: 'anyone there?' },
    });
    expect(await errorOf(response)).toEqual({ status: 404, code: 'WA_NOT_FOUND', field: 'to' });
  });

  it('answers changes to a group the session left with 403 WA_FORBIDDEN (WhatsApp: forbidden)', async () => {
    const created = await world.app.request('/api/v1/sessions/shop/groups', {
      method: 'POST',
      json: { subject: 'Short-lived', participants: [world.customer.phone] },
    });
    expect(created.status).toBe(201);
    const group = (await created.json()) as Group;
    const left = await world.app.request(`/api/v1/sessions/shop/groups/${group.jid}/leave`, {
      method: 'POST',
    });
    expect(left.status).toBeLessThan(300);

    const renamed = await world.app.request(`/api/v1/sessions/shop/groups/${group.jid}`, {
      method: 'PATCH',
      json: { subject: 'Still here?' },
    });
    expect(await errorOf(renamed)).toEqual({ status: 403, code: 'WA_FORBIDDEN', field: 'group' });
    const invite = await world.app.request(`/api/v1/sessions/shop/groups/${group.jid}/invite`);
    expect(await errorOf(invite)).toEqual({ status: 403, code: 'WA_FORBIDDEN', field: 'group' });
    // The session is fine afterwards.
    expect((await world.app.request('/api/v1/sessions/shop/groups')).status).toBe(200);
  });
});

describe('pairing while the connection closes', () => {
  it('answers 409 WA_CONNECTION_CLOSED when the connection closes, not a 500', async () => {
    const { emulator, env } = await startWaServer();
    const app = await startTestCore(env);
    try {
      await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'pairing' } });
      const qrShown = sessionReaches(app.core.bus, 'pairing', 'qr');
      await app.request('/api/v1/sessions/pairing/connect', { method: 'POST' });
      await qrShown;
      // WhatsApp goes away: the socket closes, and the next connection attempt is refused.
      await emulator.close();
      const response = await app.request('/api/v1/sessions/pairing/pairing-code', {
        method: 'POST',
        json: { phone: '+972 50-999-0000' },
      });
      expect(await errorOf(response)).toEqual({ status: 409, code: 'WA_CONNECTION_CLOSED' });
      expect((await app.request('/api/v1/health', { key: null })).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});
