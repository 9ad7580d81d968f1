import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase } from '../../db/connection.js';
import { EventRecorder } from '../events/event-recorder.js';
import { personGrant } from '../../../testkit/support/grants.js';
import { signedInPerson, type SignedInPerson } from '../../../testkit/support/signed-in-person.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { StaffPresenceService, TYPING_TTL_MS, VIEWING_TTL_MS } from './staff-presence.js';

const silent = { error() {}, warn() {}, info() {}, debug() {} } as never;
const DANA = { type: 'user' as const, id: 'usr_dana', name: 'Dana' };
const CHAT = '972500000001@s.whatsapp.net';

describe('staff presence (in memory, expiring)', () => {
  it('announces changes only, and expires what nobody refreshes', () => {
    const bus = new EventBus(silent);
    const seen: string[] = [];
    bus.subscribe((event) => {
      if (event.type === 'staff.presence') seen.push(`${event.data.user.name} ${event.data.state}`);
    });
    let now = 1_000_000;
    const presence = new StaffPresenceService(new EventRecorder(openDatabase(':memory:'), bus), () => now);
    presence.set('shop', CHAT, DANA, 'viewing');
    presence.set('shop', CHAT, DANA, 'viewing'); // a refresh: no event
    presence.set('shop', CHAT, DANA, 'typing');
    expect(presence.list('shop', CHAT, null)).toEqual([
      { user: { id: 'usr_dana', name: 'Dana' }, state: 'typing' },
    ]);
    // The one asking is left out of their own list.
    expect(presence.list('shop', CHAT, 'usr_dana')).toEqual([]);
    now += TYPING_TTL_MS + 1;
    presence.sweep();
    now += VIEWING_TTL_MS;
    presence.sweep();
    expect(presence.list('shop', CHAT, null)).toEqual([]);
    presence.set('shop', CHAT, DANA, 'viewing');
    presence.set('shop', CHAT, DANA, 'gone');
    expect(seen).toEqual([
      'Dana viewing',
      'Dana typing',
      'Dana viewing',
      'Dana gone',
      'Dana viewing',
      'Dana gone',
    ]);
  });
});

/**
 * The collision guard over REST: who else is in a chat, only for who may read it, and the
 * `foreignReply` setting enforced by the server for people.
 */
describe('collision guard over REST', () => {
  let app: TestCore;
  const ids: Record<string, string> = {};
  const people: Record<string, SignedInPerson> = {};
  const events: AnyEventEnvelope[] = [];
  const chatPath = (what: string) => `/api/v1/sessions/shop/chats/${encodeURIComponent(CHAT)}/${what}`;

  const as = (name: string, path: string, init: RequestInit & { json?: unknown } = {}) =>
    people[name]!.request(path, init);

  beforeAll(async () => {
    app = await startTestCore();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } });
    app.core.db.$client
      .prepare(
        `INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES ('shop', ?, 'user', 'Noa', 1)`,
      )
      .run(CHAT);
    for (const name of ['Dana', 'Omer', 'Rina']) {
      people[name] = await signedInPerson(app, name);
      ids[name] = people[name].id;
    }
    await app.request('/api/v1/sessions/shop/permissions', {
      method: 'PUT',
      json: { grants: [personGrant(ids.Dana!), personGrant(ids.Omer!), personGrant(ids.Rina!, 'assigned')] },
    });
    await app.request(chatPath('assignee'), { method: 'PUT', json: { user: ids.Dana } });
    app.core.bus.subscribe((event) => events.push(event));
  });
  afterAll(() => app.stop());

  it('shows Omer that Dana is viewing, then typing; not to a reader who may not see the chat', async () => {
    expect(
      (await as('Dana', chatPath('staff-presence'), { method: 'PUT', json: { state: 'viewing' } })).status,
    ).toBe(200);
    expect(
      (await as('Dana', chatPath('staff-presence'), { method: 'PUT', json: { state: 'typing' } })).status,
    ).toBe(200);
    const list = await as('Omer', chatPath('staff-presence'));
    expect(await list.json()).toEqual({ items: [{ user: { id: ids.Dana, name: 'Dana' }, state: 'typing' }] });
    // Dana's own window does not show herself.
    expect(await (await as('Dana', chatPath('staff-presence'))).json()).toEqual({ items: [] });
    // Rina reads only her own chats: not this one, nor that Dana is in it.
    expect((await as('Rina', chatPath('staff-presence'))).status).toBe(403);
    expect(
      (await as('Rina', chatPath('staff-presence'), { method: 'PUT', json: { state: 'viewing' } })).status,
    ).toBe(403);
    expect(
      (await as('Dana', chatPath('staff-presence'), { method: 'PUT', json: { state: 'away' } })).status,
    ).toBe(400);
    const announced = events.filter((event) => event.type === 'staff.presence');
    expect(announced.map((event) => [event.data, event.actor.name])).toEqual([
      [{ chat: CHAT, user: { id: ids.Dana, name: 'Dana' }, state: 'viewing' }, 'Dana'],
      [{ chat: CHAT, user: { id: ids.Dana, name: 'Dana' }, state: 'typing' }, 'Dana'],
    ]);
  });

  it('refuses Omer’s reply in Dana’s chat when replies by others are forbidden, naming Dana', async () => {
    const send = (who: string) =>
      as(who, '/api/v1/sessions/shop/messages', {
        method: 'POST',
        json: { type: 'text', to: CHAT, text: 'Hi' },
      });
    const rpcSend = (who: string) =>
      as(who, '/rpc/messages.send', {
        method: 'POST',
        json: { session: 'shop', message: { type: 'text', to: CHAT, text: 'Hi' } },
      });
    // "warn" (the default) is the composer's question: the server lets a confirmed reply through.
    const warned = await send('Omer');
    expect(JSON.stringify(await warned.json())).not.toContain('has this chat');
    await app.request('/api/v1/assignment/settings', { method: 'PATCH', json: { foreignReply: 'forbid' } });
    for (const answer of [await send('Omer'), await rpcSend('Omer')]) {
      expect(answer.status).toBe(403);
      expect(JSON.stringify(await answer.json())).toContain('Dana has this chat');
    }
    // Dana herself, and a key, are not refused by it (the number is not linked: another refusal).
    for (const answer of [
      await send('Dana'),
      await app.request('/api/v1/sessions/shop/messages', {
        method: 'POST',
        json: { type: 'text', to: CHAT, text: 'Hi' },
      }),
    ]) {
      expect(JSON.stringify(await answer.json())).not.toContain('has this chat');
    }
    expect(events.filter((event) => event.type === 'message.sent')).toHaveLength(0);
  });
});
