import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../src-shared/contract.js';
import type { DesktopState } from '../../src-shared/contract/desktop.js';
import type { AnyEventEnvelope } from '../../src-shared/contract/events.js';
import type { AuditList, Me, UserWithCode } from '../../src-shared/contract/people.js';
import type { ChatNote } from '../../src-shared/contract/organize.js';
import { AppError } from '../../src-shared/errors.js';
import { startTestCore, type TestCore } from '../../testkit/support/test-core.js';

const PASSWORD = 'correct horse 1';
const CHAT = '972501234567@s.whatsapp.net';

/**
 * The desktop window's "who is using this PC" switcher, driven the way Electron's IPC drives it
 * (`core.callFromDesktop`, the same function `electron/ipc.ts` calls), under plain Node.
 */
describe('desktop switcher and Lock', () => {
  let app: TestCore;
  const ids: Record<string, string> = {};

  const desktop = <T>(operation: string, input: unknown = {}) =>
    app.core.callFromDesktop(operation, input) as Promise<T>;

  /** The refusal of a desktop call, as code and field. */
  async function refusal(operation: string, input: unknown = {}) {
    const error = await desktop(operation, input).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    const { code, field } = error as AppError;
    return { code, field };
  }

  async function createUser(name: string, role: 'owner' | 'admin' | 'agent') {
    const response = await app.request('/api/v1/users', {
      method: 'POST',
      json: { name, login: name.toLowerCase(), role, password: PASSWORD },
    });
    expect(response.status).toBe(201);
    ids[name] = ((await response.json()) as UserWithCode).user.id;
  }

  beforeAll(async () => {
    app = await startTestCore();
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'a' } });
    await app.request('/api/v1/sessions', { method: 'POST', json: { id: 'b' } });
    app.core.db.$client
      .prepare(
        `INSERT INTO chats (session_id, jid, kind, name, last_message_at) VALUES ('a', ?, 'user', 'Dana', 1)`,
      )
      .run(CHAT);
    for (const [name, role] of [
      ['Olive', 'owner'],
      ['Walt', 'agent'],
      ['Nora', 'agent'],
      ['Gus', 'agent'],
    ] as const) {
      await createUser(name, role);
    }
    await app.core.services.people.users.setPin(ids.Walt!, PASSWORD, '4821');
    // Walt writes to number a; Nora and Gus may do nothing.
    const grants = await app.request('/api/v1/sessions/a/permissions', {
      method: 'PUT',
      json: {
        grants: [
          {
            subject: { type: 'user', id: ids.Walt },
            read: 'all',
            write: true,
            canUseTags: false,
            canManageSavedReplies: false,
          },
        ],
      },
    });
    expect(grants.status).toBe(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('is the owner with no password while the setting is off, and cannot be switched then', async () => {
    expect(await desktop<DesktopState>('desktop.state')).toEqual({ mode: 'owner', person: null, people: [] });
    expect((await desktop<Me>('people.me')).kind).toBe('desktop');
    expect(await refusal('desktop.switch', { userId: ids.Walt, secret: '4821' })).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('once asked, starts locked: the window can run nothing but the switcher, and sees no events', async () => {
    await desktop('peopleSettings.update', { askWhoIsUsingThisPc: true });
    const state = await desktop<DesktopState>('desktop.state');
    expect(state.mode).toBe('locked');
    expect(state.people.map((person) => person.name)).toEqual(['Gus', 'Nora', 'Olive', 'Walt']);
    expect(state.people.find((person) => person.name === 'Walt')?.hasPin).toBe(true);
    // The authorizer decides for the locked window: every operation but the switcher's is refused.
    const others = (Object.keys(contract) as OpName[]).filter((name) => !name.startsWith('desktop.'));
    expect(others.length).toBeGreaterThan(100);
    for (const operation of others) {
      const input = operation === 'peopleSettings.update' ? { askWhoIsUsingThisPc: false } : {};
      expect({ operation, ...(await refusal(operation, input)) }).toEqual({ operation, code: 'FORBIDDEN' });
    }
    expect((await desktop<DesktopState>('desktop.lock')).mode).toBe('locked');
    expect((await desktop<DesktopState>('desktop.state')).people).toHaveLength(4);
    const event = { type: 'session.updated', session: 'a', actor: null } as unknown as AnyEventEnvelope;
    expect(app.core.desktopSeesEvent(event)).toBe(false);
  });

  it('refuses a wrong PIN, and after five wrong tries refuses even the right one for a while', async () => {
    expect(await refusal('desktop.switch', { userId: ids.Walt, secret: '0000' })).toEqual({
      code: 'UNAUTHORIZED',
      field: 'secret',
    });
    for (let i = 0; i < 4; i++) await refusal('desktop.switch', { userId: ids.Walt, secret: '0000' });
    const limited = await desktop('desktop.switch', { userId: ids.Walt, secret: '4821' }).catch(
      (error: unknown) => error as AppError,
    );
    expect(limited).toBeInstanceOf(AppError);
    expect((limited as AppError).code).toBe('RATE_LIMITED');
    expect((limited as AppError).message).toMatch(/try again in \d+ s/);
    expect((await desktop<DesktopState>('desktop.state')).mode).toBe('locked');
  });

  it('refuses a disabled person, an unknown one, and a bad input naming the field', async () => {
    await app.request(`/api/v1/users/${ids.Gus}`, { method: 'PATCH', json: { disabled: true } });
    expect(await refusal('desktop.switch', { userId: ids.Gus, secret: PASSWORD })).toEqual({
      code: 'FORBIDDEN',
      field: 'userId',
    });
    expect((await desktop<DesktopState>('desktop.state')).people.map((person) => person.name)).not.toContain(
      'Gus',
    );
    expect(await refusal('desktop.switch', { userId: 'usr_nobody', secret: PASSWORD })).toEqual({
      code: 'NOT_FOUND',
      field: 'userId',
    });
    expect(await refusal('desktop.switch', { userId: ids.Nora, secret: '' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'secret',
    });
  });

  it('acts as the chosen person: their rights, their name on notes and in the audit log', async () => {
    const seated = await desktop<DesktopState>('desktop.switch', { userId: ids.Nora, secret: PASSWORD });
    expect(seated).toMatchObject({ mode: 'person', person: { name: 'Nora', role: 'agent' } });
    const me = await desktop<Me>('people.me');
    expect(me).toMatchObject({ kind: 'user', via: 'desktop', role: 'agent', user: { name: 'Nora' } });
    // Nora may do nothing on number a, and an agent never changes the setting.
    expect(await refusal('notes.create', { session: 'a', chat: CHAT, text: 'hi' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refusal('peopleSettings.update', { askWhoIsUsingThisPc: false })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const event = { type: 'session.updated', session: 'a', actor: null } as unknown as AnyEventEnvelope;
    expect(app.core.desktopSeesEvent(event)).toBe(false);

    // Lock, then Walt (the right PIN after his limit would refuse him: another person is free).
    expect((await desktop<DesktopState>('desktop.lock')).mode).toBe('locked');
    expect(await refusal('people.me')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('seats a person by password too, and names them on what they write', async () => {
    await desktop('desktop.switch', { userId: ids.Olive, secret: PASSWORD });
    const note = await desktop<ChatNote>('notes.create', { session: 'a', chat: CHAT, text: 'Call her back' });
    expect(note.author).toBe('user:Olive');
    const event = { type: 'session.updated', session: 'a', actor: null } as unknown as AnyEventEnvelope;
    expect(app.core.desktopSeesEvent(event)).toBe(true);
    await desktop('desktop.lock');

    const audit = (await (await app.request('/api/v1/audit?action=desktop.')).json()) as AuditList;
    const lines = audit.items.map((entry) => `${entry.action} ${entry.actor.name}`);
    expect(lines).toContain('desktop.switch Nora');
    expect(lines).toContain('desktop.lock Nora');
    expect(lines).toContain('desktop.switch Olive');
    expect(lines.filter((line) => line.startsWith('desktop.switch_failed')).length).toBe(5);
  });

  it('locks the window at once when the seated person is disabled', async () => {
    await desktop('desktop.switch', { userId: ids.Nora, secret: PASSWORD });
    await app.request(`/api/v1/users/${ids.Nora}`, { method: 'PATCH', json: { disabled: true } });
    expect((await desktop<DesktopState>('desktop.state')).mode).toBe('locked');
    expect(await refusal('people.me')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("is the desktop window's alone: a browser or an API key cannot switch or lock it", async () => {
    const rpc = await app.request('/rpc/desktop.switch', {
      method: 'POST',
      json: { userId: ids.Olive, secret: PASSWORD },
    });
    expect(rpc.status).toBe(403);
    const signIn = await app.request('/api/v1/auth/signin', {
      method: 'POST',
      key: null,
      json: { login: 'olive', password: PASSWORD },
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const fromBrowser = await app.request('/rpc/desktop.lock', {
      method: 'POST',
      key: null,
      headers: { cookie, 'x-csrf-token': csrfToken },
      json: {},
    });
    expect(fromBrowser.status).toBe(403);
    expect(((await fromBrowser.json()) as { error: { message: string } }).error.message).toMatch(
      /desktop window/,
    );
  });
});
