import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat, Message } from '../../../src-shared/messages.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import {
  MP4_BYTES,
  OGG_BYTES,
  PDF_BYTES,
  PNG_1PX,
  WEBP_1PX,
} from '../../../testkit/support/media-fixtures.js';

let world: LinkedWorld;

beforeAll(async () => {
  world = await linkedWorld();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** The customer's chat's last message as the chat list shows it. */
async function listedLast(): Promise<Chat['lastMessage'] | undefined> {
  const page = await json<{ items: Chat[] }>(
    await world.app.request('/api/v1/sessions/shop/chats?limit=100'),
  );
  return page.items.find((chat) => chat.jid === world.customer.jid)?.lastMessage;
}

/** Waits for the app to store (and announce) the message with this WhatsApp id. */
async function received(id: string): Promise<Message> {
  const event = await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === id);
  return event.data as Message;
}

describe('receiving', () => {
  it('stores a text from a customer, announces it once and lists it in the chat', async () => {
    const sent = await world.customer.sendText(world.shopJid, 'Hello, are you open on Friday? שלום');
    const message = await received(sent.key.id!);
    expect(message).toMatchObject({
      type: 'text',
      text: 'Hello, are you open on Friday? שלום',
      fromMe: false,
      chat: world.customer.jid,
      senderName: 'Dana',
    });
    const page = await json<{ items: Message[] }>(
      await world.app.request(`/api/v1/sessions/shop/chats/${world.customer.jid}/messages`),
    );
    expect(page.items[0]?.id).toBe(sent.key.id);
    const chat = await json<{ unreadCount: number; lastMessage: { preview: string } }>(
      await world.app.request(`/api/v1/sessions/shop/chats/${world.customer.jid}`),
    );
    expect(chat.unreadCount).toBe(1);
    // Pinning puts the chat in the pinned list (which the inbox shows on top).
    await world.app.request(`/api/v1/sessions/shop/chats/${world.customer.jid}`, {
      method: 'PATCH',
      json: { pinned: true },
    });
    const pinned = await json<{ items: { jid: string }[] }>(
      await world.app.request('/api/v1/sessions/shop/chats?pinned=true'),
    );
    expect(pinned.items.map((c) => c.jid)).toEqual([world.customer.jid]);
    const unpinned = await json<{ items: { jid: string }[] }>(
      await world.app.request('/api/v1/sessions/shop/chats?pinned=false'),
    );
    expect(unpinned.items.map((c) => c.jid)).not.toContain(world.customer.jid);
    expect(chat.lastMessage.preview).toContain('Hello');
    expect(
      world.events.filter((e) => e.type === 'message.received' && e.data.id === sent.key.id),
    ).toHaveLength(1);
  });

  it('stores each media type a customer sends, and serves its bytes', async () => {
    const cases = [
      {
        content: { image: PNG_1PX, mimetype: 'image/png', caption: 'our menu' },
        type: 'image',
        mime: 'image/png',
        bytes: PNG_1PX,
      },
      {
        content: { video: MP4_BYTES, mimetype: 'video/mp4' },
        type: 'video',
        mime: 'video/mp4',
        bytes: MP4_BYTES,
      },
      {
        content: { audio: OGG_BYTES, mimetype: 'audio/ogg; codecs=opus', ptt: true },
        type: 'audio',
        mime: 'audio/ogg',
        bytes: OGG_BYTES,
      },
      {
        content: { sticker: WEBP_1PX, mimetype: 'image/webp' },
        type: 'sticker',
        mime: 'image/webp',
        bytes: WEBP_1PX,
      },
      {
        content: { document: PDF_BYTES, mimetype: 'application/pdf', fileName: 'invoice.pdf' },
        type: 'document',
        mime: 'application/pdf',
        bytes: PDF_BYTES,
      },
    ] as const;
    for (const testCase of cases) {
      const sent = await world.customer.send(world.shopJid, testCase.content);
      const message = await received(sent.key.id!);
      expect(message.type).toBe(testCase.type);
      const media = await world.app.request(`/api/v1/sessions/shop/messages/${message.id}/media`);
      expect(media.status).toBe(200);
      expect(media.headers.get('content-type')).toContain(testCase.mime);
      expect(sha256(Buffer.from(await media.arrayBuffer()))).toBe(sha256(testCase.bytes));
      if (testCase.type === 'document') {
        expect(message.media?.fileName).toBe('invoice.pdf');
        expect(media.headers.get('content-disposition')).toContain('invoice.pdf');
      }
      if (testCase.type === 'audio') expect(message.media?.voiceNote).toBe(true);
      // The list names the last message's kind and parts, so each UI words it in its own
      // language (issue #21); `preview` stays the English line for API clients.
      expect(await listedLast()).toMatchObject({
        id: message.id,
        type: testCase.type,
        text: message.text,
        fileName: testCase.type === 'document' ? 'invoice.pdf' : null,
        seconds: message.media?.seconds ?? null,
        voiceNote: testCase.type === 'audio',
        revoked: false,
        sender: world.customer.jid,
        senderName: 'Dana',
      });
    }
    expect((await listedLast())?.preview).toBe('📄 invoice.pdf');
  });

  it('stores locations, contact cards and polls the customer sends', async () => {
    const location = await world.customer.send(world.shopJid, {
      location: { degreesLatitude: 31.7683, degreesLongitude: 35.2137, name: 'Jerusalem shop' },
    });
    expect(await received(location.key.id!)).toMatchObject({
      type: 'location',
      content: { latitude: 31.7683, longitude: 35.2137, name: 'Jerusalem shop' },
    });
    const vcard =
      'BEGIN:VCARD\nVERSION:3.0\nFN:Avi\nTEL;type=CELL;waid=972501234567:+972501234567\nEND:VCARD';
    const contact = await world.customer.send(world.shopJid, {
      contacts: { displayName: 'Avi', contacts: [{ vcard }] },
    });
    const storedContact = await received(contact.key.id!);
    expect(storedContact).toMatchObject({ type: 'contact', text: 'Avi' });
    expect(JSON.stringify(storedContact.content)).toContain('waid=972501234567');
    const poll = await world.customer.send(world.shopJid, {
      poll: { name: 'Which day?', values: ['Sun', 'Mon'], selectableCount: 1 },
    });
    expect(await received(poll.key.id!)).toMatchObject({
      type: 'poll',
      content: { name: 'Which day?', options: ['Sun', 'Mon'] },
    });
    expect(await listedLast()).toMatchObject({
      type: 'poll',
      pollName: 'Which day?',
      preview: '📊 Which day?',
    });
  });

  it('applies a reaction, an edit and a revoke from the customer to the stored message', async () => {
    const sent = await world.customer.sendText(world.shopJid, 'original text');
    await received(sent.key.id!);
    await world.customer.react(sent.key, '👍');
    await world.waitForEvent((e) => e.type === 'message.reaction' && e.data.id === sent.key.id);
    await world.customer.edit(sent.key, 'edited text');
    await world.waitForEvent((e) => e.type === 'message.edited' && e.data.id === sent.key.id);
    let stored = await json<Message>(
      await world.app.request(`/api/v1/sessions/shop/messages/${sent.key.id}`),
    );
    expect(stored).toMatchObject({ text: 'edited text', edited: true });
    expect(stored.reactions).toEqual([expect.objectContaining({ emoji: '👍', sender: world.customer.jid })]);
    await world.customer.revoke(sent.key);
    await world.waitForEvent((e) => e.type === 'message.deleted' && e.data.id === sent.key.id);
    stored = await json<Message>(await world.app.request(`/api/v1/sessions/shop/messages/${sent.key.id}`));
    expect(stored).toMatchObject({ revoked: true, text: null });
    expect(await listedLast()).toMatchObject({ id: sent.key.id, type: 'text', revoked: true, text: null });
  });

  it('stores messages sent while the app was offline once, when the server replays them', async () => {
    await world.app.request('/api/v1/sessions/shop/disconnect', { method: 'POST' });
    const sent = await world.customer.sendText(world.shopJid, 'sent while you were away');
    const back = world.waitForEvent(
      (e) => e.type === 'session.status' && e.data.session.status === 'connected',
    );
    await world.app.request('/api/v1/sessions/shop/connect', { method: 'POST' });
    await back;
    const message = await received(sent.key.id!);
    expect(message.text).toBe('sent while you were away');
    const announced = () =>
      world.events.filter((e) => e.type === 'message.received' && e.data.id === sent.key.id);
    expect(announced()).toHaveLength(1);
    // The same message arriving again (a retry, a second replay) is neither stored nor announced twice.
    const row = world.app.core.services.messaging.store.findById('shop', sent.key.id!);
    world.app.core.services.messaging.store.ingest(
      'shop',
      [{ ...row!, text: row!.text, media: null, content: null, mentions: [], raw: row!.raw! } as never],
      'live',
    );
    const count = world.app.core.db.$client
      .prepare(`SELECT count(*) AS n FROM messages WHERE id = ?`)
      .get(sent.key.id) as { n: number };
    expect(count.n).toBe(1);
    expect(announced()).toHaveLength(1);
  });

  // Two new customers, a group and a reconnect on the local WhatsApp server: slow on a busy machine.
  it(
    "counts a customer's first message once: a new chat, and a new group while the app was offline",
    { timeout: 90_000 },
    async () => {
      const unreadOf = async (jid: string) =>
        (await json<{ unreadCount: number }>(await world.app.request(`/api/v1/sessions/shop/chats/${jid}`)))
          .unreadCount;
      const alice = await world.newCustomer('15550000001', 'Alice Cohen');
      const first = await alice.sendText(world.shopJid, 'Hi! Is my order ready?');
      await received(first.key.id!);
      expect(await unreadOf(alice.jid)).toBe(1);

      // Offline, Baileys hands the group's creation and its first message over in one flush, the
      // creation carrying the message's +1 (the app once added its own +1 on top: 2 unread).
      await world.app.request('/api/v1/sessions/shop/disconnect', { method: 'POST' });
      const group = await alice.groupCreate('Order 77', [world.shopJid]);
      const inGroup = await alice.sendText(group.id, 'first in the group');
      await world.app.request('/api/v1/sessions/shop/connect', { method: 'POST' });
      await received(inGroup.key.id!);
      expect(await unreadOf(group.id)).toBe(1);
      const lastUpdate = world.events.findLast((e) => e.type === 'chat.updated' && e.data.jid === group.id);
      expect(lastUpdate?.data).toMatchObject({ unreadCount: 1, name: 'Order 77' });
    },
  );
});

describe('search', () => {
  it('finds a Hebrew word, an English word, a phrase and a prefix', async () => {
    await world.customer.sendText(world.shopJid, 'התור שלי מחר בבוקר');
    const last = await world.customer.sendText(world.shopJid, 'Please deliver the falafel quickly');
    await received(last.key.id!);
    const search = async (q: string) =>
      (
        await json<{ items: Message[] }>(
          await world.app.request(`/api/v1/sessions/shop/messages?q=${encodeURIComponent(q)}`),
        )
      ).items.map((m) => m.text);
    expect(await search('מחר')).toEqual(['התור שלי מחר בבוקר']);
    expect(await search('falafel')).toEqual(['Please deliver the falafel quickly']);
    expect(await search('"deliver the falafel"')).toEqual(['Please deliver the falafel quickly']);
    expect(await search('"falafel deliver"')).toEqual([]);
    expect(await search('quick*')).toEqual(['Please deliver the falafel quickly']);
    const across = await json<{ items: Message[] }>(await world.app.request(`/api/v1/search?q=falafel`));
    expect(across.items[0]?.session).toBe('shop');
  });

  it('finds Hebrew and Arabic words whatever one-letter prefixes are attached to them', async () => {
    await world.customer.sendText(world.shopJid, 'הזמנתי את העוגה הטעימה');
    await world.customer.sendText(world.shopJid, 'יש משלוח לעוגה?');
    const last = await world.customer.sendText(world.shopJid, 'هل وصل الكتاب للمكتبة؟');
    await received(last.key.id!);
    const search = async (q: string) =>
      (
        await json<{ items: Message[] }>(
          await world.app.request(`/api/v1/sessions/shop/messages?q=${encodeURIComponent(q)}`),
        )
      ).items
        .map((m) => m.text)
        .sort();
    expect(await search('עוגה')).toEqual(['הזמנתי את העוגה הטעימה', 'יש משלוח לעוגה?']);
    expect(await search('"עוגה טעימה"')).toEqual(['הזמנתי את העוגה הטעימה']);
    expect(await search('كتاب')).toEqual(['هل وصل الكتاب للمكتبة؟']);
    expect(await search('مكتبة')).toEqual(['هل وصل الكتاب للمكتبة؟']);
  });

  it('finds words inside Chinese, Japanese and Thai text, written without spaces', async () => {
    await world.customer.sendText(world.shopJid, '我们明天开门，价格不变');
    await world.customer.sendText(world.shopJid, '今日は営業していますか');
    const last = await world.customer.sendText(world.shopJid, 'สวัสดีครับ ราคาเท่าไหร่');
    await received(last.key.id!);
    const search = async (q: string) =>
      (
        await json<{ items: Message[] }>(
          await world.app.request(`/api/v1/sessions/shop/messages?q=${encodeURIComponent(q)}`),
        )
      ).items.map((m) => m.text);
    expect(await search('明天')).toEqual(['我们明天开门，价格不变']);
    expect(await search('价格 开门')).toEqual(['我们明天开门，价格不变']);
    expect(await search('営業')).toEqual(['今日は営業していますか']);
    expect(await search('ราคา')).toEqual(['สวัสดีครับ ราคาเท่าไหร่']);
    // Characters must be adjacent, as typed: not just present somewhere.
    expect(await search('明开')).toEqual([]);
  });
});
