import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserWithCode } from '../../../src-shared/contract/people.js';
import type { LiveBoard, ReportOverview } from '../../../src-shared/contract/reports.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { personGrant } from '../../../testkit/support/grants.js';

const PASSWORD = 'correct horse 1';
const ANSWERED = '972500000011@s.whatsapp.net';
const WAITING = '972500000012@s.whatsapp.net';
const MIN = 60_000;

/**
 * Reports over REST (issue #24): the figures of stored messages and assignment history, what an
 * agent sees (their own conversations), refusals naming the field, CSV and the live board.
 */
describe('reports over REST', () => {
  let app: TestCore;
  const ids: Record<string, string> = {};
  const cookies: Record<string, { cookie: string; csrf: string }> = {};
  const now = Date.now();
  // Two days, so a run just after midnight UTC still holds every message.
  const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
  const period = `from=${day(-1)}&to=${day(0)}&timeZone=UTC`;

  function as(name: string, path: string) {
    const browser = cookies[name]!;
    return app.request(path, {
      key: null,
      headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrf },
    });
  }

  async function createUser(name: string, role: 'admin' | 'agent') {
    const response = await app.request('/api/v1/users', {
      method: 'POST',
      json: { name, login: name.toLowerCase(), role, password: PASSWORD },
    });
    ids[name] = ((await response.json()) as UserWithCode).user.id;
    const signIn = await app.request('/api/v1/auth/signin', {
      method: 'POST',
      key: null,
      json: { login: name.toLowerCase(), password: PASSWORD },
    });
    cookies[name] = {
      cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: ((await signIn.json()) as { csrfToken: string }).csrfToken,
    };
  }

  beforeAll(async () => {
    app = await startTestCore();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop', name: 'Shop' } });
    await app.request('/api/v1/users', {
      method: 'POST',
      json: { name: 'Olive', login: 'olive', role: 'owner', password: PASSWORD },
    });
    await createUser('Dana', 'agent');
    await createUser('Omer', 'agent');
    const grant = (id: string) => personGrant(id);
    await app.request('/api/v1/sessions/shop/permissions', {
      method: 'PUT',
      json: { grants: [grant(ids.Dana!), grant(ids.Omer!)] },
    });
    // The stored history: a customer Dana answered after 5 minutes, and one nobody answered yet.
    const sqlite = app.core.db.$client;
    const chat = sqlite.prepare(
      `INSERT INTO chats (session_id, jid, kind, last_message_at, last_message_from_me) VALUES ('shop', ?, 'user', ?, ?)`,
    );
    chat.run(ANSWERED, now - 15 * MIN, 1);
    chat.run(WAITING, now - 5 * MIN, 0);
    const message = sqlite.prepare(
      `INSERT INTO messages (session_id, chat_jid, id, from_me, type, text, status, timestamp, sent_by)
       VALUES ('shop', ?, ?, ?, 'text', 'hi', 'delivered', ?, ?)`,
    );
    message.run(ANSWERED, 'in-1', 0, now - 20 * MIN, null);
    message.run(
      ANSWERED,
      'out-1',
      1,
      now - 15 * MIN,
      JSON.stringify({ type: 'user', id: ids.Dana, name: 'Dana' }),
    );
    message.run(WAITING, 'in-2', 0, now - 5 * MIN, null);
    const chatPath = `/api/v1/sessions/shop/chats/${encodeURIComponent(ANSWERED)}`;
    expect(
      (await app.request(`${chatPath}/assignee`, { method: 'PUT', json: { user: ids.Dana } })).status,
    ).toBe(200);
    expect(
      (await app.request(`${chatPath}/status`, { method: 'PUT', json: { status: 'resolved' } })).status,
    ).toBe(200);
  });
  afterAll(() => app.stop());

  it('gives the figures of the period to the admin key', async () => {
    const response = await app.request(`/api/v1/reports/overview?${period}`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as ReportOverview;
    expect(report.scope).toBe('all');
    expect(report.summary).toMatchObject({
      conversationsOpened: 2,
      conversationsResolved: 1,
      messagesReceived: 2,
      messagesSent: { person: 1, campaign: 0 },
      firstResponse: { count: 1, medianMs: 5 * MIN },
      unanswered: 1,
      waitingNow: 1,
      oldestWaitingSince: new Date(now - 5 * MIN).toISOString(),
    });
    expect(report.people).toEqual([
      expect.objectContaining({ id: ids.Dana, name: 'Dana', conversations: 1, resolved: 1, replies: 1 }),
    ]);
    expect(report.numbers).toEqual([expect.objectContaining({ id: 'shop', name: 'Shop', conversations: 2 })]);
    expect(report.trend.reduce((sum, point) => sum + point.received, 0)).toBe(2);
  });

  it('shows an agent only the conversations assigned to them', async () => {
    const dana = (await (await as('Dana', `/api/v1/reports/overview?${period}`)).json()) as ReportOverview;
    expect(dana.scope).toBe('own');
    expect(dana.summary).toMatchObject({ conversationsOpened: 1, conversationsResolved: 1, unanswered: 0 });
    // Someone asking for another person's figures still gets their own.
    const omer = (await (
      await as('Omer', `/api/v1/reports/overview?${period}&user=${ids.Dana}`)
    ).json()) as ReportOverview;
    expect(omer.summary).toMatchObject({ conversationsOpened: 0, messagesReceived: 0, waitingNow: 0 });
    // The campaigns and the live board are for owners and admins.
    expect((await as('Dana', '/api/v1/reports/live')).status).toBe(403);
  });

  it('refuses a bad period naming the field', async () => {
    const backwards = await app.request(`/api/v1/reports/overview?from=${day(0)}&to=${day(-1)}`);
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'to' } });
    const long = await app.request('/api/v1/reports/overview?from=2025-01-01&to=2026-06-30');
    expect(await long.json()).toMatchObject({ error: { field: 'to' } });
    const zone = await app.request(`/api/v1/reports/overview?${period.replace('UTC', 'Moon%2FBase')}`);
    expect(await zone.json()).toMatchObject({ error: { field: 'timeZone' } });
    const number = await app.request(`/api/v1/reports/overview?${period}&session=nope`);
    expect(number.status).toBe(404);
  });

  it('exports a table as CSV', async () => {
    const response = await app.request(`/api/v1/reports/people/csv?${period}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheets read UTF-8 by
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      'id,name,conversations,resolved,received,replies,first_response_median_s,resolution_median_s',
    );
    // The customer wrote before the chat was Dana's: received counts for whoever had it then.
    expect(text).toContain(`${ids.Dana},Dana,1,1,0,1,300,`);
    const hours = await (await app.request(`/api/v1/reports/hours/csv?${period}`)).text();
    expect(hours.split('\r\n')).toHaveLength(9); // header, 7 weekdays, the final line break
  });

  it('shows the live board: who has what, and what waits', async () => {
    const board = (await (await app.request('/api/v1/reports/live')).json()) as LiveBoard;
    expect(board.unassigned).toEqual({ open: 1, waiting: 1 });
    expect(board.people.find((person) => person.id === ids.Dana)).toMatchObject({
      openChats: 0,
      available: true,
    });
  });
});
