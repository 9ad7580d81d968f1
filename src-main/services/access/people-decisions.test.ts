import { describe, expect, it } from 'vitest';
import type { Access } from '../../../src-shared/access.js';
import type { UserRole } from '../../../src-shared/contract/people.js';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import { authorize, canSeeEvent, checkUiCaller, readableSessions } from './authorizer.js';
import {
  DESKTOP,
  LOCKED_DESKTOP,
  type NumberRights,
  type Principal,
  type UserPrincipal,
} from './principal.js';

const MINE = '972500000001@s.whatsapp.net';
const none: NumberRights = { read: 'none', write: false, canUseTags: false, canManageSavedReplies: false };

function person(
  role: UserRole,
  numbers: Record<string, Partial<NumberRights>> = {},
  tokenScopes: string[] | null = null,
): UserPrincipal {
  const rights = new Map(
    Object.entries(numbers).map(([session, partial]) => [session, { ...none, ...partial }]),
  );
  return {
    kind: 'user',
    userId: `u-${role}`,
    name: role,
    role,
    via: tokenScopes ? 'token' : 'cookie',
    credentialId: 'c',
    tokenScopes: tokenScopes as UserPrincipal['tokenScopes'],
    grants: {
      role: () => role,
      on: (session) => rights.get(session) ?? none,
      numbers: () => rights,
      // One chat of number a is assigned to every test person.
      seesChat: (session, jid) => session === 'a' && jid === MINE,
      teams: () => [],
    },
  };
}

const callers: Record<string, Principal> = {
  owner: person('owner'),
  admin: person('admin'),
  'agent-read': person('agent', { a: { read: 'all' } }),
  'agent-write': person('agent', { a: { read: 'all', write: true, canUseTags: true } }),
  'agent-assigned': person('agent', { a: { read: 'assigned', write: true } }),
  'agent-nothing': person('agent'),
  'token-read (admin)': person('admin', {}, ['messages:read']),
  desktop: DESKTOP,
  'locked desktop': LOCKED_DESKTOP,
  'agent seated at the desktop': { ...person('agent', { a: { read: 'all' } }), via: 'desktop' },
  'admin key': { kind: 'admin', keyId: 'k', sessionId: null, scopes: null },
  'session key a': { kind: 'session', keyId: 'k', sessionId: 'a', scopes: null },
  'scoped key (read)': { kind: 'named', keyId: 'k', sessionId: null, scopes: ['messages:read'] },
};

const session = (input: { session: string }) => input.session;
const chat = (input: { session: string; chat?: string }) => input.chat;
type Input = { session: string; chat?: string };
const operations: Record<string, { access: Access<Input>; input: Input }> = {
  'read chats of a': { access: { scope: 'messages:read', session }, input: { session: 'a' } },
  'read chats of b': { access: { scope: 'messages:read', session }, input: { session: 'b' } },
  'send on a': { access: { scope: 'messages:send', session }, input: { session: 'a' } },
  'tag on a': { access: { scope: 'messages:send', session, people: 'tags' }, input: { session: 'a' } },
  'manage sessions': { access: { scope: 'sessions:manage', session }, input: { session: 'a' } },
  'people (admin)': { access: { scope: 'admin', people: 'admin' }, input: { session: 'a' } },
  'owner only': { access: { scope: 'admin', people: 'owner' }, input: { session: 'a' } },
  'own profile': {
    access: { scope: ['messages:read', 'messages:send'], sessionKeys: false, people: 'self', keys: false },
    input: { session: 'a' },
  },
  // Issue #16: a chat assigned to the person (by phone number), and someone else's.
  'send in my chat': {
    access: { scope: 'messages:send', session, chat },
    input: { session: 'a', chat: '972500000001' },
  },
  'read another chat': {
    access: { scope: 'messages:read', session, chat },
    input: { session: 'a', chat: '972500000002@s.whatsapp.net' },
  },
  // The switcher's operations (contract/desktop.ts): the window's alone, and all the locked window may run.
  'desktop switcher': {
    access: {
      scope: ['messages:read', 'messages:send', 'sessions:manage', 'webhooks:manage', 'widgets:manage'],
      sessionKeys: false,
      people: 'self',
      desktopOnly: true,
    },
    input: { session: 'a' },
  },
};

function decide(caller: Principal, operation: keyof typeof operations): boolean {
  const { access, input } = operations[operation]!;
  try {
    authorize(caller, access, input);
    return true;
  } catch {
    return false;
  }
}

/** ✓ allowed, · refused: the whole table, so a changed rule shows as a changed row. */
const TABLE: Record<string, string> = {
  //                    read-a read-b send-a tag-a sessions people owner profile send-mine read-other desktop
  owner: '✓✓✓✓✓✓✓✓✓✓·',
  admin: '✓✓✓✓✓✓·✓✓✓·',
  'agent-read': '✓······✓·✓·',
  'agent-write': '✓·✓✓···✓✓✓·',
  'agent-assigned': '·······✓✓··',
  'agent-nothing': '·······✓···',
  'token-read (admin)': '✓✓·····✓·✓·',
  desktop: '✓✓✓✓✓✓✓·✓✓✓',
  'locked desktop': '··········✓',
  'agent seated at the desktop': '✓······✓·✓✓',
  'admin key': '✓✓✓✓✓✓✓·✓✓·',
  'session key a': '✓·✓✓✓···✓✓·',
  'scoped key (read)': '✓✓·······✓·',
};

describe('the authorizer with people: decision table', () => {
  for (const [name, caller] of Object.entries(callers)) {
    it(name, () => {
      const row = Object.keys(operations)
        .map((operation) => (decide(caller, operation) ? '✓' : '·'))
        .join('');
      expect(row).toBe(TABLE[name]);
    });
  }

  it('filters lists to the numbers a person may read all of ("assigned" ones are filtered per chat)', () => {
    expect(readableSessions(callers.owner!)).toBeNull();
    expect([...(readableSessions(callers['agent-read']!) ?? [])]).toEqual(['a']);
    expect([...(readableSessions(callers['agent-assigned']!) ?? [])]).toEqual([]);
    expect([...(readableSessions(callers['session key a']!) ?? [])]).toEqual(['a']);
    expect([...(readableSessions(callers['locked desktop']!) ?? [])]).toEqual([]);
  });

  it('shows events of readable numbers, and people events to admins only', () => {
    const event = (type: string, session: string | null) => ({ type, session, data: {} }) as AnyEventEnvelope;
    expect(canSeeEvent(callers['agent-read']!, event('message.received', 'a'))).toBe(true);
    expect(canSeeEvent(callers['agent-read']!, event('message.received', 'b'))).toBe(false);
    expect(canSeeEvent(callers['agent-read']!, event('user.updated', null))).toBe(false);
    expect(canSeeEvent(callers['agent-read']!, event('user.created', null))).toBe(false);
    expect(canSeeEvent(callers['agent-read']!, event('permissions.updated', 'b'))).toBe(false);
    expect(canSeeEvent(callers.admin!, event('permissions.updated', 'a'))).toBe(true);
    expect(canSeeEvent(callers['scoped key (read)']!, event('user.created', null))).toBe(false);
    expect(canSeeEvent(callers['session key a']!, event('settings.updated', null))).toBe(false);
    expect(canSeeEvent(callers['locked desktop']!, event('settings.updated', null))).toBe(false);
    expect(canSeeEvent(callers['locked desktop']!, event('message.received', 'a'))).toBe(false);
  });

  it("shows an agent the changes of their own rights: their record, a readable number's grants", () => {
    const about = (type: string, session: string | null, data: unknown) =>
      ({ type, session, data }) as AnyEventEnvelope;
    const agent = callers['agent-read']!;
    expect(canSeeEvent(agent, about('user.updated', null, { id: 'u-agent' }))).toBe(true);
    expect(canSeeEvent(agent, about('user.updated', null, { id: 'u-owner' }))).toBe(false);
    expect(canSeeEvent(agent, about('permissions.updated', 'a', { session: 'a', grants: [] }))).toBe(true);
    expect(canSeeEvent(agent, about('permissions.updated', 'b', { session: 'b', grants: [] }))).toBe(false);
  });

  it('shows an "assigned" reader the events of their chats only', () => {
    const assigned = callers['agent-assigned']!;
    const about = (chat: string) =>
      ({ type: 'message.received', session: 'a', data: { chat } }) as AnyEventEnvelope;
    expect(canSeeEvent(assigned, about(MINE))).toBe(true);
    expect(canSeeEvent(assigned, about('972500000002@s.whatsapp.net'))).toBe(false);
    expect(
      canSeeEvent(assigned, { type: 'session.status', session: 'a', data: {} } as AnyEventEnvelope),
    ).toBe(false);
  });

  it('opens the app UI to people in a browser, not to their tokens or other keys', () => {
    expect(() => checkUiCaller(callers['agent-read']!)).not.toThrow();
    expect(() => checkUiCaller(callers['token-read (admin)']!)).toThrow();
    expect(() => checkUiCaller(callers['scoped key (read)']!)).toThrow();
  });
});
