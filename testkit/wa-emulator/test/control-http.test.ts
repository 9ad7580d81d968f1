/** The HTTP control endpoint drives the same API as the programmatic one. */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { Customer } from '../customer.js';
import type { Fixture } from './emulator-fixture.js';
import { createFixture } from './emulator-fixture.js';

let fx: Fixture;

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const response = await fetch(`${fx.emulator.controlUrl}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: (await response.json()) as T };
}

beforeAll(async () => {
  fx = await createFixture();
});

afterAll(async () => {
  await fx.cleanup();
});

it('reports connection info', async () => {
  const { json } = await call<Record<string, string>>('GET', '/info');
  expect(json.wsUrl).toBe(fx.emulator.wsUrl);
  expect(json.rootKeyHex).toMatch(/^[0-9a-f]{64}$/);
  expect(json.caCertPath).toMatch(/ca\.pem$/);
});

it('links a client via POST /scan and exposes accounts, messages, kicks and calls', async () => {
  await call('POST', '/accounts', { phone: '15550701', name: 'Shop' });
  const client = await Customer.create(
    {
      wsUrl: fx.emulator.wsUrl,
      rootKeyHex: fx.emulator.rootKeyHex,
      scanQr: async (qr, phone, name) => {
        const { status, json } = await call('POST', '/scan', { qr, phone, name });
        expect(status).toBe(200);
        return json;
      },
      confirmPairingCode: async () => undefined,
    },
    { phone: '15550701' },
  );
  try {
    const accounts = await call<
      Array<{ phone: string; name: string; devices: Array<{ connected: boolean }> }>
    >('GET', '/accounts');
    const shop = accounts.json.find((a) => a.phone === '15550701');
    expect(shop?.name).toBe('Shop');
    expect(shop?.devices[0]?.connected).toBe(true);

    const messages = await call<Array<{ direction: string; stanza: { tag: string } }>>(
      'GET',
      '/messages?phone=15550701',
    );
    expect(messages.json.some((m) => m.direction === 'in' && m.stanza.tag === 'iq')).toBe(true);

    const placed = await call<{ callId: string }>('POST', '/call', { from: '15550799', to: '15550701' });
    await client.waitFor(() => client.calls.find((c) => c.id === placed.json.callId));

    const dropped = client.waitForDisconnect();
    expect((await call('POST', '/online', { phone: '15550701', online: false })).status).toBe(200);
    await dropped;
    expect((await call('POST', '/online', { phone: '15550701', online: true })).status).toBe(200);
    await client.waitForOpen();
    await client.waitFor(
      () => fx.emulator.accounts().find((a) => a.phone === '15550701')?.devices[0]?.connected,
    );

    const replaced = client.waitForDisconnect(440);
    expect((await call('POST', '/kick', { phone: '15550701', reason: 'replaced' })).status).toBe(200);
    await replaced;

    const bad = await call<{ error: string }>('POST', '/kick', { phone: '15550701', reason: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/reason/);
  } finally {
    await client.close();
  }
});

it('sets an about text and a profile picture via POST /about and POST /profile-picture', async () => {
  expect((await call('POST', '/about', { phone: '15550702', text: 'Back at 5' })).status).toBe(200);
  const picture = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
  expect(
    (await call('POST', '/profile-picture', { phone: '15550702', base64: picture.toString('base64') }))
      .status,
  ).toBe(200);
  type Account = { phone: string; about: string; pictureId: string | null };
  const account = async () =>
    (await call<Account[]>('GET', '/accounts')).json.find((a) => a.phone === '15550702');
  expect(await account()).toMatchObject({ about: 'Back at 5', pictureId: expect.stringMatching(/^\d+$/) });

  expect((await call('POST', '/profile-picture', { phone: '15550702', base64: null })).status).toBe(200);
  expect((await account())?.pictureId).toBeNull();
  const bad = await call<{ error: string }>('POST', '/profile-picture', { phone: '15550702', base64: 7 });
  expect(bad.status).toBe(400);
  expect(bad.json.error).toMatch(/base64/);
});
