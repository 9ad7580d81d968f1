/**
 * Interactive messages and view-once media from a customer's real Baileys, through the local
 * WhatsApp server, to the store, the REST API, the event stream and search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../src-shared/messages.js';
import { BUSINESS_MESSAGES } from '../../../testkit/wa-emulator/business-messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { JPEG_48PX } from '../../../testkit/support/media-fixtures.js';

let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972505551900', customerPhone: '972506661900' });
}, 90_000);

afterAll(async () => {
  await world?.close();
});

async function json<T>(path: string): Promise<T> {
  return (await (await world.app.request(path)).json()) as T;
}

/** The customer sends `kind`; resolves with the message as `message.received` announced it. */
async function received(kind: keyof typeof BUSINESS_MESSAGES): Promise<Message> {
  const sent = await world.customer.relay(world.shopJid, BUSINESS_MESSAGES[kind]);
  const event = await world.waitForEvent(
    (e) => e.type === 'message.received' && e.data.id === sent.key.id,
    60_000,
  );
  return event.data as Message;
}

describe('interactive messages from a business', () => {
  it('shows a buttons message with its text and buttons, over REST too', async () => {
    const message = await received('buttons');
    expect(message.type).toBe('interactive');
    expect(message.interactive).toMatchObject({
      kind: 'buttons',
      body: 'Confirm your table for 8pm?',
      footer: 'Café Dizengoff',
      buttons: [{ title: 'Confirm' }, { title: 'Cancel' }],
    });
    const page = await json<{ items: Message[] }>(
      `/api/v1/sessions/shop/chats/${world.customer.jid}/messages`,
    );
    expect(page.items.find((m) => m.id === message.id)?.interactive?.kind).toBe('buttons');
  }, 90_000);

  it('shows a list with its sections and rows, and search finds it by a row', async () => {
    const message = await received('list');
    expect(message.interactive?.list?.sections.map((s) => s.rows.map((r) => r.title))).toEqual([
      ['Haifa', 'Akko'],
      ['Tel Aviv'],
    ]);
    const hits = await json<{ items: Message[] }>(`/api/v1/search?q=Akko`);
    expect(hits.items.map((m) => m.id)).toContain(message.id);
  }, 90_000);

  it('shows a template, a native-flow message, a product and an order', async () => {
    expect((await received('template')).interactive).toMatchObject({
      kind: 'template',
      header: 'Order 1042',
      buttons: [{ title: 'Track parcel', url: 'https://shop.example/t/1042' }, { title: 'Got it' }],
    });
    expect((await received('nativeFlow')).interactive).toMatchObject({
      kind: 'native_flow',
      body: 'Need anything else?',
      buttons: [{ title: 'Talk to us', id: 'agent' }, { title: 'Copy code' }],
    });
    expect((await received('product')).interactive?.product).toMatchObject({
      title: 'Sourdough loaf',
      price: 32.5,
      currency: 'ILS',
    });
    expect((await received('order')).interactive?.order).toMatchObject({
      itemCount: 3,
      total: 97,
      currency: 'ILS',
    });
  }, 180_000);

  it('shows what a customer chose in a button or list reply', async () => {
    expect((await received('buttonReply')).interactive).toMatchObject({
      kind: 'button_reply',
      selected: { id: 'yes', title: 'Confirm' },
    });
    expect((await received('listReply')).interactive).toMatchObject({
      kind: 'list_reply',
      selected: { id: 'haifa', title: 'Haifa' },
    });
  }, 120_000);
});

describe('view-once media', () => {
  it('arrives as a marker without the photo, as WhatsApp gives linked devices', async () => {
    const sent = await world.customer.sendViewOnce(world.shopJid, { image: JPEG_48PX, caption: 'only once' });
    const event = await world.waitForEvent(
      (e) => e.type === 'message.received' && e.data.id === sent.key.id,
      60_000,
    );
    const message = event.data as Message;
    expect(message).toMatchObject({ type: 'viewOnce', media: null, text: null });
    // Chatdock (a linked device) got WhatsApp's placeholder, not the encrypted photo.
    const delivered = world.emulator
      .messagesFor(world.shopPhone)
      .find(
        (l) =>
          l.direction === 'out' &&
          l.device &&
          l.stanza.tag === 'message' &&
          l.stanza.attrs.id === sent.key.id,
      );
    const children = Array.isArray(delivered?.stanza.content) ? delivered.stanza.content : [];
    expect(children.map((c) => `${c.tag}:${c.attrs.type}`)).toEqual(['unavailable:view_once']);
    const chat = await json<{ lastMessage: { type: string } }>(
      `/api/v1/sessions/shop/chats/${world.customer.jid}`,
    );
    expect(chat.lastMessage.type).toBe('viewOnce');
  }, 90_000);
});
