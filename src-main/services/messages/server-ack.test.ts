import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';

/**
 * Point 3 of issue #18: a message to a customer whose phone is off was left `pending` (a clock,
 * "not sent") because Baileys ignores the server's ack. Once the server has it, it is `sent`.
 */
let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972503331100', customerPhone: '972504441100' });
}, 60_000);

afterAll(async () => {
  await world?.close();
});

async function sendText(to: string, text: string): Promise<Message> {
  const response = await world.app.request('/api/v1/sessions/shop/messages', {
    method: 'POST',
    json: { to: `+${to}`, type: 'text', text },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Message;
}

async function stored(id: string): Promise<Message> {
  const response = await world.app.request(`/api/v1/sessions/shop/messages/${id}`);
  return (await response.json()) as Message;
}

describe('the server accepting a message', () => {
  it('marks a message to an offline customer as sent (one tick), and the chat list says so', async () => {
    const offline = await world.newCustomer('972504441101', 'Noa');
    await offline.close();

    const message = await sendText('972504441101', 'Your cake is ready');
    // The send answers as soon as the message is on its way; the server's ack follows.
    await world.waitForEvent(
      (e) => e.type === 'message.ack' && e.data.id === message.id && e.data.status === 'server',
    );
    expect((await stored(message.id)).status).toBe('server');
    const chat = await world.app.request('/api/v1/sessions/shop/chats/972504441101@s.whatsapp.net');
    expect(((await chat.json()) as { lastMessage: { status: string } }).lastMessage.status).toBe('server');
  });

  it('a forwarded copy to an offline customer is sent too; receipts still move messages on', async () => {
    const original = await sendText(world.customer.phone, 'Opening hours: 8–18');
    const forward = await world.app.request(`/api/v1/sessions/shop/messages/${original.id}/forward`, {
      method: 'POST',
      json: { to: '+972504441101' },
    });
    expect(forward.status).toBe(201);
    const forwarded = (await forward.json()) as Message;
    if (forwarded.status !== 'server')
      await world.waitForEvent(
        (e) => e.type === 'message.ack' && e.data.id === forwarded.id && e.data.status === 'server',
      );
    expect((await stored(forwarded.id)).status).toBe('server');
    await world.waitForEvent(
      (e) => e.type === 'message.ack' && e.data.id === original.id && e.data.status === 'delivered',
    );
  });
});
