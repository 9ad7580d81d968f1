import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CreatedKey } from '../../../src-shared/contract/keys.js';
import type { AuditList, Me, User, UserWithCode } from '../../../src-shared/contract/people.js';
import type { Chat } from '../../../src-shared/messages.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

/** A browser signed in as one person: its cookie and CSRF token. */
interface Browser {
  cookie: string;
  csrf: string;
}

const PASSWORD = 'correct horse 1';

/**
 * Staff accounts over REST (issue #15): every route as owner, admin, agent-with-read,
 * agent-with-write, agent-with-nothing, a session key and a scoped key, and the edge cases.
 */
describe('people: roles, permissions per number, sign-in', () => {
  let app: TestCore;
  let sessionKey: string;
  let readerKey: string;
  const ids: Record<string, string> = {};
  const browsers: Record<string, Browser> = {};

  async function signIn(login: string, password = PASSWORD): Promise<Response> {
    return app.request('/api/v1/auth/signin', { method: 'POST', key: null, json: { login, password } });
  }

  async function browserOf(login: string, password = PASSWORD): Promise<Browser> {
    const response = await signIn(login, password);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const body = (await response.json()) as { csrfToken: string };
    return { cookie: setCookie.split(';')[0] ?? '', csrf: body.csrfToken };
  }

  /** A request as a signed-in browser (with its CSRF token unless `csrf: false`). */
  function as(browser: Browser, path: string, init: RequestInit & { json?: unknown; csrf?: boolean } = {}) {
    const { csrf = true, headers, ...rest } = init;
    const all = new Headers(headers);
    all.set('cookie', browser.cookie);
    if (csrf) all.set('x-csrf-token', browser.csrf);
    return app.request(path, { ...rest, key: null, headers: all });
  }

  async function createUser(name: string, role: User['role'], password: string | null = PASSWORD) {
    const response = await app.request('/api/v1/users', {
      method: 'POST',
      json: { name, login: name.toLowerCase(), role, ...(password ? { password } : {}) },
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as UserWithCode;
    ids[name] = created.user.id;
    return created;
  }

  beforeAll(async () => {
    app = await startTestCore();
    for (const id of ['a', 'b']) {
      const session = await app.request('/api/v1/sessions', { method: 'POST', json: { id } });
      if (id === 'a') sessionKey = ((await session.json()) as { apiKey: string }).apiKey;
    }
    const reader = await app.request('/api/v1/keys', {
      method: 'POST',
      json: { name: 'reader', scopes: ['messages:read'] },
    });
    readerKey = ((await reader.json()) as CreatedKey).key;
    // One chat on each number.
    for (const session of ['a', 'b']) {
      app.core.db.$client
        .prepare(
          `INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES (?, ?, 'user', ?, 1)`,
        )
        .run(session, `${session}1@s.whatsapp.net`, `Customer of ${session}`);
    }
    await createUser('Olive', 'owner');
    await createUser('Adam', 'admin');
    await createUser('Rita', 'agent');
    await createUser('Walt', 'agent');
    await createUser('Nora', 'agent');
    const grants = await app.request('/api/v1/sessions/a/permissions', {
      method: 'PUT',
      json: {
        grants: [
          {
            subject: { type: 'user', id: ids.Rita },
            read: 'all',
            write: false,
            canUseTags: false,
            canManageSavedReplies: false,
          },
          {
            subject: { type: 'user', id: ids.Walt },
            read: 'all',
            write: true,
            canUseTags: true,
            canManageSavedReplies: false,
          },
        ],
      },
    });
    expect(grants.status).toBe(200);
    for (const name of ['Olive', 'Adam', 'Rita', 'Walt', 'Nora'])
      browsers[name] = await browserOf(name.toLowerCase());
  });
  afterAll(() => app.stop());

  it('lists people and teams for owners, admins and the admin key only', async () => {
    expect((await as(browsers.Olive!, '/api/v1/users')).status).toBe(200);
    expect((await as(browsers.Adam!, '/api/v1/users')).status).toBe(200);
    expect((await app.request('/api/v1/users')).status).toBe(200);
    for (const name of ['Rita', 'Walt', 'Nora']) {
      expect((await as(browsers[name]!, '/api/v1/users')).status).toBe(403);
      expect((await as(browsers[name]!, '/api/v1/teams')).status).toBe(403);
      expect((await as(browsers[name]!, '/api/v1/audit')).status).toBe(403);
      expect((await as(browsers[name]!, '/api/v1/keys')).status).toBe(403);
      // Webhooks are per person (issue #26 point 12): an agent lists only her own, none here.
      const webhooks = await as(browsers[name]!, '/api/v1/webhooks');
      expect(webhooks.status).toBe(200);
      expect(((await webhooks.json()) as { items: unknown[] }).items).toEqual([]);
    }
    for (const key of [sessionKey, readerKey]) {
      expect((await app.request('/api/v1/users', { key })).status).toBe(403);
      expect((await app.request('/api/v1/sessions/a/permissions', { key })).status).toBe(403);
      // A key is no person: it has no profile of its own to change.
      expect((await app.request('/api/v1/auth/tokens', { key })).status).toBe(403);
    }
  });

  it('shows each agent only the numbers and chats they may read', async () => {
    const sessionsOf = async (name: string) =>
      (
        (await (await as(browsers[name]!, '/api/v1/sessions')).json()) as { items: { id: string }[] }
      ).items.map((session) => session.id);
    expect(await sessionsOf('Rita')).toEqual(['a']);
    expect(await sessionsOf('Nora')).toEqual([]);
    expect((await sessionsOf('Adam')).sort()).toEqual(['a', 'b']);
    const chatsOf = async (name: string) => {
      const body = (await (await as(browsers[name]!, '/api/v1/chats')).json()) as { items: Chat[] };
      if (!body.items) throw new Error(JSON.stringify(body));
      return body.items.map((chat) => chat.session);
    };
    expect(await chatsOf('Rita')).toEqual(['a']);
    expect(await chatsOf('Nora')).toEqual([]);
    expect((await chatsOf('Olive')).sort()).toEqual(['a', 'b']);
    // A guessed address of the other number's chat is refused, not shown.
    expect((await as(browsers.Rita!, '/api/v1/sessions/b/chats/b1@s.whatsapp.net')).status).toBe(403);
    expect((await as(browsers.Nora!, '/api/v1/sessions/a/chats')).status).toBe(403);
    expect((await as(browsers.Rita!, '/api/v1/sessions/a/chats')).status).toBe(200);
  });

  it('lets only agents with write send on a number', async () => {
    const send = (name: string) =>
      as(browsers[name]!, '/api/v1/sessions/a/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'text', to: '972501234567', text: 'hi' }),
      });
    expect((await send('Rita')).status).toBe(403);
    expect((await send('Nora')).status).toBe(403);
    // Allowed through the gate; the number is not linked, so WhatsApp refuses (not a 403).
    expect((await send('Walt')).status).not.toBe(403);
    expect((await send('Adam')).status).not.toBe(403);
  });

  it('refuses a state change from the cookie without its CSRF token', async () => {
    const response = await as(browsers.Olive!, '/api/v1/teams', {
      method: 'POST',
      csrf: false,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sneaky' }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/CSRF/);
    const listed = (await (await app.request('/api/v1/teams')).json()) as { items: { name: string }[] };
    expect(listed.items.map((team) => team.name)).not.toContain('Sneaky');
  });

  it('refuses a duplicate sign-in name whatever its case, naming the field', async () => {
    const response = await app.request('/api/v1/users', {
      method: 'POST',
      json: { name: 'Another Rita', login: 'RITA', role: 'agent', password: PASSWORD },
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('login');
  });

  it('keeps the last owner: no demotion, disabling or deletion', async () => {
    expect(
      (
        await as(browsers.Olive!, `/api/v1/users/${ids.Olive}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ role: 'admin' }),
        })
      ).status,
    ).toBe(409);
    expect(
      (await app.request(`/api/v1/users/${ids.Olive}`, { method: 'PATCH', json: { disabled: true } })).status,
    ).toBe(409);
    expect(
      (await app.request(`/api/v1/users/${ids.Olive}`, { method: 'DELETE', json: { confirm: true } })).status,
    ).toBe(409);
    // An admin may not touch an owner at all.
    expect(
      (
        await as(browsers.Adam!, `/api/v1/users/${ids.Olive}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ disabled: true }),
        })
      ).status,
    ).toBe(403);
    const me = (await (await as(browsers.Olive!, '/api/v1/users/me')).json()) as Me;
    expect(me.role).toBe('owner');
  });

  it('applies a permission change to an open browser without signing in again', async () => {
    const before = await as(browsers.Nora!, '/api/v1/sessions/b/chats');
    expect(before.status).toBe(403);
    const put = await app.request('/api/v1/sessions/b/permissions', {
      method: 'PUT',
      json: {
        grants: [
          {
            subject: { type: 'user', id: ids.Nora },
            read: 'all',
            write: false,
            canUseTags: false,
            canManageSavedReplies: false,
          },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect((await as(browsers.Nora!, '/api/v1/sessions/b/chats')).status).toBe(200);
    // "Assigned only": the number's list answers, with only the chats assigned to her (none here).
    await app.request('/api/v1/sessions/b/permissions', {
      method: 'PUT',
      json: {
        grants: [
          {
            subject: { type: 'user', id: ids.Nora },
            read: 'assigned',
            write: false,
            canUseTags: false,
            canManageSavedReplies: false,
          },
        ],
      },
    });
    const assignedOnly = await as(browsers.Nora!, '/api/v1/sessions/b/chats');
    expect(assignedOnly.status).toBe(200);
    expect(((await assignedOnly.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('drops a deleted team from every permission that named it', async () => {
    const team = await app.request('/api/v1/teams', {
      method: 'POST',
      json: { name: 'Sales', members: [ids.Nora] },
    });
    const teamId = ((await team.json()) as { id: string }).id;
    await app.request('/api/v1/sessions/b/permissions', {
      method: 'PUT',
      json: {
        grants: [
          {
            subject: { type: 'team', id: teamId },
            read: 'all',
            write: true,
            canUseTags: false,
            canManageSavedReplies: false,
          },
        ],
      },
    });
    expect((await as(browsers.Nora!, '/api/v1/sessions/b/chats')).status).toBe(200);
    expect((await app.request(`/api/v1/teams/${teamId}`, { method: 'DELETE' })).status).toBe(200);
    const grants = (await (await app.request('/api/v1/sessions/b/permissions')).json()) as {
      grants: unknown[];
    };
    expect(grants.grants).toEqual([]);
    expect((await as(browsers.Nora!, '/api/v1/sessions/b/chats')).status).toBe(403);
    // A grant naming a team that does not exist is refused, naming the field.
    const bad = await app.request('/api/v1/sessions/b/permissions', {
      method: 'PUT',
      json: {
        grants: [
          {
            subject: { type: 'team', id: teamId },
            read: 'all',
            write: false,
            canUseTags: false,
            canManageSavedReplies: false,
          },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('grants.0.subject.id');
  });

  it('streams an agent only the events of the numbers they may read, over the cookie', async () => {
    const socket = new WebSocket(app.url.replace('http', 'ws') + '/api/v1/events', {
      headers: { cookie: browsers.Rita!.cookie },
    });
    const received: { type: string; session: string | null }[] = [];
    const ready = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { type: string; session: string | null };
        if (message.type === 'ready') resolve();
        else received.push(message);
      }),
    );
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({}));
    await ready;
    const chat = (session: string) => ({ session, jid: `${session}1@s.whatsapp.net` }) as unknown as Chat;
    app.core.services.events.record('chat.updated', 'b', chat('b'));
    app.core.services.events.record('chat.updated', 'a', chat('a'));
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({ type: 'chat.updated', session: 'a' });
    // Disabled: the stream closes with 4401 at once and the cookie stops working.
    expect(
      (await app.request(`/api/v1/users/${ids.Rita}`, { method: 'PATCH', json: { disabled: true } })).status,
    ).toBe(200);
    expect(await closed).toBe(4401);
    expect((await as(browsers.Rita!, '/api/v1/chats')).status).toBe(401);
    expect((await signIn('rita')).status).toBe(401);
  });

  it('signs out other browsers when the password changes elsewhere', async () => {
    const second = await browserOf('walt');
    const changed = await as(browsers.Walt!, '/api/v1/users/me/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'a brand new one' }),
    });
    expect(changed.status).toBe(200);
    expect((await as(second, '/api/v1/chats')).status).toBe(401);
    expect((await as(browsers.Walt!, '/api/v1/chats')).status).toBe(200);
    const wrong = await as(browsers.Walt!, '/api/v1/users/me/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'nope nope', newPassword: 'another new one' }),
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe('currentPassword');
  });

  it('issues personal tokens that act as the person, narrowed to their scopes', async () => {
    const created = await as(browsers.Walt!, '/api/v1/auth/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'report script', scopes: ['messages:read'] }),
    });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const chats = (await (await app.request('/api/v1/chats', { key })).json()) as { items: Chat[] };
    expect(chats.items.map((chat) => chat.session)).toEqual(['a']);
    expect((await app.request('/api/v1/sessions/b/chats', { key })).status).toBe(403);
    const send = await app.request('/api/v1/sessions/a/messages', {
      method: 'POST',
      key,
      json: { type: 'text', to: '972501234567', text: 'hi' },
    });
    expect(send.status).toBe(403);
    // The exchange for scripts: name + password give a short-lived token.
    const exchanged = await app.request('/api/v1/auth/token', {
      method: 'POST',
      key: null,
      json: { login: 'adam', password: PASSWORD },
    });
    expect(exchanged.status).toBe(201);
    const short = (await exchanged.json()) as { key: string; expiresAt: string };
    expect(Date.parse(short.expiresAt)).toBeGreaterThan(Date.now());
    expect((await app.request('/api/v1/users', { key: short.key })).status).toBe(200);
  });

  it('rate-limits wrong passwords per account and says when to try again', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await signIn('adam', 'wrong password')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await signIn('adam', PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(
      /try again in \d+ s/,
    );
  });

  it('invites with a one-time code the person turns into a password', async () => {
    const invited = await createUser('Ivy', 'agent', null);
    expect(invited.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(invited.user.hasPassword).toBe(false);
    const wrong = await app.request('/api/v1/auth/accept-code', {
      method: 'POST',
      key: null,
      json: { login: 'ivy', code: 'AAAA-BBBB-CCCC', newPassword: 'ivy password 1' },
    });
    expect(wrong.status).toBe(400);
    const accepted = await app.request('/api/v1/auth/accept-code', {
      method: 'POST',
      key: null,
      json: { login: 'IVY', code: invited.code?.toLowerCase(), newPassword: 'ivy password 1' },
    });
    expect(accepted.status).toBe(200);
    expect((await signIn('ivy', 'ivy password 1')).status).toBe(200);
  });

  it('keeps an audit log of sign-ins, failures and role changes, exportable as CSV', async () => {
    const page = (await (await app.request('/api/v1/audit?action=auth.')).json()) as AuditList;
    const actions = new Set(page.items.map((entry) => entry.action));
    expect(actions).toEqual(new Set(['auth.signin', 'auth.signin_failed']));
    const csv = await app.request('/api/v1/audit/export?action=user.disabled');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('time,actor_type,actor_id,actor,action,target,detail,address');
    expect(text).toContain(`user.disabled,user:${ids.Rita}`);
    // Keys and numbers are audited by the gate, whichever way they were changed.
    const keys = (await (await app.request('/api/v1/audit?action=key.created')).json()) as AuditList;
    expect(keys.items[0]).toMatchObject({
      action: 'key.created',
      actor: { type: 'key', name: 'API: admin key' },
    });
    const numbers = (await (await app.request('/api/v1/audit?action=session.')).json()) as AuditList;
    expect(numbers.items.map((entry) => entry.action)).toEqual(['session.created', 'session.created']);
  });

  it("tells an agent's open stream when their own rights change, and nothing about others", async () => {
    await createUser('Gina', 'agent');
    const gina = await browserOf('gina');
    const socket = new WebSocket(app.url.replace('http', 'ws') + '/api/v1/events', {
      headers: { cookie: gina.cookie },
    });
    const received: { type: string; session: string | null; data: { id?: string } }[] = [];
    const ready = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as (typeof received)[number];
        if (message.type === 'ready') resolve();
        else received.push(message);
      }),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({}));
    await ready;
    // Someone else's record changing is not hers to see.
    await app.request(`/api/v1/users/${ids.Walt}`, { method: 'PATCH', json: { name: 'Walter' } });
    // Her rights were read (and cached) before the change: the event must not be judged by them.
    expect((await as(gina, '/api/v1/sessions/b/chats')).status).toBe(403);
    // Given read on number b: the change reaches her stream (her window refreshes what she may do).
    const put = await app.request('/api/v1/sessions/b/permissions', {
      method: 'PUT',
      json: {
        grants: [
          {
            subject: { type: 'user', id: ids.Gina },
            read: 'all',
            write: false,
            canUseTags: true,
            canManageSavedReplies: false,
          },
        ],
      },
    });
    expect(put.status).toBe(200);
    await app.request(`/api/v1/users/${ids.Gina}`, { method: 'PATCH', json: { name: 'Gina B.' } });
    await expect
      .poll(() => received.map((event) => event.type))
      .toEqual(['permissions.updated', 'user.updated']);
    expect(received[0]).toMatchObject({ session: 'b' });
    expect(received[1]?.data.id).toBe(ids.Gina);
    socket.close();
  });

  it('signs a browser out and ends its cookie', async () => {
    const browser = await browserOf('olive');
    const out = await as(browser, '/api/v1/auth/signout', { method: 'POST' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await as(browser, '/api/v1/users/me')).status).toBe(401);
  });
});

describe('first run: the owner account', () => {
  let app: TestCore;
  beforeAll(async () => {
    app = await startTestCore();
  });
  afterAll(() => app.stop());

  it('asks for the setup code (or the admin key) until the owner exists', async () => {
    const code = app.core.services.people.firstRun.prepare();
    expect(code).toBeTruthy();
    const status = async () =>
      ((await (await app.request('/api/v1/auth/status', { key: null })).json()) as { setupNeeded: boolean })
        .setupNeeded;
    expect(await status()).toBe(true);
    const owner = { name: 'Noa Cohen', login: 'noa', password: 'noa password 1' };
    const wrong = await app.request('/api/v1/auth/setup', {
      method: 'POST',
      key: null,
      json: { ...owner, setupCode: 'nope' },
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe('setupCode');
    const made = await app.request('/api/v1/auth/setup', {
      method: 'POST',
      key: null,
      json: { ...owner, setupCode: code },
    });
    expect(made.status).toBe(201);
    expect(made.headers.get('set-cookie')).toMatch(/chatdock_session=cds_/);
    expect(await status()).toBe(false);
    const again = await app.request('/api/v1/auth/setup', {
      method: 'POST',
      key: null,
      json: { ...owner, setupCode: code },
    });
    expect(again.status).toBe(409);
  });
});
