import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentHistoryEntry, ChatAssignment } from '../../../src-shared/contract/assignment.js';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import type { UserWithCode } from '../../../src-shared/contract/people.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

const PASSWORD = 'correct horse 1';
const CHAT = '972500000001@s.whatsapp.net';
const OTHER = '972500000002@s.whatsapp.net';

/**
 * Assignment over REST (issue #16): assign, take (compare-and-set), resolve, snooze, handoff,
 * history and events; refusals naming the field; "read: assigned" reaching only one's chats.
 */
describe('assignment over REST', () => {
  let app: TestCore;
  const ids: Record<string, string> = {};
  const cookies: Record<string, { cookie: string; csrf: string }> = {};
  let supportTeam = '';
  const events: AnyEventEnvelope[] = [];

  function as(name: string, path: string, init: RequestInit & { json?: unknown } = {}) {
    const browser = cookies[name]!;
    const headers = new Headers(init.headers);
    headers.set('cookie', browser.cookie);
    headers.set('x-csrf-token', browser.csrf);
    return app.request(path, { ...init, key: null, headers });
  }

  async function createUser(name: string, role: 'admin' | 'agent') {
    const response = await app.request('/api/v1/users', {
      method: 'POST',
      json: { name, login: name.toLowerCase(), role, password: PASSWORD },
    });
    expect(response.status).toBe(201);
    ids[name] = ((await response.json()) as UserWithCode).user.id;
    const signIn = await app.request('/api/v1/auth/signin', {
      method: 'POST',
      key: null,
      json: { login: name.toLowerCase(), password: PASSWORD },
    });
    expect(signIn.status).toBe(200);
    cookies[name] = {
      cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: ((await signIn.json()) as { csrfToken: string }).csrfToken,
    };
  }

  const chatPath = (jid: string, what: string) =>
    `/api/v1/sessions/shop/chats/${encodeURIComponent(jid)}/${what}`;

  beforeAll(async () => {
    app = await startTestCore();
    expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'shop' } })).status).toBe(
      201,
    );
    const insert = app.core.db.$client.prepare(
      `INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES ('shop', ?, 'user', ?, 1)`,
    );
    insert.run(CHAT, 'Noa');
    insert.run(OTHER, 'Eli');
    // Disabling anyone needs an enabled owner to remain.
    await app.request('/api/v1/users', {
      method: 'POST',
      json: { name: 'Olive', login: 'olive', role: 'owner', password: PASSWORD },
    });
    await createUser('Dana', 'agent');
    await createUser('Omer', 'agent');
    await createUser('Rina', 'agent');
    await createUser('Gone', 'agent');
    const team = await app.request('/api/v1/teams', {
      method: 'POST',
      json: { name: 'Support', members: [ids.Rina] },
    });
    supportTeam = ((await team.json()) as { id: string }).id;
    const grant = (id: string, read: string) => ({
      subject: { type: 'user', id },
      read,
      write: true,
      canUseTags: false,
      canManageSavedReplies: false,
    });
    const grants = await app.request('/api/v1/sessions/shop/permissions', {
      method: 'PUT',
      json: {
        grants: [
          grant(ids.Dana!, 'all'),
          grant(ids.Omer!, 'all'),
          grant(ids.Rina!, 'assigned'),
          grant(ids.Gone!, 'all'),
        ],
      },
    });
    expect(grants.status).toBe(200);
    const disable = await app.request(`/api/v1/users/${ids.Gone}`, {
      method: 'PATCH',
      json: { disabled: true },
    });
    expect(await disable.json()).toMatchObject({ disabled: true });
    app.core.bus.subscribe((event) => events.push(event));
  });
  afterAll(() => app.stop());

  it('takes a chat once: the second taker gets a 409 naming the owner', async () => {
    const take = (name: string) =>
      as(name, chatPath(CHAT, 'assignee'), { method: 'PUT', json: { user: 'me', ifAssignee: null } });
    const [first, second] = [await take('Dana'), await take('Omer')];
    expect(first.status).toBe(200);
    expect(((await first.json()) as ChatAssignment).assignee.user).toEqual({ id: ids.Dana, name: 'Dana' });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({
      error: { message: 'Dana has this chat already', field: 'ifAssignee' },
    });
    const assigned = events.filter((event) => event.type === 'chat.assigned');
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({
      data: {
        chat: CHAT,
        from: { user: null },
        to: { user: { id: ids.Dana } },
        reason: 'manual',
        actor: { name: 'Dana' },
      },
    });
  });

  it('refuses a disabled person, one who may not read the number, and an unknown team, naming the field', async () => {
    const assign = (json: unknown) => app.request(chatPath(OTHER, 'assignee'), { method: 'PUT', json });
    const disabled = await assign({ user: ids.Gone });
    expect(disabled.status).toBe(400);
    expect(await disabled.json()).toMatchObject({
      error: { field: 'user', message: expect.stringContaining('disabled') },
    });
    const admin = await app.request('/api/v1/users', {
      method: 'POST',
      json: { name: 'Nobody', login: 'nobody', role: 'agent', password: PASSWORD },
    });
    const nobody = ((await admin.json()) as UserWithCode).user.id;
    const noRead = await assign({ user: nobody });
    expect(noRead.status).toBe(400);
    expect(await noRead.json()).toMatchObject({
      error: { field: 'user', message: expect.stringContaining('may not read') },
    });
    const team = await assign({ team: 'team_nope' });
    expect(team.status).toBe(400);
    expect(await team.json()).toMatchObject({ error: { field: 'team' } });
    expect((await assign({ user: 'me' })).status).toBe(400);
    expect(
      (
        await app.request(chatPath('972599999999@s.whatsapp.net', 'assignee'), {
          method: 'PUT',
          json: { user: null },
        })
      ).status,
    ).toBe(404);
    // Nothing half-written.
    const after = (await (await app.request(chatPath(OTHER, 'assignment'))).json()) as ChatAssignment;
    expect(after.assignee).toEqual({ user: null, team: null });
  });

  it('resolves, snoozes and reopens, with history and events', async () => {
    const resolved = await app.request(chatPath(CHAT, 'status'), {
      method: 'PUT',
      json: { status: 'resolved' },
    });
    expect(((await resolved.json()) as ChatAssignment).status).toBe('resolved');
    const past = await app.request(chatPath(CHAT, 'status'), {
      method: 'PUT',
      json: { status: 'pending', snoozeUntil: '2020-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(400);
    expect(await past.json()).toMatchObject({ error: { field: 'snoozeUntil' } });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const snoozed = (await (
      await app.request(chatPath(CHAT, 'status'), {
        method: 'PUT',
        json: { status: 'pending', snoozeUntil: later },
      })
    ).json()) as ChatAssignment;
    expect(snoozed).toMatchObject({ status: 'pending', snoozedUntil: later });
    // Its time comes: the listener opens it.
    app.core.db.$client.prepare('UPDATE chats SET snoozed_until = 1 WHERE jid = ?').run(CHAT);
    app.core.services.assignment.listener.wake();
    const woken = (await (await app.request(chatPath(CHAT, 'assignment'))).json()) as ChatAssignment;
    expect(woken).toMatchObject({ status: 'open', snoozedUntil: null });
    const history = (await (await app.request(chatPath(CHAT, 'assignment/history'))).json()) as {
      items: AssignmentHistoryEntry[];
    };
    expect(history.items.map((entry) => [entry.change, entry.to, entry.reason])).toEqual([
      ['status', 'open', 'snooze_ended'],
      ['status', 'pending', 'manual'],
      ['status', 'resolved', 'manual'],
      ['assignee', { user: { id: ids.Dana, name: 'Dana' }, team: null }, 'manual'],
    ]);
    expect(
      events.filter((event) => event.type === 'chat.status_changed').map((event) => event.data),
    ).toMatchObject([
      { from: 'open', to: 'resolved' },
      { from: 'resolved', to: 'pending', snoozedUntil: later },
      { from: 'pending', to: 'open', reason: 'snooze_ended' },
    ]);
  });

  it('hands a chat to a team; an "assigned" reader of that team sees it, and no other chat', async () => {
    expect((await as('Rina', chatPath(OTHER, 'assignment'))).status).toBe(403);
    const handoff = await app.request(chatPath(OTHER, 'handoff'), {
      method: 'POST',
      json: { team: supportTeam, note: 'Asked for a refund' },
    });
    expect(handoff.status).toBe(200);
    expect(((await handoff.json()) as ChatAssignment).assignee).toEqual({
      user: null,
      team: { id: supportTeam, name: 'Support' },
    });
    expect((await as('Rina', chatPath(OTHER, 'assignment'))).status).toBe(200);
    expect((await as('Rina', chatPath(CHAT, 'assignment'))).status).toBe(403);
    // She takes it; then it is hers alone, and Dana's chat stays out of reach.
    const take = await as('Rina', chatPath(OTHER, 'assignee'), {
      method: 'PUT',
      json: { user: 'me', ifAssignee: null },
    });
    expect(take.status).toBe(200);
    const history = (await (await app.request(chatPath(OTHER, 'assignment/history'))).json()) as {
      items: AssignmentHistoryEntry[];
    };
    expect(
      history.items.find((entry) => entry.reason === 'handoff' && entry.change === 'assignee')?.note,
    ).toBe('Asked for a refund');
  });

  it('lists the views: Mine, Unassigned, a team, per status; an "assigned" reader lists only hers', async () => {
    const jids = async (who: string | null, query: string) => {
      const response = who
        ? await as(who, `/api/v1/chats?${query}`)
        : await app.request(`/api/v1/chats?${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: { jid: string }[] }).items.map((chat) => chat.jid);
    };
    // Dana has CHAT (open); Rina took OTHER (open), a chat of the Support team.
    expect(await jids('Dana', 'assignee=me&status=open')).toEqual([CHAT]);
    expect(await jids('Dana', 'assignee=me&status=resolved')).toEqual([]);
    expect(await jids(null, `assignee=${ids.Rina}&status=open`)).toEqual([OTHER]);
    expect(await jids(null, `team=${supportTeam}&status=open`)).toEqual([OTHER]);
    expect(await jids(null, 'assignee=none&status=open')).toEqual([]);
    expect((await app.request('/api/v1/chats?assignee=me')).status).toBe(400);
    expect((await app.request('/api/v1/chats?status=closed')).status).toBe(400);
    // Rina reads "assigned" only: her own chat, not Dana's, whatever she asks for.
    expect(await jids('Rina', '')).toEqual([OTHER]);
    expect(await jids('Rina', 'assignee=none')).toEqual([]);
  });

  it('changes several chats at once, all or nothing', async () => {
    const refused = await app.request('/api/v1/sessions/shop/chats/assignment', {
      method: 'POST',
      json: { chats: [CHAT, '972599999999'], status: 'resolved' },
    });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { field: 'chats.1' } });
    expect(((await (await app.request(chatPath(CHAT, 'assignment'))).json()) as ChatAssignment).status).toBe(
      'open',
    );
    const done = await app.request('/api/v1/sessions/shop/chats/assignment', {
      method: 'POST',
      json: { chats: [CHAT, OTHER], user: ids.Omer, status: 'resolved' },
    });
    expect(done.status).toBe(200);
    const { items } = (await done.json()) as { items: ChatAssignment[] };
    expect(items.map((item) => [item.assignee.user?.name, item.status])).toEqual([
      ['Omer', 'resolved'],
      ['Omer', 'resolved'],
    ]);
  });

  it('keeps the settings and each person’s availability', async () => {
    expect(await (await app.request('/api/v1/assignment/settings')).json()).toEqual({
      replyAssigns: true,
      foreignReply: 'warn',
    });
    expect(
      (await as('Dana', '/api/v1/assignment/settings', { method: 'PATCH', json: { replyAssigns: false } }))
        .status,
    ).toBe(403);
    const away = await as('Dana', '/api/v1/users/me/availability', {
      method: 'PUT',
      json: { available: false },
    });
    expect(await away.json()).toEqual({ available: false });
    expect(await (await as('Omer', '/api/v1/users/me/availability')).json()).toEqual({ available: true });
    expect((await app.request('/api/v1/users/me/availability')).status).toBe(403);
  });
  it('offers in the picker the enabled people who may read the number, with who is away, and the teams', async () => {
    await as('Omer', '/api/v1/users/me/availability', { method: 'PUT', json: { available: false } });
    const answer = await as('Dana', chatPath(OTHER, 'assignment/candidates'));
    expect(answer.status).toBe(200);
    const { people, teams } = (await answer.json()) as {
      people: { id: string; name: string; available: boolean }[];
      teams: { id: string; name: string }[];
    };
    const names = people.map((person) => person.name);
    expect(names).toEqual(expect.arrayContaining(['Olive', 'Dana', 'Omer', 'Rina']));
    // Disabled, or without read on the number: assigning them would be refused, so they are not offered.
    expect(names).not.toContain('Gone');
    expect(names).not.toContain('Nobody');
    expect(people.find((person) => person.name === 'Omer')?.available).toBe(false);
    expect(teams).toContainEqual({ id: supportTeam, name: 'Support' });
    expect((await as('Dana', chatPath('972599999999@s.whatsapp.net', 'assignment/candidates'))).status).toBe(
      404,
    );
  });
});
