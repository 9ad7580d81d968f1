import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat } from '../../../src-shared/messages.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import type { MessageRecord } from '../../wa/message-mapping.js';

/** Issue #18 point 20: "Mark as unread" keeps a chat in the unread filter until it is read. */
let app: TestCore;
const jid = '972504441300@s.whatsapp.net';

beforeAll(async () => {
  app = await startTestCore();
  await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
  const record: MessageRecord = {
    chatJid: jid,
    id: 'ONE',
    fromMe: false,
    senderJid: jid,
    senderName: null,
    type: 'text',
    text: 'Thanks!',
    media: null,
    content: null,
    quotedId: null,
    mentions: [],
    status: 'delivered',
    timestamp: Date.now(),
    forwarded: false,
    raw: Buffer.from('x'),
  };
  app.core.services.messaging.store.ingest('shop', [record], 'live');
  await app.request(`/api/v1/sessions/shop/chats/${jid}/read`, { method: 'POST', json: {} });
});

afterAll(async () => {
  await app?.stop();
});

async function unreadJids(): Promise<string[]> {
  const response = await app.request('/api/v1/sessions/shop/chats?unread=true');
  return ((await response.json()) as { items: Chat[] }).items.map((chat) => chat.jid);
}

describe('mark as unread', () => {
  it('counts a read chat as unread again, over REST and the UI operation, until it is read', async () => {
    expect(await unreadJids()).toEqual([]);
    const marked = await app.request(`/api/v1/sessions/shop/chats/${jid}`, {
      method: 'PATCH',
      json: { unread: true },
    });
    expect(marked.status).toBe(200);
    expect(((await marked.json()) as Chat).unreadCount).toBe(1);
    expect(await unreadJids()).toEqual([jid]);

    await app.request(`/api/v1/sessions/shop/chats/${jid}/read`, { method: 'POST', json: {} });
    expect(await unreadJids()).toEqual([]);

    const viaUi = (await app.core.callFromDesktop('chats.update', {
      session: 'shop',
      chat: jid,
      unread: true,
    })) as Chat;
    expect(viaUi.unreadCount).toBe(1);
  });

  it('refuses anything but true, naming the field', async () => {
    const response = await app.request(`/api/v1/sessions/shop/chats/${jid}`, {
      method: 'PATCH',
      json: { unread: false },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('unread');
  });
});
