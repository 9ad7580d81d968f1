/**
 * Who may turn a tag's WhatsApp label sync on (issue #19): the one authorizer decides, as for
 * every tag change — tag management on that number (owners, admins, an agent with the tags
 * right); a reader, an agent without rights, the number's session key and a read-only key are
 * refused before anything happens. Number `a` is not connected: an allowed caller reaches the
 * service and is told so (409 NOT_CONNECTED naming `session`), with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tag } from '../../../../src-shared/contract/organize.js';
import { startTestCore, type TestCore } from '../../../../testkit/support/test-core.js';
import {
  makeCallers,
  PRINCIPALS,
  type Caller,
  type PrincipalName,
} from '../../../../testkit/roles/route-roles.js';

let app: TestCore;
let callers: Record<PrincipalName, Caller>;
let tag: Tag;

beforeAll(async () => {
  app = await startTestCore();
  callers = await makeCallers(app);
  const created = await app.request('/api/v1/tags', {
    method: 'POST',
    json: { name: 'Paid', color: '#55ccb3' },
  });
  tag = (await created.json()) as Tag;
});

afterAll(async () => {
  await app?.stop();
});

const ALLOWED: readonly PrincipalName[] = ['owner', 'admin', 'agentWrite'];

describe('label sync access', () => {
  for (const principal of PRINCIPALS) {
    it(`${principal} ${ALLOWED.includes(principal) ? 'may' : 'may not'} turn sync on for number a`, async () => {
      const response = await app.request(`/api/v1/tags/${tag.id}/labels/a`, {
        method: 'PUT',
        headers: callers[principal].headers(true),
        key: null,
        json: { enabled: true },
      });
      const body = (await response.json()) as { error?: { code: string; field?: string } };
      if (ALLOWED.includes(principal)) {
        expect(response.status).toBe(409);
        expect(body.error).toMatchObject({ code: 'NOT_CONNECTED', field: 'session' });
      } else {
        expect(response.status).toBe(403);
      }
      const sync = await app.request(`/api/v1/tags/${tag.id}/labels`);
      expect(((await sync.json()) as { labels: unknown[] }).labels).toEqual([]);
    });
  }

  it('bad input names the field; unknown tags and numbers are 404', async () => {
    const bad = await app.request(`/api/v1/tags/${tag.id}/labels/a`, {
      method: 'PUT',
      json: { enabled: 'yes' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: 'enabled' } });
    const extra = await app.request(`/api/v1/tags/${tag.id}/labels/a`, {
      method: 'PUT',
      json: { enabled: true, labelId: '9' },
    });
    expect(extra.status).toBe(400);
    expect(
      (await app.request('/api/v1/tags/tag_nope/labels/a', { method: 'PUT', json: { enabled: true } }))
        .status,
    ).toBe(404);
    expect(
      (
        await app.request(`/api/v1/tags/${tag.id}/labels/nowhere`, {
          method: 'PUT',
          json: { enabled: false },
        })
      ).status,
    ).toBe(404);
    expect((await app.request('/api/v1/tags/tag_nope/labels')).status).toBe(404);
  });
});
