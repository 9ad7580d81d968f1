import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedKey } from '../../../src-shared/contract/keys.js';
import type { TagHistoryEntry } from '../../../src-shared/contract/organize.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const CHAT = '972501234567@s.whatsapp.net';
const DAY = 24 * 60 * 60 * 1000;
/** Three days of changes: noon of Dec 1, 2 and 3 2026 (UTC). */
const DEC_1 = Date.UTC(2026, 11, 1, 12);

type History = { items: TagHistoryEntry[]; next: number | null };

/**
 * Issue #26 point 10 (seed 001's tagging event lists): the tag history of a chat read by time
 * (`since`, `before` as a time besides the page cursor) and by who did it (`actor`), over REST
 * on a real core. Taggings need no WhatsApp connection: the chat row is stored directly.
 */
describe('tag history queries', () => {
  let app: TestCore;
  let crmKey: string;

  const history = async (query: string) => {
    const response = await app.request(`/api/v1/sessions/shop/chats/${CHAT}/tags/history?${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as History;
  };

  beforeAll(async () => {
    app = await startTestCore();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } });
    app.core.db.$client
      .prepare(
        `INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES ('shop', ?, 'user', 'Dana', 1)`,
      )
      .run(CHAT);
    const created = await app.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'crm', scopes: ['messages:send', 'messages:read'] },
    });
    crmKey = ((await created.json()) as CreatedKey).key;
    const tag = (await (
      await app.request('/api/v1/tags', { method: 'POST', json: { name: 'Lead', color: '#1a7f5a' } })
    ).json()) as {
      id: string;
    };
    // Day 1: the admin key adds; day 2: the CRM removes; day 3: the CRM adds again.
    const path = `/api/v1/sessions/shop/chats/${CHAT}/tags/${tag.id}`;
    expect((await app.request(path, { method: 'PUT' })).status).toBe(200);
    expect((await app.request(path, { method: 'DELETE', key: crmKey })).status).toBe(200);
    expect((await app.request(path, { method: 'PUT', key: crmKey })).status).toBe(200);
    const ids = (
      app.core.db.$client.prepare('SELECT id FROM tag_history ORDER BY id').all() as { id: number }[]
    ).map((row) => row.id);
    ids.forEach((id, day) =>
      app.core.db.$client.prepare('UPDATE tag_history SET at = ? WHERE id = ?').run(DEC_1 + day * DAY, id),
    );
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('without filters: every change, newest first, with who did it', async () => {
    const all = await history('');
    expect(all.items.map((entry) => entry.action)).toEqual(['added', 'removed', 'added']);
    expect(all.items[0]!.actor).toBe(all.items[1]!.actor);
    expect(all.items[2]!.actor).not.toBe(all.items[0]!.actor);
  });

  it('since and before bound the time, in ISO-8601 or (since) unix seconds', async () => {
    const fromDay2 = await history(`since=${encodeURIComponent('2026-12-02T00:00:00Z')}`);
    expect(fromDay2.items.map((entry) => entry.at)).toEqual([
      '2026-12-03T12:00:00.000Z',
      '2026-12-02T12:00:00.000Z',
    ]);
    const bySeconds = await history(`since=${(DEC_1 + DAY) / 1000}`);
    expect(bySeconds.items.map((entry) => entry.at)).toEqual([
      '2026-12-03T12:00:00.000Z',
      '2026-12-02T12:00:00.000Z',
    ]);
    const beforeDay3 = await history(`before=${encodeURIComponent('2026-12-03T00:00:00+02:00')}`);
    expect(beforeDay3.items.map((entry) => entry.at)).toEqual([
      '2026-12-02T12:00:00.000Z',
      '2026-12-01T12:00:00.000Z',
    ]);
    const window = await history(`since=2026-12-02T00:00:00Z&before=2026-12-03T00:00:00Z`);
    expect(window.items.map((entry) => entry.action)).toEqual(['removed']);
  });

  it('actor keeps the changes of one actor; the page cursor still pages', async () => {
    const all = await history('');
    const crm = all.items[0]!.actor;
    const byCrm = await history(`actor=${encodeURIComponent(crm)}`);
    expect(byCrm.items.map((entry) => entry.action)).toEqual(['added', 'removed']);
    expect(byCrm.items.every((entry) => entry.actor === crm)).toBe(true);
    expect((await history('actor=nobody')).items).toEqual([]);

    const first = await history('limit=1');
    expect(first.next).toBe(all.items[0]!.id);
    const second = await history(`limit=1&before=${first.next}`);
    expect(second.items.map((entry) => entry.id)).toEqual([all.items[1]!.id]);
  });

  it('a time that is neither is a 400 naming the field', async () => {
    for (const [query, field] of [
      ['since=yesterday', 'since'],
      ['before=2026-13-45', 'before'],
      ['actor=', 'actor'],
    ]) {
      const response = await app.request(`/api/v1/sessions/shop/chats/${CHAT}/tags/history?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
    }
  });
});
