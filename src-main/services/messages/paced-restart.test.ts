/**
 * A human-paced group send survives a kill during its pause (issue #26 point 5): the server
 * process accepts an API send to a group (202, pending), is SIGKILLed before the pause ends, and
 * the restarted server sends it. The customer (a real Baileys client in the group, on the local
 * WhatsApp server) receives it once, and a retry with the same Idempotency-Key gets the same id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Customer, messageText } from '../../../testkit/wa-emulator/customer.js';
import type { Emulator } from '../../../testkit/wa-emulator/index.js';
import type { Group, Message } from '../../../src-shared/messages.js';
import type { Session } from '../../../src-shared/model.js';
import {
  killServerProcesses,
  startServerProcess,
  until,
  type ServerProcess,
} from '../../../testkit/support/server-process.js';
import { startWaServer } from '../../../testkit/support/wa-server.js';

const SHOP = '972503460000';
let emulator: Emulator;
let env: Record<string, string>;
let dataDir: string;
const customers: Customer[] = [];

beforeAll(async () => {
  const server = await startWaServer();
  emulator = server.emulator;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-paced-'));
  // A pause long enough that the kill comes inside it (the kill follows the answer at once).
  env = { ...server.env, CHATDOCK_DATA_DIR: dataDir, CHATDOCK_GROUP_PACE_MS: '15000' };
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
    json: { to, type: 'text', text },
    headers: { 'Idempotency-Key': key },
  });
  return { status: response.status, body: (await response.json()) as Message };
}

it(
  'a group send accepted during its pause goes out once after a SIGKILL and restart',
  { timeout: 180_000 },
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
    const dana = await Customer.create(emulator, { phone: '972503469999', name: 'Dana' });
    customers.push(dana);
    const created = await first.request('/api/v1/sessions/shop/groups', {
      method: 'POST',
      json: { subject: 'Friday orders', participants: [dana.phone] },
    });
    const group = (await created.json()) as Group;

    const accepted = await send(first, group.jid, 'Orders close at 14:00', 'friday-close');
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'pending', chat: group.jid });
    await first.kill();
    expect(dana.received.some((m) => m.key.id === accepted.body.id)).toBe(false);

    const second = await startServerProcess(env);
    await connected(second);
    const got = await dana.waitFor(
      () => dana.received.find((m) => m.key.id === accepted.body.id),
      90_000,
      'the paced group message',
    );
    expect(got.key.remoteJid).toBe(group.jid);

    // The client never saw the answer (the crash), so it retries: the same message, nothing new.
    const retry = await send(second, group.jid, 'Orders close at 14:00 (retry)', 'friday-close');
    expect(retry.status).toBeLessThan(300);
    expect(retry.body.id).toBe(accepted.body.id);

    // A later direct message arrives after anything a second send could have sent: still one.
    const marker = await send(second, `+${dana.phone}`, 'marker', 'marker-1');
    await dana.waitFor(() => dana.received.find((m) => m.key.id === marker.body.id), 60_000, 'the marker');
    expect(
      dana.received.filter((m) => /Orders close/.test(messageText(m) ?? '')).map((m) => m.key.id),
    ).toEqual([accepted.body.id]);
  },
);
