import { describe, expect, it } from 'vitest';
import type { Access } from '../../../src-shared/access.js';
import { authorize, checkRecordSession, checkUiCaller } from '../../services/access/authorizer.js';
import { DESKTOP, type Principal } from '../../services/access/principal.js';

const admin: Principal = { kind: 'admin', keyId: 'a', sessionId: null, scopes: null };
const shopKey: Principal = { kind: 'session', keyId: 's', sessionId: 'shop', scopes: null };
const reader: Principal = { kind: 'named', keyId: 'r', sessionId: null, scopes: ['messages:read'] };
const named = (scopes: string[]): Principal => ({ kind: 'named', keyId: 'n', sessionId: null, scopes });

type Input = { session: string };
const read: Access<Input> = { scope: 'messages:read', session: (input) => input.session };
const manageAll: Access<Input> = { scope: 'sessions:manage', sessionKeys: false };
const adminOnly: Access<Input> = { scope: 'admin' };
const widgets: Access<Input> = { scope: 'widgets:manage' };
const either: Access<Input> = { scope: ['messages:read', 'sessions:manage'] };

const allowed = (principal: Principal, access: Access<Input>, session = 'shop') => {
  try {
    authorize(principal, access, { session });
    return true;
  } catch {
    return false;
  }
};

describe('the authorizer decision table', () => {
  it.each([
    ['desktop', DESKTOP, [true, true, true, true, true, true]],
    ['admin key', admin, [true, true, true, true, true, true]],
    ['session key', shopKey, [true, false, false, false, false, true]],
    ['messages:read key', reader, [true, true, false, false, false, true]],
    ['admin-scoped named key', named(['admin']), [true, true, true, true, true, true]],
    ['widgets:manage key', named(['widgets:manage']), [false, false, false, false, true, false]],
    ['key with no scopes', named([]), [false, false, false, false, false, false]],
  ] as const)('%s', (_name, principal, expected) => {
    expect([
      allowed(principal, read),
      allowed(principal, read, 'other'),
      allowed(principal, manageAll),
      allowed(principal, adminOnly),
      allowed(principal, widgets),
      allowed(principal, either),
    ]).toEqual(expected);
  });

  it('lets a session key touch only records of its own session, never shared ones', () => {
    expect(() => checkRecordSession(shopKey, 'shop')).not.toThrow();
    expect(() => checkRecordSession(shopKey, 'other')).toThrow(/another session/);
    expect(() => checkRecordSession(shopKey, null)).toThrow(/its own session/);
    expect(() => checkRecordSession(admin, null)).not.toThrow();
  });

  it('keeps the UI operations for the desktop window and the admin key', () => {
    expect(() => checkUiCaller(DESKTOP)).not.toThrow();
    expect(() => checkUiCaller(admin)).not.toThrow();
    expect(() => checkUiCaller(named(['admin']))).toThrow(/admin key/);
    expect(() => checkUiCaller(shopKey)).toThrow(/admin key/);
  });
});
