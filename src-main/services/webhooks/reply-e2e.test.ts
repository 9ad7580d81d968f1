import { afterAll, beforeAll, expect, it } from 'vitest';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { startReceiver, type WebhookReceiver } from '../../../testkit/support/webhook-receiver.js';

let world: LinkedWorld;
let receiver: WebhookReceiver;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972509990000', customerPhone: '972509990001' });
  receiver = await startReceiver();
}, 60_000);

afterAll(async () => {
  await receiver?.close();
  await world?.close();
});

it('a receiver answering {"reply": …} to message.received makes the customer get the reply', async () => {
  const created = await world.app.request('/api/v1/webhooks', {
    method: 'POST',
    json: { name: 'Bot', url: receiver.url, events: ['message.received'] },
  });
  expect(created.status).toBe(201);
  receiver.answerWith((delivery) =>
    delivery.json.type === 'message.received'
      ? { status: 200, body: JSON.stringify({ reply: 'Thanks! A human will answer soon 🙂' }) }
      : { status: 200, body: '{}' },
  );
  await world.customer.sendText(world.shopJid, 'Is anyone there?');
  const reply = await world.customer.waitForText('Thanks! A human will answer soon 🙂');
  expect(reply.key.remoteJid).toContain(world.shopPhone);
  // The reply is a message we sent, stored once like any other.
  await world.waitForEvent((e) => e.type === 'message.sent' && e.data.id === reply.key.id);
});
