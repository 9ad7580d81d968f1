/**
 * Idempotency-Key across a real crash: the server process is SIGKILLed after a keyed send, and a
 * client retrying the same request against the restarted server gets the first answer, while the
 * customer (a real Baileys client on the local WhatsApp server) receives the message once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Customer, messageText } from '../../../testkit/wa-emulator/customer.js';
import type { Emulator } from '../../../testkit/wa-emulator/index.js';
import type { Message } from '../../../src-shared/messages.js';
import type { Session } from '../../../src-shared/model.js';
import {
  killServerProcesses,
  startServerProcess,
  until,
  type ServerProcess,
} from '../../../testkit/support/server-process.js';
import { startWaServer } from '../../../testkit/support/wa-server.js';

const SHOP = '972503450000';
let emulator: Emulator;
let env: Record<string, string>;
let dataDir: string;
const customers: Customer[] = [];

beforeAll(async () => {
  const server = await startWaServer();
  emulator = server.emulator;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-idempotency-'));
  env = { ...server.env, CHATDOCK_DATA_DIR: dataDir };
});

afterAll(async () => {
  await Promise.all(customers.map((customer) => customer.close()));
  await killServerProcesses();
  await emulator?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function connected(app: ServerProcess): Promise<void> {
  await until('the session to be connected', async () => {
    const session = (await (await app.request('/api/v1/sessions/shop')).json()) as Session;
    return session.status === 'connected' ? session : null;
  });
}

async function send(app: ServerProcess, to: string, text: string, key: string) {
  const response = await app.request('/api/v1/sessions/shop/messages', {
    method: 'POST',
    json: { to: `+${to}`, type: 'text', text },
    headers: { 'Idempotency-Key': key },
  });
  return { status: response.status, body: (await response.json()) as Message };
}

it(
  'a retry with the same Idempotency-Key after a SIGKILL and restart gets the first answer and sends nothing',
  {
    timeout: 120_000,
  },
  async () => {
    const first = await startServerProcess(env);
    await first.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
    await first.request('/api/v1/sessions/shop/connect', { method: 'POST' });
    const { qr } = await until('a QR code', async () => {
      const response = await first.request('/api/v1/sessions/shop/qr');
      return response.ok ? ((await response.json()) as { qr: string }) : null;
    });
    await emulator.scanQr(qr, SHOP, 'Shop');
    await connected(first);
    const dana = await Customer.create(emulator, { phone: '972503459999', name: 'Dana' });
    customers.push(dana);

    const sent = await send(first, dana.phone, 'Your order #77 is ready', 'order-77-ready');
    expect(sent.status).toBe(201);
    await dana.waitFor(() => dana.received.find((m) => m.key.id === sent.body.id), 15_000, 'the message');
    await first.kill();

    // The client never saw the answer (the crash), so it retries, even with a body built anew.
    const second = await startServerProcess(env);
    await connected(second);
    const retry = await send(second, dana.phone, 'Your order #77 is ready (retry)', 'order-77-ready');
    expect(retry.status).toBeLessThan(300);
    expect(retry.body.id).toBe(sent.body.id);
    expect(retry.body.text).toBe('Your order #77 is ready');

    // A later message arrives after anything the retry could have sent: still one of each.
    const marker = await send(second, dana.phone, 'marker', 'marker-1');
    await dana.waitFor(() => dana.received.find((m) => m.key.id === marker.body.id), 15_000, 'the marker');
    expect(dana.received.filter((m) => /order #77/.test(messageText(m) ?? '')).map((m) => m.key.id)).toEqual([
      sent.body.id,
    ]);
  },
);
