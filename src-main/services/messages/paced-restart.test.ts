/**
 * A human-paced group send survives a kill during its pause (issue #26 point 5): the server
 * process accepts an API send to a group (202, pending), is SIGKILLed before the pause ends, and
 * the restarted server sends it. The customer (a real Baileys client in the group, on the local
 * WhatsApp server) receives it once, and a retry with the same Idempotency-Key gets the same id.
 */
import { expect, it } from 'vitest';
import { Customer, messageText } from '../../../testkit/wa-emulator/customer.js';
import type { Group } from '../../../src-shared/messages.js';
import { startServerProcess, until } from '../../../testkit/support/server-process.js';
import { crashWorld, sendKeyedText, sessionConnected } from '../../../testkit/support/crash-world.js';

const SHOP = '972503460000';
// A pause long enough that the kill comes inside it (the kill follows the answer at once).
const world = crashWorld('paced', { CHATDOCK_GROUP_PACE_MS: '15000' });
const send = sendKeyedText;

it(
  'a group send accepted during its pause goes out once after a SIGKILL and restart',
  { timeout: 180_000 },
  async () => {
    const first = await startServerProcess(world.env);
    await first.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
    await first.request('/api/v1/sessions/shop/connect', { method: 'POST' });
    const { qr } = await until('a QR code', async () => {
      const response = await first.request('/api/v1/sessions/shop/qr');
      return response.ok ? ((await response.json()) as { qr: string }) : null;
    });
    await world.emulator.scanQr(qr, SHOP, 'Shop');
    await sessionConnected(first);
    const dana = await Customer.create(world.emulator, { phone: '972503469999', name: 'Dana' });
    world.customers.push(dana);
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

    const second = await startServerProcess(world.env);
    await sessionConnected(second);
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
