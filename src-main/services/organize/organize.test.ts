import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChatNote,
  RenderedReply,
  SavedReply,
  Tag,
  TagHistoryEntry,
  Tagging,
} from '../../../src-shared/contract/organize.js';
import type { CreatedWebhook } from '../../../src-shared/contract/webhooks.js';
import type { TaggingEvent } from '../../../src-shared/contract/events.js';
import type { Chat, ChatWithTags, Message } from '../../../src-shared/messages.js';
import { connectEventStream, type StreamClient } from '../../../testkit/support/event-stream-client.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { TEST_ADMIN_KEY } from '../../../testkit/support/test-core.js';
import { startReceiver, type WebhookReceiver } from '../../../testkit/support/webhook-receiver.js';

let world: LinkedWorld;
let hook: WebhookReceiver;
let stream: StreamClient;

/** A client of the public event stream (`/api/v1/events`), subscribed to the tagging events. */
async function openStream(url: string): Promise<StreamClient> {
  const { client, ready } = await connectEventStream(url, {
    token: TEST_ADMIN_KEY,
    types: ['chat.tagged', 'message.tagged'],
  });
  if (!ready) throw new Error(`stream closed with ${(await client.closed).code}`);
  return client;
}

beforeAll(async () => {
  world = await linkedWorld();
  hook = await startReceiver();
  const created = await world.app.request('/api/v1/webhooks', {
    method: 'POST',
    json: { name: 'CRM', url: hook.url, events: ['chat.tagged', 'message.tagged'] },
  });
  expect(created.status).toBe(201);
  expect(((await created.json()) as CreatedWebhook).webhook.events).toEqual([
    'chat.tagged',
    'message.tagged',
  ]);
  stream = await openStream(world.app.url);
}, 60_000);

afterAll(async () => {
  stream?.socket.close();
  await hook?.close();
  await world?.close();
});

async function call<T>(path: string, init: Parameters<LinkedWorld['app']['request']>[1] = {}): Promise<T> {
  const response = await world.app.request(`/api/v1${path}`, init);
  expect(response.status, `${init.method ?? 'GET'} ${path}: ${await response.clone().text()}`).toBeLessThan(
    300,
  );
  return (response.status === 204 ? undefined : await response.json()) as T;
}

async function errorOf(
  response: Response,
): Promise<{ status: number; code: string; field?: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; field?: string; message: string } };
  return { status: response.status, ...body.error };
}

async function createTag(name: string, color = '#1a7f5a'): Promise<Tag> {
  return call<Tag>('/tags', { method: 'POST', json: { name, color } });
}

/** A text from `customer` the app has stored. */
async function incoming(text: string, customer = world.customer): Promise<Message> {
  const sent = await customer.sendText(world.shopJid, text);
  const event = await world.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.key.id);
  return event.data as Message;
}

const chatsTagged = (tagParam: string) =>
  call<{ items: Chat[] }>(`/sessions/shop/chats?tag=${encodeURIComponent(tagParam)}`).then((page) =>
    page.items.map((chat) => chat.jid),
  );

function tagged(type: 'chat.tagged' | 'message.tagged', tagId: string, action: 'added' | 'removed') {
  return (event: { type: string; data: unknown }) =>
    event.type === type &&
    (event.data as TaggingEvent).tag.id === tagId &&
    (event.data as TaggingEvent).action === action;
}

describe('tagging chats and messages over REST', () => {
  it('tags a message: its chat carries the tag, the chat is under the filter, webhook and stream hear both', async () => {
    const message = await incoming('I would like to order 3 falafel');
    const chat = world.customer.jid;
    const other = await world.newCustomer('972502220001', 'Yossi');
    await incoming('just browsing', other);
    const lead = await createTag('New lead', '#1A7F5A');
    expect(lead).toMatchObject({ name: 'New lead', color: '#1a7f5a', usage: { chats: 0, messages: 0 } });

    const onMessage = await call<{ items: Tagging[] }>(
      `/sessions/shop/messages/${message.id}/tags/${lead.id}`,
      {
        method: 'PUT',
        json: { extra: { rule: 'order-intent', score: 0.9 } },
      },
    );
    expect(onMessage.items).toEqual([
      expect.objectContaining({ tag: { id: lead.id, name: 'New lead', color: '#1a7f5a' }, addedBy: 'admin' }),
    ]);

    const onChat = await call<{ items: Tagging[] }>(`/sessions/shop/chats/${chat}/tags`);
    expect(onChat.items).toEqual([
      expect.objectContaining({ tag: expect.objectContaining({ id: lead.id }), addedBy: 'admin' }),
    ]);
    expect(onChat.items[0]?.extra).toEqual({ rule: 'order-intent', score: 0.9 });
    expect(await chatsTagged(lead.id)).toEqual([chat]);
    expect(await chatsTagged('new LEAD')).toEqual([chat]);
    expect((await call<Tag>(`/tags/${lead.id}`)).usage).toEqual({ chats: 1, messages: 1 });

    await hook.until(
      (received) =>
        received.some((d) => tagged('message.tagged', lead.id, 'added')(d.json)) &&
        received.some((d) => tagged('chat.tagged', lead.id, 'added')(d.json)),
    );
    const delivered = hook.received.find((d) => tagged('message.tagged', lead.id, 'added')(d.json));
    expect(delivered?.json).toMatchObject({
      session: 'shop',
      data: {
        chat,
        messageId: message.id,
        tag: { id: lead.id, name: 'New lead', color: '#1a7f5a' },
        action: 'added',
        actor: 'admin',
        extra: { rule: 'order-intent', score: 0.9 },
      },
    });
    await stream.until(
      (events) =>
        events.some(tagged('message.tagged', lead.id, 'added')) &&
        events.some(tagged('chat.tagged', lead.id, 'added')),
    );
    expect(stream.events.find(tagged('chat.tagged', lead.id, 'added'))?.data).toMatchObject({
      chat,
      action: 'added',
      actor: 'admin',
    });

    // Remove from the message: the chat keeps it; remove from the chat: the filter is empty.
    await call(`/sessions/shop/messages/${message.id}/tags/${lead.id}`, { method: 'DELETE' });
    expect(await chatsTagged(lead.id)).toEqual([chat]);
    const left = await call<{ items: Tagging[] }>(`/sessions/shop/chats/${chat}/tags/${lead.id}`, {
      method: 'DELETE',
    });
    expect(left.items).toEqual([]);
    expect(await chatsTagged(lead.id)).toEqual([]);

    await hook.until(
      (received) =>
        received.some((d) => tagged('message.tagged', lead.id, 'removed')(d.json)) &&
        received.some((d) => tagged('chat.tagged', lead.id, 'removed')(d.json)),
    );
    await stream.until(
      (events) =>
        events.some(tagged('message.tagged', lead.id, 'removed')) &&
        events.some(tagged('chat.tagged', lead.id, 'removed')),
    );
    expect(stream.events.find(tagged('message.tagged', lead.id, 'removed'))?.data).toMatchObject({
      chat,
      messageId: message.id,
      action: 'removed',
      actor: 'admin',
    });

    const history = await call<{ items: TagHistoryEntry[] }>(`/sessions/shop/chats/${chat}/tags/history`);
    expect(history.items.map((entry) => [entry.action, entry.messageId])).toEqual([
      ['removed', null],
      ['removed', message.id],
      ['added', null],
      ['added', message.id],
    ]);
    const messageHistory = await call<{ items: TagHistoryEntry[] }>(
      `/sessions/shop/messages/${message.id}/tags/history`,
    );
    expect(messageHistory.items.map((entry) => entry.action)).toEqual(['removed', 'added']);
  });

  it('adding a tag twice changes nothing and announces nothing; removing a chat tag clears it from its messages', async () => {
    const message = await incoming('paid by bank transfer');
    const paid = await createTag('Paid', '#2255aa');
    await call(`/sessions/shop/messages/${message.id}/tags/${paid.id}`, { method: 'PUT' });
    await call(`/sessions/shop/chats/${message.chat}/tags/${paid.id}`, { method: 'PUT' });
    await call(`/sessions/shop/messages/${message.id}/tags/${paid.id}`, { method: 'PUT' });
    const added = world.events.filter(
      (e) => (e.type === 'chat.tagged' || e.type === 'message.tagged') && e.data.tag.id === paid.id,
    );
    expect(added.map((e) => e.type)).toEqual(['message.tagged', 'chat.tagged']);

    await call(`/sessions/shop/chats/${message.chat}/tags/${paid.id}`, { method: 'DELETE' });
    expect((await call<{ items: Tagging[] }>(`/sessions/shop/messages/${message.id}/tags`)).items).toEqual(
      [],
    );
    await world.waitForEvent(tagged('message.tagged', paid.id, 'removed'));
  });

  // A new customer linking on the local WhatsApp server takes most of it; slow on a busy machine.
  it('bulk-tags chats from the list and names the actor of a named key', { timeout: 90_000 }, async () => {
    const second = await world.newCustomer('972502220002', 'Noa');
    await incoming('hello', second);
    const agent = await createTag('Agent needed', '#cc3300');
    const keyResponse = await call<{ key: string }>('/keys', {
      method: 'POST',
      json: { name: 'crm-bot', scopes: ['messages:send', 'messages:read'] },
    });
    const bulk = await world.app.request('/api/v1/sessions/shop/chats/tags', {
      method: 'POST',
      key: keyResponse.key,
      json: { chats: [world.customer.jid, second.jid, second.jid], tagId: agent.id, extra: { via: 'bulk' } },
    });
    expect(bulk.status).toBe(200);
    expect(await bulk.json()).toEqual({ changed: 2 });
    expect((await chatsTagged(agent.id)).sort()).toEqual([world.customer.jid, second.jid].sort());
    const taggings = await call<{ items: Tagging[] }>(`/sessions/shop/chats/${second.jid}/tags`);
    expect(taggings.items[0]).toMatchObject({ addedBy: 'key:crm-bot', extra: { via: 'bulk' } });

    const unknown = await world.app.request('/api/v1/sessions/shop/chats/tags', {
      method: 'POST',
      json: { chats: [world.customer.jid, '972509999999'], tagId: agent.id, action: 'remove' },
    });
    expect(await errorOf(unknown)).toMatchObject({ status: 404, field: 'chats' });
    expect((await chatsTagged(agent.id)).length).toBe(2);

    const removed = await call<{ changed: number }>('/sessions/shop/chats/tags', {
      method: 'POST',
      json: { chats: [world.customer.jid, second.jid], tagId: agent.id, action: 'remove' },
    });
    expect(removed.changed).toBe(2);
    expect(await chatsTagged(agent.id)).toEqual([]);
  });

  it('deleting a tag in use needs confirmation, then removes its taggings and announces each removal', async () => {
    const message = await incoming('please call me back');
    const vip = await createTag('VIP', '#aa00aa');
    await call(`/sessions/shop/messages/${message.id}/tags/${vip.id}`, { method: 'PUT' });

    const refused = await world.app.request(`/api/v1/tags/${vip.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as {
      error: { code: string; field: string; message: string; usage: unknown };
    };
    expect(body.error).toMatchObject({
      code: 'CONFLICT',
      field: 'confirm',
      usage: { chats: 1, messages: 1 },
    });
    expect(body.error.message).toContain('1 chat and 1 message');
    expect(await chatsTagged(vip.id)).toEqual([message.chat]);

    const deleted = await call<{ removed: unknown }>(`/tags/${vip.id}?confirm=true`, { method: 'DELETE' });
    expect(deleted.removed).toEqual({ chats: 1, messages: 1 });
    expect((await world.app.request(`/api/v1/tags/${vip.id}`)).status).toBe(404);
    expect((await call<{ items: Tagging[] }>(`/sessions/shop/chats/${message.chat}/tags`)).items).toEqual([]);
    await hook.until(
      (received) =>
        received.some((d) => tagged('message.tagged', vip.id, 'removed')(d.json)) &&
        received.some((d) => tagged('chat.tagged', vip.id, 'removed')(d.json)),
    );
    // The history outlives the tag, under the name it had.
    const history = await call<{ items: TagHistoryEntry[] }>(
      `/sessions/shop/chats/${message.chat}/tags/history`,
    );
    expect(history.items.filter((entry) => entry.tagId === vip.id).map((entry) => entry.tagName)).toContain(
      'VIP',
    );

    // A tag nobody uses is deleted without confirmation.
    const unused = await createTag('Unused');
    expect((await world.app.request(`/api/v1/tags/${unused.id}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('validates names and colours, keeps names unique ignoring case, renames and recolours', async () => {
    const hot = await createTag('Hot');
    const badColour = await world.app.request('/api/v1/tags', {
      method: 'POST',
      json: { name: 'x', color: 'red' },
    });
    expect(await errorOf(badColour)).toMatchObject({ status: 400, field: 'color' });
    const long = await world.app.request('/api/v1/tags', {
      method: 'POST',
      json: { name: 'x'.repeat(41), color: '#000000' },
    });
    expect(await errorOf(long)).toMatchObject({ status: 400, field: 'name' });
    const duplicate = await world.app.request('/api/v1/tags', {
      method: 'POST',
      json: { name: ' hOT ', color: '#000000' },
    });
    expect(await errorOf(duplicate)).toMatchObject({ status: 409, code: 'CONFLICT', field: 'name' });
    const hebrew = await createTag('ליד חדש 🔥');
    expect(hebrew.name).toBe('ליד חדש 🔥');

    const renamed = await call<Tag>(`/tags/${hot.id}`, {
      method: 'PATCH',
      json: { name: 'Very hot', color: '#FF0000' },
    });
    expect(renamed).toMatchObject({ name: 'Very hot', color: '#ff0000' });
    const clash = await world.app.request(`/api/v1/tags/${hot.id}`, {
      method: 'PATCH',
      json: { name: 'paid' },
    });
    expect(await errorOf(clash)).toMatchObject({ status: 409, field: 'name' });
    const names = (await call<{ items: Tag[] }>('/tags')).items.map((tag) => tag.name);
    expect(names).toContain('Very hot');
    expect((await world.app.request('/api/v1/sessions/shop/chats?tag=nope')).status).toBe(404);
  });

  it('keeps session keys to their own session and away from shared tags', async () => {
    const created = await call<{ apiKey: string }>('/sessions', {
      method: 'POST',
      json: { id: 'kiosk', name: 'Kiosk' },
    });
    const kioskKey = created.apiKey;
    const tag = await createTag('Kiosk only');
    const foreign = await world.app.request(
      `/api/v1/sessions/shop/chats/${world.customer.jid}/tags/${tag.id}`,
      {
        method: 'PUT',
        key: kioskKey,
      },
    );
    expect(foreign.status).toBe(403);
    const notes = await world.app.request(`/api/v1/sessions/shop/chats/${world.customer.jid}/notes`, {
      key: kioskKey,
    });
    expect(notes.status).toBe(403);
    const change = await world.app.request(`/api/v1/tags/${tag.id}`, {
      method: 'PATCH',
      key: kioskKey,
      json: { name: 'Mine' },
    });
    expect(change.status).toBe(403);
    expect((await world.app.request('/api/v1/tags', { key: kioskKey })).status).toBe(200);
    const readOnly = await call<{ key: string }>('/keys', {
      method: 'POST',
      json: { name: 'reader', scopes: ['messages:read'] },
    });
    const write = await world.app.request(
      `/api/v1/sessions/shop/chats/${world.customer.jid}/tags/${tag.id}`,
      {
        method: 'PUT',
        key: readOnly.key,
      },
    );
    expect(write.status).toBe(403);
  });

  it('chat lists and chat reads carry the tags of every chat, in tagging order', async () => {
    const regular = await world.newCustomer('972502220003', 'Miri');
    const newcomer = await world.newCustomer('972502220004', 'Eli');
    await incoming('same as last week, please', regular);
    await incoming('first time here', newcomer);
    const wholesale = await createTag('Wholesale', '#00AA55');
    const returning = await createTag('Returning', '#aa5500');
    for (const tag of [wholesale, returning]) {
      await call(`/sessions/shop/chats/${regular.jid}/tags/${tag.id}`, { method: 'PUT' });
    }
    const expected = [
      { id: wholesale.id, name: 'Wholesale', color: '#00aa55' },
      { id: returning.id, name: 'Returning', color: '#aa5500' },
    ];

    for (const path of ['/sessions/shop/chats', '/chats']) {
      const page = await call<{ items: ChatWithTags[] }>(path);
      const byJid = new Map(page.items.map((chat) => [chat.jid, chat.tags]));
      // In tagging order, not by name ("Returning" was put on second).
      expect(byJid.get(regular.jid), path).toEqual(expected);
      expect(byJid.get(newcomer.jid), path).toEqual([]);
    }
    // A name search sorts its candidates, and reads the page's tags around them.
    const found = await call<{ items: ChatWithTags[] }>('/sessions/shop/chats?q=Miri');
    expect(found.items.map((chat) => [chat.jid, chat.tags])).toEqual([[regular.jid, expected]]);

    const one = await call<ChatWithTags>(`/sessions/shop/chats/${regular.jid}`);
    expect(one.tags).toEqual(expected);
    const pinned = await call<ChatWithTags>(`/sessions/shop/chats/${regular.jid}`, {
      method: 'PATCH',
      json: { pinned: true },
    });
    expect(pinned).toMatchObject({ pinned: true, tags: expected });
    await call(`/tags/${returning.id}`, { method: 'PATCH', json: { name: 'Regular' } });
    const renamed = await call<ChatWithTags>(`/sessions/shop/chats/${regular.jid}`);
    expect(renamed.tags.map((tag) => tag.name)).toEqual(['Wholesale', 'Regular']);

    // The list follows removals too: one tag left, then none.
    const listed = async () =>
      (await call<{ items: ChatWithTags[] }>('/sessions/shop/chats')).items.find(
        (chat) => chat.jid === regular.jid,
      )?.tags;
    await call(`/sessions/shop/chats/${regular.jid}/tags/${wholesale.id}`, { method: 'DELETE' });
    expect((await listed())?.map((tag) => tag.name)).toEqual(['Regular']);
    await call(`/tags/${returning.id}?confirm=true`, { method: 'DELETE' });
    expect(await listed()).toEqual([]);
  });
});

describe('saved replies', () => {
  it('creates, renders [name] for a chat, edits and deletes over REST', async () => {
    await incoming('what are your opening hours?');
    const created = await call<SavedReply>('/saved-replies', {
      method: 'POST',
      json: { shortcut: 'hours', text: 'Hi [name] ([first_name], [phone]), we open at 9. [unknown] stays.' },
    });
    expect(created).toMatchObject({ shortcut: 'hours', title: 'hours', media: null });
    const duplicate = await world.app.request('/api/v1/saved-replies', {
      method: 'POST',
      json: { shortcut: 'HOURS', text: 'x' },
    });
    expect(duplicate.status).toBe(400);
    const clash = await world.app.request('/api/v1/saved-replies', {
      method: 'POST',
      json: { shortcut: 'hours', text: 'x' },
    });
    expect(await errorOf(clash)).toMatchObject({ status: 409, field: 'shortcut' });

    const rendered = await call<RenderedReply>(
      `/sessions/shop/chats/${world.customer.jid}/saved-replies/${created.id}/render`,
    );
    expect(rendered.text).toBe(
      `Hi Dana (Dana, +${world.customer.jid.split('@')[0]}), we open at 9. [unknown] stays.`,
    );

    const withMedia = await call<SavedReply>(`/saved-replies/${created.id}`, {
      method: 'PATCH',
      json: {
        title: 'Opening hours',
        media: { type: 'image', url: 'https://example.com/hours.png' },
      },
    });
    expect(withMedia).toMatchObject({ title: 'Opening hours', media: { type: 'image' } });
    expect((await call<{ items: SavedReply[] }>('/saved-replies')).items.map((r) => r.shortcut)).toContain(
      'hours',
    );
    await call(`/saved-replies/${created.id}`, { method: 'DELETE' });
    expect((await world.app.request(`/api/v1/saved-replies/${created.id}`)).status).toBe(404);
  });
});

describe('chat notes', () => {
  it('adds, edits and deletes private notes that never leave the app', async () => {
    const eventsBefore = world.events.length;
    const deliveriesBefore = hook.received.length;
    const chat = world.customer.jid;
    const note = await call<ChatNote>(`/sessions/shop/chats/${chat}/notes`, {
      method: 'POST',
      json: { text: 'Allergic to sesame — check the order' },
    });
    expect(note).toMatchObject({ chat, author: 'admin', text: 'Allergic to sesame — check the order' });
    const edited = await call<ChatNote>(`/sessions/shop/chats/${chat}/notes/${note.id}`, {
      method: 'PATCH',
      json: { text: 'Allergic to sesame and nuts' },
    });
    expect(edited.text).toBe('Allergic to sesame and nuts');
    expect((await call<{ items: ChatNote[] }>(`/sessions/shop/chats/${chat}/notes`)).items).toEqual([edited]);
    const empty = await world.app.request(`/api/v1/sessions/shop/chats/${chat}/notes`, {
      method: 'POST',
      json: { text: '   ' },
    });
    expect(await errorOf(empty)).toMatchObject({ status: 400, field: 'text' });
    await call(`/sessions/shop/chats/${chat}/notes/${note.id}`, { method: 'DELETE' });
    expect((await call<{ items: ChatNote[] }>(`/sessions/shop/chats/${chat}/notes`)).items).toEqual([]);

    // Nothing was announced or sent: no event, no delivery, no outgoing message.
    expect(world.events.slice(eventsBefore).filter((e) => e.type === 'message.sent')).toEqual([]);
    expect(hook.received.length).toBe(deliveriesBefore);
  });
});
