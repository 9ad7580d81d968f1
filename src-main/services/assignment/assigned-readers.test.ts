import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewCounts } from '../../../src-shared/contract/assignment.js';
import { personGrant } from '../../../testkit/support/grants.js';
import {
  signedInPerson,
  textRecord,
  type SignedInPerson,
} from '../../../testkit/support/signed-in-person.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const jid = (n: number) => `97250000001${n}@s.whatsapp.net`;

const text = (chat: string, id: string, body: string) => textRecord(chat, id, { text: body });

/**
 * Issue #16: the inbox views' counts, and an "assigned only" reader's lists, per-number lists,
 * counts and search holding only the chats they may read (all through the one authorizer).
 */
describe('view counts and "assigned only" readers', () => {
  let app: TestCore;
  const ids: Record<string, string> = {};
  const people: Record<string, SignedInPerson> = {};
  let team = '';

  const as = (name: string, path: string, init: RequestInit & { json?: unknown } = {}) =>
    people[name]!.request(path, init);
  async function json<T>(response: Promise<Response>): Promise<T> {
    const answer = await response;
    expect(answer.status).toBe(200);
    return (await answer.json()) as T;
  }
  const assign = (chat: string, body: unknown) =>
    app.request(`/api/v1/sessions/shop/chats/${encodeURIComponent(chat)}/assignee`, {
      method: 'PUT',
      json: body,
    });

  beforeAll(async () => {
    app = await startTestCore();
    for (const id of ['shop', 'other']) {
      expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id } })).status).toBe(201);
    }
    // Five chats on "shop", each with a message saying "parcel"; one on "other".
    const store = app.core.services.messaging.store;
    for (let n = 0; n < 5; n += 1) store.ingest('shop', [text(jid(n), `m${n}`, `parcel ${n}`)], 'live');
    store.ingest('other', [text(jid(9), 'm9', 'parcel elsewhere')], 'live');
    for (const name of ['Dana', 'Rina']) {
      people[name] = await signedInPerson(app, name);
      ids[name] = people[name].id;
    }
    team = (
      (await (
        await app.request('/api/v1/teams', { method: 'POST', json: { name: 'Support', members: [ids.Rina] } })
      ).json()) as { id: string }
    ).id;
    await app.request('/api/v1/sessions/shop/permissions', {
      method: 'PUT',
      json: { grants: [personGrant(ids.Dana!), personGrant(ids.Rina!, 'assigned')] },
    });
    // Dana has 0 and 1; Rina has 2; Support's queue has 3 (nobody in it); 4 is nobody's.
    await assign(jid(0), { user: ids.Dana });
    await assign(jid(1), { user: ids.Dana });
    await assign(jid(2), { user: ids.Rina });
    await assign(jid(3), { team });
    await app.request(`/api/v1/sessions/shop/chats/${encodeURIComponent(jid(1))}/status`, {
      method: 'PUT',
      json: { status: 'resolved' },
    });
  });
  afterAll(() => app.stop());

  it('counts Mine, Unassigned, my teams and All for the chosen status', async () => {
    const open = await json<ViewCounts>(as('Dana', '/api/v1/chats/counts?status=open'));
    // Dana reads "shop" only: the chat on "other" is not counted.
    expect(open).toEqual({ status: 'open', mine: 1, unassigned: 2, teams: [], all: 4 });
    const any = await json<ViewCounts>(as('Dana', '/api/v1/chats/counts'));
    expect(any).toMatchObject({ status: null, mine: 2, unassigned: 2, all: 5 });
    const resolved = await json<ViewCounts>(as('Dana', '/api/v1/chats/counts?status=resolved&session=shop'));
    expect(resolved).toMatchObject({ mine: 1, unassigned: 0, all: 1 });
    // The admin key has no "me" and no teams, and reads every number.
    const admin = await json<ViewCounts>(app.request('/api/v1/chats/counts?status=open'));
    expect(admin).toEqual({ status: 'open', mine: null, unassigned: 3, teams: [], all: 5 });
    expect((await app.request('/api/v1/chats/counts?status=closed')).status).toBe(400);
    expect((await app.request('/api/v1/chats/counts?session=nope')).status).toBe(404);
  });

  it('counts only what an "assigned" reader may read, her team included', async () => {
    const counts = await json<ViewCounts>(as('Rina', '/api/v1/chats/counts?status=open'));
    expect(counts).toEqual({
      status: 'open',
      mine: 1,
      unassigned: 1,
      teams: [{ id: team, name: 'Support', count: 1 }],
      all: 2,
    });
    expect(await json<ViewCounts>(as('Rina', '/api/v1/chats/counts?status=open&session=shop'))).toEqual(
      counts,
    );
  });

  it('lists her own chats on the number’s own list, and refuses a number she may not read', async () => {
    const jids = async (path: string) =>
      (await json<{ items: { jid: string }[] }>(as('Rina', path))).items.map((chat) => chat.jid).sort();
    expect(await jids('/api/v1/sessions/shop/chats')).toEqual([jid(2), jid(3)]);
    expect(await jids('/api/v1/sessions/shop/chats?assignee=none')).toEqual([jid(3)]);
    expect(await jids('/api/v1/chats')).toEqual([jid(2), jid(3)]);
    expect((await as('Rina', '/api/v1/sessions/other/chats')).status).toBe(403);
    // The UI's list with the number filter (`chats.list` over /rpc) answers the same.
    const rpc = await as('Rina', '/rpc/chats.list', { method: 'POST', json: { session: 'shop', limit: 50 } });
    expect(rpc.status).toBe(200);
    const listed = ((await rpc.json()) as { result: { items: { jid: string }[] } }).result.items.map(
      (chat) => chat.jid,
    );
    expect(listed.sort()).toEqual([jid(2), jid(3)]);
  });

  it('finds messages of her own chats only, whichever search she uses', async () => {
    const hits = async (path: string) =>
      (await json<{ items: { chat: string }[] }>(as('Rina', path))).items.map((hit) => hit.chat).sort();
    expect(await hits('/api/v1/search?q=parcel')).toEqual([jid(2), jid(3)]);
    expect(await hits('/api/v1/sessions/shop/messages?q=parcel')).toEqual([jid(2), jid(3)]);
    expect(await hits(`/api/v1/sessions/shop/messages?q=parcel&chat=${jid(2)}`)).toEqual([jid(2)]);
    expect((await as('Rina', `/api/v1/sessions/shop/messages?q=parcel&chat=${jid(0)}`)).status).toBe(403);
    const rpc = await as('Rina', '/rpc/messages.search', { method: 'POST', json: { q: 'parcel' } });
    const items = ((await rpc.json()) as { result: { items: { chat: string }[] } }).result.items.map(
      (hit) => hit.chat,
    );
    expect(items.sort()).toEqual([jid(2), jid(3)]);
    // Dana reads all of "shop": every hit there, none of "other".
    const dana = (await json<{ items: { chat: string }[] }>(as('Dana', '/api/v1/search?q=parcel'))).items;
    expect(dana).toHaveLength(5);
  });
});
