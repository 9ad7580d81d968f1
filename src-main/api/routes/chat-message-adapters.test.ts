import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personGrant } from '../../../testkit/support/grants.js';
import {
  signedInPerson,
  textRecord,
  type SignedInPerson,
} from '../../../testkit/support/signed-in-person.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const jid = (n: number) => `97250000003${n}@s.whatsapp.net`;
const SECOND = 1000;

type Page = { items: { id: string; chat: string; fromMe: boolean }[]; next: string | null };
type ChatPage = { items: { jid: string; tags: { name: string }[] }[]; next: string | null };

/**
 * chats.ts and messages.ts are adapters onto the contract operations (issue #15): REST and /rpc
 * answer the same, what REST did that the operations did not is now theirs too (a tag by name,
 * history by time, a number's latest messages, search by direction, marking messages read), and
 * REST now checks what /rpc always did (an "assigned" reader's `to`; scheduling is for admins).
 */
describe('chats and messages over REST and /rpc', () => {
  let app: TestCore;
  let rina: SignedInPerson;
  let walt: SignedInPerson;

  const rest = async <T>(path: string): Promise<T> => {
    const answer = await app.request(path);
    expect(answer.status, path).toBe(200);
    return (await answer.json()) as T;
  };
  const rpc = async <T>(op: string, input: unknown): Promise<T> => {
    const answer = await app.request(`/rpc/${op}`, { method: 'POST', json: input });
    expect(answer.status, op).toBe(200);
    return ((await answer.json()) as { result: T }).result;
  };
  const ids = (page: Page) => page.items.map((message) => message.id);
  const send = (who: SignedInPerson, body: Record<string, unknown>) =>
    who.request('/api/v1/sessions/shop/messages', { method: 'POST', json: body });

  beforeAll(async () => {
    app = await startTestCore();
    expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } })).status).toBe(
      201,
    );
    // Chat 1: four messages a second apart (two in, two out); chat 2: one message, later.
    const { store } = app.core.services.messaging;
    for (let n = 0; n < 4; n += 1) {
      const record = textRecord(jid(1), `m${n}`, {
        fromMe: n % 2 === 1,
        text: `parcel ${n}`,
        timestamp: 100 * SECOND + n * SECOND,
      });
      store.ingest('shop', [record], 'live');
    }
    store.ingest(
      'shop',
      [textRecord(jid(2), 'late', { text: 'parcel late', timestamp: 200 * SECOND })],
      'live',
    );
    const tag = await app.request('/api/v1/tags', {
      method: 'POST',
      json: { name: 'Wholesale', color: '#1a7f5a' },
    });
    const tagId = ((await tag.json()) as { id: string }).id;
    const chatTag = `/api/v1/sessions/shop/chats/${encodeURIComponent(jid(1))}/tags/${tagId}`;
    expect((await app.request(chatTag, { method: 'PUT', json: {} })).status).toBe(200);
    rina = await signedInPerson(app, 'Rina');
    walt = await signedInPerson(app, 'Walt');
    await app.request('/api/v1/sessions/shop/permissions', {
      method: 'PUT',
      json: { grants: [personGrant(rina.id, 'assigned'), personGrant(walt.id)] },
    });
    await app.request(`/api/v1/sessions/shop/chats/${encodeURIComponent(jid(1))}/assignee`, {
      method: 'PUT',
      json: { user: rina.id },
    });
  });
  afterAll(() => app.stop());

  it('lists chats by tag name with their tags, over REST and /rpc alike', async () => {
    const byRest = await rest<ChatPage>('/api/v1/sessions/shop/chats?tag=wholesale');
    const byRpc = await rpc<ChatPage>('chats.list', { session: 'shop', tag: 'Wholesale' });
    expect(byRest.items.map((chat) => chat.jid)).toEqual([jid(1)]);
    expect(byRpc).toEqual(byRest);
    expect(byRpc.items[0]!.tags.map((tag) => tag.name)).toEqual(['Wholesale']);
    const one = await rpc<{ tags: unknown[] }>('chats.get', { session: 'shop', chat: jid(2) });
    expect(one.tags).toEqual([]);
    const unknown = await app.request('/rpc/chats.list', { method: 'POST', json: { tag: 'nope' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { field: 'tag' } });
  });

  it('pages a chat by time, then by cursor, the same over REST and /rpc', async () => {
    const path = `/api/v1/sessions/shop/chats/${encodeURIComponent(jid(1))}/messages`;
    const chat = { session: 'shop', chat: jid(1) };
    // Before 103 s (unix seconds): m2, m1, m0; two a page.
    const first = await rest<Page>(`${path}?before=103&limit=2`);
    expect(ids(first)).toEqual(['m2', 'm1']);
    expect(await rpc<Page>('messages.page', { ...chat, beforeTime: 103 * SECOND, limit: 2 })).toEqual(first);
    const second = await rest<Page>(`${path}?cursor=${first.next}&limit=2`);
    expect(ids(second)).toEqual(['m0']);
    expect(await rpc<Page>('messages.page', { ...chat, before: first.next, limit: 2 })).toEqual(second);
    // After 100 s: the oldest two newer ones, newest first; `next` points older, as REST says.
    const after = await rest<Page>(`${path}?after=${new Date(100 * SECOND).toISOString()}&limit=2`);
    expect(ids(after)).toEqual(['m2', 'm1']);
    expect(await rpc<Page>('messages.page', { ...chat, afterTime: 100 * SECOND, limit: 2 })).toEqual(after);
    const beyond = await app.request(`${path}?before=${'9'.repeat(40)}`);
    expect(beyond.status).toBe(400);
    expect(await beyond.json()).toMatchObject({ error: { field: 'before' } });
  });

  it('lists a number’s latest messages and searches by direction, the same over REST and /rpc', async () => {
    const received = await rest<Page>('/api/v1/sessions/shop/messages?direction=received&limit=2');
    expect(ids(received)).toEqual(['late', 'm2']);
    expect(await rpc<Page>('messages.latest', { session: 'shop', direction: 'received', limit: 2 })).toEqual(
      received,
    );
    const sent = await rest<Page>('/api/v1/sessions/shop/messages?q=parcel&direction=sent');
    expect(ids(sent)).toEqual(['m3', 'm1']);
    const searched = await rpc<{ items: unknown[]; next: number | null }>('messages.search', {
      session: 'shop',
      q: 'parcel',
      direction: 'sent',
    });
    expect(searched.items).toEqual(sent.items);
    // The search across numbers pages with a string cursor over REST, a number over /rpc.
    const across = await rest<Page>('/api/v1/search?q=parcel&limit=2');
    expect(ids(across)).toEqual(['late', 'm3']);
    const older = await rest<Page>(`/api/v1/search?q=parcel&limit=2&cursor=${across.next}`);
    expect(ids(older)).toEqual(['m2', 'm1']);
    expect(
      (await rpc<Page>('messages.search', { q: 'parcel', limit: 2, cursor: Number(across.next) })).items,
    ).toEqual(older.items);
  });

  it('marks chosen messages read through the operation, naming an unknown one', async () => {
    for (const answer of [
      await app.request(`/api/v1/sessions/shop/chats/${encodeURIComponent(jid(1))}/read`, {
        method: 'POST',
        json: { messageIds: ['nope'] },
      }),
      await app.request('/rpc/chats.read', {
        method: 'POST',
        json: { session: 'shop', chat: jid(1), messageIds: ['nope'] },
      }),
    ]) {
      expect(answer.status).toBe(400);
      expect(JSON.stringify(await answer.json())).toContain('no message \\"nope\\" in this chat');
    }
  });

  it('refuses an "assigned" reader’s send to a chat not hers, naming `to`, over REST as over /rpc', async () => {
    const refused = await send(rina, { type: 'text', to: jid(2), text: 'Hi' });
    expect(refused.status).toBe(403);
    const rpcRefused = await rina.request('/rpc/messages.send', {
      method: 'POST',
      json: { session: 'shop', message: { type: 'text', to: jid(2), text: 'Hi' } },
    });
    expect(rpcRefused.status).toBe(403);
    // Her own chat passes the authorizer (the number is not linked: the send itself fails after).
    const own = await send(rina, { type: 'text', to: jid(1), text: 'Hi' });
    expect(own.status).not.toBe(403);
    expect(own.status).toBeGreaterThanOrEqual(400);
  });

  it('schedules through the send route for admins only, as schedules.create does', async () => {
    const later = { type: 'text', to: jid(1), text: 'Your table', sendAt: '2031-01-01T10:00:00+02:00' };
    const agent = await send(walt, later);
    expect(agent.status).toBe(403);
    const admin = await app.request('/api/v1/sessions/shop/messages', { method: 'POST', json: later });
    expect(admin.status).toBe(201);
    expect(await admin.json()).toMatchObject({ session: 'shop', id: expect.stringMatching(/^sch_/) });
    expect(app.core.services.scheduling.schedules.list({ session: 'shop', limit: 10 }).items).toHaveLength(1);
  });

  it('names the field REST sent when the operation refuses it (`to`, where /rpc says `message.to`)', async () => {
    await app.request('/api/v1/assignment/settings', { method: 'PATCH', json: { foreignReply: 'forbid' } });
    const refused = await send(walt, { type: 'text', to: jid(1), text: 'Hi' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN', field: 'to' } });
    const rpcRefused = await walt.request('/rpc/messages.send', {
      method: 'POST',
      json: { session: 'shop', message: { type: 'text', to: jid(1), text: 'Hi' } },
    });
    expect(await rpcRefused.json()).toMatchObject({ error: { field: 'message.to' } });
  });
});
