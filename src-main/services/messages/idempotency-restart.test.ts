/**
 * Idempotency-Key across a real crash: the server process is SIGKILLed after a keyed send, and a
 * client retrying the same request against the restarted server gets the first answer, while the
 * customer (a real Baileys client on the local WhatsApp server) receives the message once.
 */
import { expect, it } from 'vitest';
import { Customer, messageText } from '../../../testkit/wa-emulator/customer.js';
import { startServerProcess, until, type ServerProcess } from '../../../testkit/support/server-process.js';
import { crashWorld, sendKeyedText, sessionConnected } from '../../../testkit/support/crash-world.js';

const SHOP = '972503450000';
const world = crashWorld('idempotency');
const send = (app: ServerProcess, to: string, text: string, key: string) =>
  sendKeyedText(app, `+${to}`, text, key);

it(
  'a retry with the same Idempotency-Key after a SIGKILL and restart gets the first answer and sends nothing',
  {
    timeout: 120_000,
  },
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
    const dana = await Customer.create(world.emulator, { phone: '972503459999', name: 'Dana' });
    world.customers.push(dana);

    const sent = await send(first, dana.phone, 'Your order #77 is ready', 'order-77-ready');
    expect(sent.status).toBe(201);
    await dana.waitFor(() => dana.received.find((m) => m.key.id === sent.body.id), 15_000, 'the message');
    await first.kill();

    // The client never saw the answer (the crash), so it retries, even with a body built anew.
    const second = await startServerProcess(world.env);
    await sessionConnected(second);
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
