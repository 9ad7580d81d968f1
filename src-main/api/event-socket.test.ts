import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedKey } from '../../src-shared/contract/keys.js';
import type { AnyEventEnvelope } from '../../src-shared/contract/events.js';
import { sortableIdFloor } from '../core/ids.js';
import { EVENT_RETENTION_MS } from '../services/events/event-recorder.js';
import { connectEventStream } from '../../testkit/support/event-stream-client.js';
import { startTestCore, TEST_ADMIN_KEY, type TestCore } from '../../testkit/support/test-core.js';

let app: TestCore;

beforeAll(async () => {
  app = await startTestCore();
});

afterAll(async () => {
  await app.stop();
});

/** Opens /api/v1/events on the test core, sends the first message and waits for `ready` (or the close). */
function connect(first: Record<string, unknown>, onEvent?: (event: AnyEventEnvelope) => void) {
  return connectEventStream(app.url, first, onEvent);
}

function record(text: string, session: string | null = 'shop') {
  return app.core.services.events.record('presence.updated', session, {
    chat: 'x@s.whatsapp.net',
    jid: text,
    presence: 'composing',
  });
}

async function namedKey(scopes: string[]): Promise<CreatedKey> {
  const response = await app.request('/api/v1/keys', { method: 'POST', json: { name: 'stream', scopes } });
  expect(response.status).toBe(201);
  return (await response.json()) as CreatedKey;
}

describe('GET /api/v1/events (WebSocket)', () => {
  it('pushes each event as it is stored, without waiting for another one or a poll', async () => {
    const timings: number[] = [];
    let storedAt = 0;
    const { client, ready } = await connect({ token: TEST_ADMIN_KEY }, () => {
      timings.push(performance.now() - storedAt);
    });
    expect(ready).toBe(true);
    for (let i = 0; i < 5; i += 1) {
      storedAt = performance.now();
      const event = record(`latency ${i}`);
      await client.until((events) => events.some((received) => received.id === event.id));
    }
    // Each event arrived before the next was stored (`until` above), so nothing waits for a second
    // event. The bound only catches a stream that polls: its latency is the bench's business, and
    // a margin this wide keeps a busy CI machine from failing a correct stream.
    expect(timings).toHaveLength(5);
    expect(Math.max(...timings)).toBeLessThan(1000);
    client.socket.close();
  });

  it('resumes from the last event id without gaps or duplicates, even while events keep coming', async () => {
    const { client: first } = await connect({ token: TEST_ADMIN_KEY, types: ['presence.updated'] });
    const before = [record('a'), record('b'), record('c')];
    await first.until((events) => events.length === 3);
    expect(first.events.map((event) => event.id)).toEqual(before.map((event) => event.id));
    const lastSeen = first.events.at(-1)?.id ?? '';
    first.socket.close();
    await first.closed;

    // More than one catch-up page is stored while disconnected, and more arrive during the resume.
    for (let i = 0; i < 2500; i += 1) record(`offline ${i}`);
    let live = 0;
    const recordLive = () => {
      if (live < 100) {
        live += 1;
        record(`during resume ${live}`);
      }
    };
    const ticker = setInterval(recordLive, 1);
    const {
      client: second,
      ready,
      gap,
    } = await connect(
      { token: TEST_ADMIN_KEY, types: ['presence.updated'], after: lastSeen },
      // Also store new events while the replayed ones are still arriving.
      recordLive,
    );
    expect(ready).toBe(true);
    expect(gap).toBeNull();
    await second.until(() => live === 100);
    clearInterval(ticker);
    const final = record('final');
    await second.until((events) => events.some((event) => event.id === final.id));

    const stored = app.core.services.events
      .since(lastSeen, 10_000)
      .filter((event) => event.type === 'presence.updated')
      .map((event) => event.id);
    expect(stored).toHaveLength(2500 + 100 + 1);
    expect(second.events.map((event) => event.id)).toEqual(stored);
    second.socket.close();
  });

  it('tells a client that has seen no event where it starts, so a reconnect misses nothing', async () => {
    const newest = record('before the client came');
    const { client: first, cursor } = await connect({ token: TEST_ADMIN_KEY, types: ['presence.updated'] });
    expect(cursor).toBe(newest.id);
    first.socket.close();
    await first.closed;

    // Published while the client was reconnecting: the resume from `cursor` still has it.
    const missed = record('while reconnecting');
    const { client: second, gap } = await connect({
      token: TEST_ADMIN_KEY,
      types: ['presence.updated'],
      after: cursor,
    });
    expect(gap).toBeNull();
    await second.until((events) => events.length === 1);
    expect(second.events.map((event) => event.id)).toEqual([missed.id]);
    second.socket.close();
  });

  it('hands out a position in time as the cursor while the log is empty', async () => {
    const empty = await startTestCore();
    try {
      const { client: first, cursor } = await connectEventStream(empty.url, { token: TEST_ADMIN_KEY });
      expect(cursor).toMatch(/^evt_[0-9a-f]{12}$/);
      first.socket.close();
      await first.closed;
      const published = empty.core.services.events.record('presence.updated', 'shop', {
        chat: 'x@s.whatsapp.net',
        jid: 'y@s.whatsapp.net',
        presence: 'paused',
      });
      const { client: second, gap } = await connectEventStream(empty.url, {
        token: TEST_ADMIN_KEY,
        after: cursor,
      });
      expect(gap).toBeNull();
      await second.until((events) => events.some((event) => event.id === published.id));
      second.socket.close();
    } finally {
      await empty.stop();
    }
  });

  it('says when a resume point is older than the event log keeps, then replays what it still has', async () => {
    const kept = record('still stored');
    // The id of an event seen eight days ago: events after it may have been pruned since.
    const eightDaysAgo = Date.now() - EVENT_RETENTION_MS - 24 * 60 * 60 * 1000;
    const stale = `${sortableIdFloor('evt', eightDaysAgo)}0000abcdef01`;
    const { client, ready, gap } = await connect({ token: TEST_ADMIN_KEY, after: stale });
    expect(ready).toBe(true);
    expect(gap).toMatchObject({ reason: 'expired', after: stale });
    const retainedSince = Date.parse(gap?.retainedSince ?? '');
    expect(retainedSince).toBeGreaterThan(eightDaysAgo);
    expect(retainedSince).toBeLessThan(Date.now());
    await client.until((events) => events.some((event) => event.id === kept.id));
    client.socket.close();
  });

  it('says when it never stored the event a client resumes after', async () => {
    const before = record('before the unknown id');
    // Recent, so never pruned, but not an event of this database (another Chatdock, say).
    const foreign = `${before.id}0`;
    const after = record('after the unknown id');
    const { client, gap } = await connect({
      token: TEST_ADMIN_KEY,
      types: ['presence.updated'],
      after: foreign,
    });
    expect(gap).toMatchObject({ reason: 'unknown', after: foreign });
    await client.until((events) => events.some((event) => event.id === after.id));
    expect(client.events.map((event) => event.id)).not.toContain(before.id);

    const known = await connect({ token: TEST_ADMIN_KEY, after: before.id });
    expect(known.gap).toBeNull();
    client.socket.close();
    known.client.socket.close();
  });

  it('filters by type and session', async () => {
    const { client } = await connect({
      token: TEST_ADMIN_KEY,
      types: ['presence.updated'],
      sessions: ['shop'],
    });
    record('other session', 'other');
    app.core.services.events.record('settings.updated', null, { lanAccess: false });
    const wanted = record('mine', 'shop');
    await client.until((events) => events.length > 0);
    expect(client.events.map((event) => event.id)).toEqual([wanted.id]);
    client.socket.close();
  });

  it('shows a session key only its own session, and refuses another session (4403)', async () => {
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'own' } });
    const created = await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'stranger' } });
    const { apiKey } = (await created.json()) as { apiKey: string };
    const refused = await connect({ token: apiKey, sessions: ['own'] });
    expect(refused.ready).toBe(false);
    expect(await refused.client.closed).toMatchObject({
      code: 4403,
      reason: expect.stringContaining('"own"'),
    });

    const { client } = await connect({ token: apiKey });
    record('for own', 'own');
    app.core.services.events.record('settings.updated', null, { lanAccess: false });
    const mine = record('for stranger', 'stranger');
    await client.until((events) => events.length > 0);
    expect(client.events.map((event) => event.id)).toEqual([mine.id]);
    client.socket.close();
  });

  it('needs the messages:read scope, and a revoked key is closed and then refused (4401)', async () => {
    const sender = await namedKey(['messages:send']);
    const noScope = await connect({ token: sender.key });
    expect(await noScope.client.closed).toMatchObject({ code: 4403 });

    const reader = await namedKey(['messages:read']);
    const { client, ready } = await connect({ token: reader.key });
    expect(ready).toBe(true);
    const revoke = await app.request(`/api/v1/keys/${reader.apiKey.id}`, { method: 'DELETE' });
    expect(revoke.status).toBe(200);
    expect(await client.closed).toMatchObject({ code: 4401, reason: 'the key was revoked' });
    const again = await connect({ token: reader.key });
    expect(again.ready).toBe(false);
    expect(await again.client.closed).toMatchObject({ code: 4401 });
  });

  it('closes the streams of a rotated or removed session key, and only those', async () => {
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'rotating' } });
    const created = await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'steady' } });
    const { apiKey: steadyKey } = (await created.json()) as { apiKey: string };
    const rotated = await app.request('/api/v1/sessions/rotating/key', { method: 'POST' });
    const { key: rotatingKey } = (await rotated.json()) as { key: string };

    const rotating = await connect({ token: rotatingKey });
    const steady = await connect({ token: steadyKey });
    const admin = await connect({ token: TEST_ADMIN_KEY, types: ['presence.updated'] });
    expect([rotating.ready, steady.ready, admin.ready]).toEqual([true, true, true]);

    const again = await app.request('/api/v1/sessions/rotating/key', { method: 'POST' });
    expect(again.status).toBe(200);
    const { key: newKey } = (await again.json()) as { key: string };
    expect(await rotating.client.closed).toEqual({ code: 4401, reason: 'the key was rotated' });

    // The others still hear events; the new key opens a stream.
    const later = record('after the rotation', 'steady');
    await steady.client.until((events) => events.some((event) => event.id === later.id));
    await admin.client.until((events) => events.some((event) => event.id === later.id));
    const renewed = await connect({ token: newKey });
    expect(renewed.ready).toBe(true);

    const removed = await app.request('/api/v1/sessions/rotating', {
      method: 'DELETE',
      json: { confirm: true },
    });
    expect(removed.status).toBeLessThan(300);
    expect(await renewed.client.closed).toEqual({ code: 4401, reason: "the key's session was removed" });
    const last = record('after the removal', 'steady');
    await steady.client.until((events) => events.some((event) => event.id === last.id));
    steady.client.socket.close();
    admin.client.socket.close();
  });

  it('closes the streams of the admin key when it is rotated', async () => {
    // Without CHATDOCK_API_KEY the admin key is Chatdock's own, and can be rotated.
    const own = await startTestCore({ CHATDOCK_API_KEY: '' });
    try {
      const adminKey = own.core.createdAdminKey ?? '';
      const reader = await own.request('/api/v1/keys', {
        method: 'POST',
        key: adminKey,
        json: { name: 'reader', scopes: ['messages:read'] },
      });
      const { key: readerKey } = (await reader.json()) as CreatedKey;
      const adminStream = await connectEventStream(own.url, { token: adminKey });
      const readerStream = await connectEventStream(own.url, { token: readerKey });
      expect([adminStream.ready, readerStream.ready]).toEqual([true, true]);

      const rotation = await own.request('/rpc/adminKey.rotate', {
        method: 'POST',
        key: adminKey,
        json: { confirm: true },
      });
      expect(rotation.status).toBe(200);
      expect(await adminStream.client.closed).toEqual({ code: 4401, reason: 'the key was rotated' });
      const event = own.core.services.events.record('settings.updated', null, { lanAccess: false });
      await readerStream.client.until((events) => events.some((received) => received.id === event.id));
      readerStream.client.socket.close();
    } finally {
      await own.stop();
    }
  });

  it('closes with 4400 naming a bad filter', async () => {
    const { client, ready } = await connect({ token: TEST_ADMIN_KEY, types: ['message.nope'] });
    expect(ready).toBe(false);
    expect(await client.closed).toMatchObject({ code: 4400, reason: expect.stringContaining('types.0') });
  });

  it('answers a plain HTTP GET with 426 and documents the protocol', async () => {
    const response = await app.request('/api/v1/events');
    expect(response.status).toBe(426);
    const document = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get?: { description?: string } }>;
    };
    expect(document.paths['/api/v1/events']?.get?.description).toContain('"after"');
  });
});
