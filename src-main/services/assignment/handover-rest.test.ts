import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEventEnvelope, EventEnvelope } from '../../../src-shared/contract/events.js';
import type { UserWithCode } from '../../../src-shared/contract/people.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';
import { personGrant } from '../../../testkit/support/grants.js';

const PASSWORD = 'correct horse 1';
const jid = (n: number) => `97250000000${n}@s.whatsapp.net`;

/**
 * Deleting a team or a person who still has open chats (issue #16): refused with the count until
 * the request says where the chats go; then the move and the delete are one transaction, each
 * moved chat with a history line and a `chat.assigned` event.
 */
describe('deleting a team or a person with open chats, over REST', () => {
  let app: TestCore;
  const ids: Record<string, string> = {};
  const events: AnyEventEnvelope[] = [];

  const chat = (n: number) =>
    app.core.db.$client
      .prepare(
        `SELECT status, assignee_user_id AS user, assignee_team_id AS team FROM chats
          WHERE session_id = 'shop' AND jid = ?`,
      )
      .get(jid(n));
  const assignedEvents = (reason: string) =>
    events.filter(
      (event): event is EventEnvelope<'chat.assigned'> =>
        event.type === 'chat.assigned' && event.data.reason === reason,
    );

  async function created(path: string, json: unknown): Promise<string> {
    const response = await app.request(path, { method: 'POST', json });
    expect(response.status).toBe(201);
    const body = (await response.json()) as UserWithCode | { id: string };
    return 'user' in body ? body.user.id : body.id;
  }

  beforeAll(async () => {
    app = await startTestCore();
    for (const id of ['shop', 'other']) {
      expect((await app.request('/api/v1/sessions', { method: 'POST', json: { id } })).status).toBe(201);
    }
    // Deleting anyone needs an enabled owner to remain.
    await created('/api/v1/users', { name: 'Olive', login: 'olive', role: 'owner', password: PASSWORD });
    for (const name of ['Dana', 'Eli', 'Noam']) {
      ids[name] = await created('/api/v1/users', {
        name,
        login: name.toLowerCase(),
        role: 'agent',
        password: PASSWORD,
      });
    }
    ids.Sales = await created('/api/v1/teams', { name: 'Sales', members: [ids.Dana] });
    ids.Support = await created('/api/v1/teams', { name: 'Support', members: [] });
    // Dana and Noam read the shop's chats; Eli reads only the other number's.
    const grant = (id: string) => personGrant(id);
    const put = (session: string, who: string[]) =>
      app.request(`/api/v1/sessions/${session}/permissions`, {
        method: 'PUT',
        json: { grants: who.map(grant) },
      });
    expect((await put('shop', [ids.Dana!, ids.Noam!])).status).toBe(200);
    expect((await put('other', [ids.Eli!])).status).toBe(200);
    const insert = app.core.db.$client.prepare(
      `INSERT INTO chats (session_id, jid, kind, status, assignee_user_id, assignee_team_id)
       VALUES ('shop', ?, 'user', ?, ?, ?)`,
    );
    insert.run(jid(1), 'open', null, ids.Sales); // the team's queue
    insert.run(jid(2), 'pending', ids.Dana, ids.Sales); // Dana's, in Sales
    insert.run(jid(3), 'resolved', null, ids.Sales); // done: not counted
    insert.run(jid(4), 'open', ids.Dana, null); // Dana's alone
    app.core.bus.subscribe((event) => events.push(event));
  });
  afterAll(() => app.stop());

  it('counts the open and pending chats of a team and of a person', async () => {
    const count = async (path: string) =>
      ((await (await app.request(path)).json()) as { count: number }).count;
    expect(await count(`/api/v1/teams/${ids.Sales}/open-chats`)).toBe(2);
    expect(await count(`/api/v1/users/${ids.Dana}/open-chats`)).toBe(2);
    expect(await count(`/api/v1/teams/${ids.Support}/open-chats`)).toBe(0);
    expect((await app.request('/api/v1/teams/team_nope/open-chats')).status).toBe(404);
  });

  it('refuses to delete a team with open chats until told where they go, changing nothing', async () => {
    const remove = (json?: unknown) =>
      app.request(`/api/v1/teams/${ids.Sales}`, { method: 'DELETE', ...(json ? { json } : {}) });
    const refused = await remove();
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { code: 'CONFLICT', field: 'moveChatsTo', openChats: 2 },
    });
    const itself = await remove({ moveChatsTo: { team: ids.Sales } });
    expect(itself.status).toBe(400);
    expect(await itself.json()).toMatchObject({ error: { field: 'moveChatsTo.team' } });
    const unknown = await remove({ moveChatsTo: { team: 'team_nope' } });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { field: 'moveChatsTo.team' } });
    // Eli may not read the shop's chats: refused, and the first chat's move is rolled back.
    const unreadable = await remove({ moveChatsTo: { user: ids.Eli } });
    expect(unreadable.status).toBe(400);
    expect(await unreadable.json()).toMatchObject({ error: { field: 'moveChatsTo.user' } });
    const garbage = await remove({ moveChatsTo: 'nowhere' });
    expect(garbage.status).toBe(400);
    expect(chat(1)).toEqual({ status: 'open', user: null, team: ids.Sales });
    expect((await app.request(`/api/v1/teams/${ids.Sales}`, { method: 'PATCH', json: {} })).status).toBe(200);
    expect(assignedEvents('team_deleted')).toHaveLength(0);
  });

  it('moves the open chats to the chosen team and deletes the team in one go', async () => {
    const deleted = await app.request(`/api/v1/teams/${ids.Sales}`, {
      method: 'DELETE',
      json: { moveChatsTo: { team: ids.Support } },
    });
    expect(deleted.status).toBe(200);
    expect(chat(1)).toEqual({ status: 'open', user: null, team: ids.Support });
    // Dana keeps her chat; only its team changes.
    expect(chat(2)).toEqual({ status: 'pending', user: ids.Dana, team: ids.Support });
    // A resolved chat drops the deleted team, so a customer reopening it lands in a real view.
    expect(chat(3)).toEqual({ status: 'resolved', user: null, team: null });
    const moved = assignedEvents('team_deleted');
    expect(moved.map((event) => event.data.chat).sort()).toEqual([jid(1), jid(2)]);
    expect(moved[0]).toMatchObject({
      session: 'shop',
      data: { from: { team: { name: 'Sales' } }, to: { team: { name: 'Support' } }, actor: { type: 'key' } },
    });
    const history = await app.request(
      `/api/v1/sessions/shop/chats/${encodeURIComponent(jid(3))}/assignment/history`,
    );
    expect(((await history.json()) as { items: unknown[] }).items[0]).toMatchObject({
      change: 'assignee',
      from: { team: { name: 'Sales' } },
      to: { team: null },
      reason: 'team_deleted',
    });
    expect((await app.request(`/api/v1/teams/${ids.Support}/open-chats`)).status).toBe(200);
    expect((await app.request(`/api/v1/teams/${ids.Sales}/open-chats`)).status).toBe(404);
  });

  it('deletes a person (confirmed) only with a place for their chats; "unassigned" returns them to the team queue', async () => {
    const remove = (json: unknown) => app.request(`/api/v1/users/${ids.Dana}`, { method: 'DELETE', json });
    const refused = await remove({ confirm: true });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { field: 'moveChatsTo', openChats: 2 } });
    // The confirmation of #26 is still asked first.
    expect((await remove({ moveChatsTo: 'unassigned' })).status).toBe(400);
    const deleted = await remove({ confirm: true, moveChatsTo: 'unassigned' });
    expect(deleted.status).toBe(200);
    expect(chat(2)).toEqual({ status: 'pending', user: null, team: ids.Support });
    expect(chat(4)).toEqual({ status: 'open', user: null, team: null });
    const moved = assignedEvents('person_deleted');
    expect(moved).toHaveLength(2);
    expect(moved[0]).toMatchObject({ data: { from: { user: { name: 'Dana' } }, to: { user: null } } });
  });

  it('moves a person’s chats to another person who may read them', async () => {
    const insert = app.core.db.$client.prepare(
      `INSERT INTO chats (session_id, jid, kind, status, assignee_user_id) VALUES ('shop', ?, 'user', 'open', ?)`,
    );
    insert.run(jid(5), ids.Eli);
    const remove = (json: unknown) => app.request(`/api/v1/users/${ids.Eli}`, { method: 'DELETE', json });
    expect((await remove({ confirm: true, moveChatsTo: { user: ids.Eli } })).status).toBe(400);
    const deleted = await remove({ confirm: true, moveChatsTo: { user: ids.Noam } });
    expect(deleted.status).toBe(200);
    expect(chat(5)).toEqual({ status: 'open', user: ids.Noam, team: null });
  });
});
