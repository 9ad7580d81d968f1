import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call, Message } from '../../../src-shared/messages.js';
import { personGrant } from '../../../testkit/support/grants.js';
import {
  signedInPerson,
  textRecord,
  type SignedInPerson,
} from '../../../testkit/support/signed-in-person.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const jid = (n: number) => `97250000002${n}@s.whatsapp.net`;
const message = (chat: string, id: string, fromMe: boolean, at: number) =>
  textRecord(chat, id, { fromMe, timestamp: at });

/**
 * Issue #26 point 4: a number's latest sent and received messages across its chats (seed 002),
 * and the call log across numbers, each holding only what the caller may read.
 */
describe('latest messages across chats and the call log across numbers', () => {
  let app: TestCore;
  const people: Record<string, SignedInPerson> = {};

  const as = (name: string, path: string) => people[name]!.request(path);
  async function page<T>(response: Promise<Response>): Promise<{ items: T[]; next: string | null }> {
    const answer = await response;
    expect(answer.status).toBe(200);
    return (await answer.json()) as { items: T[]; next: string | null };
  }

  beforeAll(async () => {
    app = await startTestCore();
    for (const id of ['shop', 'other']) {
      expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id } })).status).toBe(201);
    }
    // Three chats on "shop": each one message in and one out, a second apart, chat 2 newest.
    const { store } = app.core.services.messaging;
    for (let n = 0; n < 3; n += 1) {
      store.ingest('shop', [message(jid(n), `in${n}`, false, 10_000 + n * 2000)], 'live');
      store.ingest('shop', [message(jid(n), `out${n}`, true, 11_000 + n * 2000)], 'live');
    }
    store.ingest('other', [message(jid(9), 'elsewhere', false, 99_000)], 'live');
    const calls = app.core.services.messaging.calls;
    calls.record('shop', {
      id: 'c1',
      peerJid: jid(0),
      isVideo: false,
      isGroup: false,
      status: 'offer',
      timestamp: 1000,
    });
    calls.record('other', {
      id: 'c2',
      peerJid: jid(9),
      isVideo: true,
      isGroup: false,
      status: 'offer',
      timestamp: 2000,
    });
    calls.record('shop', {
      id: 'c3',
      peerJid: jid(1),
      isVideo: false,
      isGroup: false,
      status: 'offer',
      timestamp: 3000,
    });
    people.Dana = await signedInPerson(app, 'Dana');
    people.Rina = await signedInPerson(app, 'Rina');
    await app.request('/api/v1/sessions/shop/permissions', {
      method: 'PUT',
      json: { grants: [personGrant(people.Dana.id), personGrant(people.Rina.id, 'assigned')] },
    });
    await app.request(`/api/v1/sessions/shop/chats/${encodeURIComponent(jid(1))}/assignee`, {
      method: 'PUT',
      json: { user: people.Rina!.id },
    });
  });
  afterAll(() => app.stop());

  it('lists the latest received and sent messages across the number’s chats, newest first, page by page', async () => {
    const received = await page<Message>(
      app.request('/api/v1/sessions/shop/messages?direction=received&limit=2'),
    );
    expect(received.items.map((m) => m.id)).toEqual(['in2', 'in1']);
    expect(received.next).not.toBeNull();
    const rest = await page<Message>(
      app.request(`/api/v1/sessions/shop/messages?direction=received&limit=2&cursor=${received.next}`),
    );
    expect(rest).toEqual({ items: [expect.objectContaining({ id: 'in0', fromMe: false })], next: null });
    const sent = await page<Message>(app.request('/api/v1/sessions/shop/messages?direction=sent'));
    expect(sent.items.map((m) => m.id)).toEqual(['out2', 'out1', 'out0']);
    // With q the same route still searches, and direction narrows the hits.
    const hits = await page<Message>(app.request('/api/v1/sessions/shop/messages?q=text&direction=sent'));
    expect(hits.items.map((m) => m.id).sort()).toEqual(['out0', 'out1', 'out2']);
  });

  it('names the missing or wrong field', async () => {
    for (const [query, field] of [
      ['', 'direction'],
      ['direction=both', 'direction'],
      ['direction=sent&chat=x', 'chat'],
      ['direction=sent&cursor=12', 'cursor'],
      ['q=text&cursor=1.2', 'cursor'],
    ]) {
      const answer = await app.request(`/api/v1/sessions/shop/messages?${query}`);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { error: { field: string } }).error.field).toBe(field);
    }
  });

  it('gives an "assigned only" reader the messages of her own chats only', async () => {
    const rina = await page<Message>(as('Rina', '/api/v1/sessions/shop/messages?direction=received'));
    expect(rina.items.map((m) => m.id)).toEqual(['in1']);
    const dana = await page<Message>(as('Dana', '/api/v1/sessions/shop/messages?direction=received'));
    expect(dana.items.map((m) => m.id)).toEqual(['in2', 'in1', 'in0']);
    expect((await as('Dana', '/api/v1/sessions/other/messages?direction=received')).status).toBe(403);
  });

  it('lists the calls of every number the caller may read, newest first, page by page', async () => {
    const all = await page<Call>(app.request('/api/v1/calls'));
    expect(all.items.map((call) => `${call.session}/${call.id}`)).toEqual(['shop/c3', 'other/c2', 'shop/c1']);
    const first = await page<Call>(app.request('/api/v1/calls?limit=2'));
    const second = await page<Call>(app.request(`/api/v1/calls?limit=2&cursor=${first.next}`));
    expect([...first.items, ...second.items].map((call) => call.id)).toEqual(['c3', 'c2', 'c1']);
    expect(second.next).toBeNull();
    // Dana reads all of "shop" and nothing of "other"; Rina reads only assigned chats: no whole log.
    expect((await page<Call>(as('Dana', '/api/v1/calls'))).items.map((call) => call.id)).toEqual([
      'c3',
      'c1',
    ]);
    expect((await page<Call>(as('Rina', '/api/v1/calls'))).items).toEqual([]);
    const bad = await app.request('/api/v1/calls?cursor=nope');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('cursor');
  });
});
