import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personGrant } from '../../../testkit/support/grants.js';
import {
  signedInPerson,
  textRecord,
  type SignedInPerson,
} from '../../../testkit/support/signed-in-person.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const jid = (n: number) => `97250000002${n}@s.whatsapp.net`;
const chatPath = (n: number) => `/api/v1/sessions/shop/chats/${encodeURIComponent(jid(n))}`;

/**
 * An "assigned" reader (issue #16) reaches a chat's tags, tag history, notes and automation state
 * only for her own chats, over REST and /rpc alike: the operations check the chat, not only the
 * number (session 9 found them checking the number only).
 */
describe('what an "assigned" reader sees beside a chat', () => {
  let app: TestCore;
  let rina: SignedInPerson;
  let tagId = '';

  const rpc = (op: string, json: unknown) => rina.request(`/rpc/${op}`, { method: 'POST', json });

  beforeAll(async () => {
    app = await startTestCore();
    expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } })).status).toBe(
      201,
    );
    const store = app.core.services.messaging.store;
    for (const n of [1, 2])
      store.ingest('shop', [textRecord(jid(n), `m${n}`, { text: `hello ${n}` })], 'live');
    rina = await signedInPerson(app, 'Rina');
    await app.request('/api/v1/sessions/shop/permissions', {
      method: 'PUT',
      json: { grants: [{ ...personGrant(rina.id, 'assigned'), canUseTags: true }] },
    });
    // Chat 1 is Rina's; chat 2 is someone else's business (unassigned, and she is in no team).
    await app.request(`${chatPath(1)}/assignee`, { method: 'PUT', json: { user: rina.id } });
    const tag = await app.request('/api/v1/tags', {
      method: 'POST',
      json: { name: 'VIP', color: '#1a7f5a' },
    });
    expect(tag.status, 'tag').toBe(201);
    tagId = ((await tag.json()) as { id: string }).id;
    for (const n of [1, 2]) {
      const tagged = await app.request(`${chatPath(n)}/tags/${tagId}`, { method: 'PUT', json: {} });
      expect(tagged.status, await tagged.text()).toBe(200);
    }
  });
  afterAll(() => app.stop());

  it('reads tags, tag history, notes and automation state of her own chat over REST', async () => {
    for (const path of ['/tags', '/tags/history', '/notes']) {
      expect((await rina.request(`${chatPath(1)}${path}`)).status, path).toBe(200);
    }
    const state = await rina.request(`/api/v1/sessions/shop/automation/chats/${encodeURIComponent(jid(1))}`);
    expect(state.status).toBe(200);
  });

  it('is refused them for a chat that is not hers, over REST', async () => {
    for (const path of ['/tags', '/tags/history', '/notes']) {
      expect((await rina.request(`${chatPath(2)}${path}`)).status, path).toBe(403);
    }
    const state = await rina.request(`/api/v1/sessions/shop/automation/chats/${encodeURIComponent(jid(2))}`);
    expect(state.status).toBe(403);
  });

  it('answers /rpc the same, and leaves chats not hers out of the chat list’s tags', async () => {
    for (const op of ['tags.ofChat', 'tags.history', 'notes.list', 'automation.chatState']) {
      expect((await rpc(op, { session: 'shop', chat: jid(1) })).status, op).toBe(200);
      expect((await rpc(op, { session: 'shop', chat: jid(2) })).status, op).toBe(403);
    }
    const many = await rpc('tags.ofChats', { session: 'shop', chats: [jid(1), jid(2)] });
    expect(many.status).toBe(200);
    const { result } = (await many.json()) as { result: { items: { chat: string; tags: unknown[] }[] } };
    expect(result.items.map((item) => item.chat)).toEqual([jid(1)]);
    expect(result.items[0]!.tags).toHaveLength(1);
  });

  it('tags in bulk only her own chats: one chat not hers refuses the whole call, nothing tagged', async () => {
    const bulk = (chats: string[]) =>
      rina.request('/api/v1/sessions/shop/chats/tags', {
        method: 'POST',
        json: { chats, tagId, action: 'remove' },
      });
    const refused = await bulk([jid(1), jid(2)]);
    expect(refused.status).toBe(403);
    expect(
      (await rpc('tags.bulk', { session: 'shop', chats: [jid(2)], tagId, action: 'remove' })).status,
    ).toBe(403);
    const tagsOf = async (n: number) =>
      ((await (await app.request(`${chatPath(n)}/tags`)).json()) as { items: unknown[] }).items.length;
    expect([await tagsOf(1), await tagsOf(2)]).toEqual([1, 1]);
    const own = await bulk([jid(1)]);
    expect(own.status, await own.text()).toBe(200);
    expect([await tagsOf(1), await tagsOf(2)]).toEqual([0, 1]);
  });
});
