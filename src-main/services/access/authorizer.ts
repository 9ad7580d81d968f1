import type { Access } from '../../../src-shared/access.js';
import type { Scope } from '../../../src-shared/contract/keys.js';
import { AppError } from '../../../src-shared/errors.js';
import type { Principal } from './principal.js';

/**
 * The one place that decides who may do what. REST routes (`api/route.ts`), the browser's `/rpc`
 * and the desktop's IPC (`rpc/dispatcher.ts`) and the event stream all call these functions with
 * the operation's declared `Access` (src-shared/access.ts).
 *
 * - The desktop window and the admin key may do everything.
 * - A session key has the scopes of `SESSION_KEY_SCOPES`, for its own session only, and is refused
 *   by operations that declare `sessionKeys: false`.
 * - A named key has its scopes; `admin` includes every other.
 */
const SESSION_KEY_SCOPES: ReadonlySet<Scope> = new Set([
  'messages:send',
  'messages:read',
  'sessions:manage',
  'webhooks:manage',
]);

function hasScope(principal: Principal, scope: Scope): boolean {
  switch (principal.kind) {
    case 'desktop':
    case 'admin':
      return true;
    case 'session':
      return SESSION_KEY_SCOPES.has(scope);
    case 'named': {
      const scopes = principal.scopes ?? [];
      return scopes.includes('admin') || scopes.includes(scope);
    }
  }
}

/** Whether a caller may touch a session: session keys reach only their own number. */
export function canAccessSession(principal: Principal, sessionId: string): boolean {
  return principal.kind !== 'session' || principal.sessionId === sessionId;
}

/** The session a list must be limited to (a session key's own), or undefined for everyone else. */
export function ownSessionOf(principal: Principal): string | undefined {
  return principal.kind === 'session' ? (principal.sessionId ?? '') : undefined;
}

/**
 * The part of `access` that needs no input: the scope, and whether a session key may call at
 * all. Runs before the request body is read, so a caller that may not call the operation learns
 * nothing about its input rules and cannot make the server buffer a large body.
 */
export function checkScope(principal: Principal, access: Access<never>): void {
  const scopes: readonly Scope[] = typeof access.scope === 'string' ? [access.scope] : access.scope;
  if (!scopes.some((scope) => hasScope(principal, scope))) {
    throw new AppError('FORBIDDEN', `this key lacks the "${scopes.join('" or "')}" scope`);
  }
  if (principal.kind === 'session' && access.sessionKeys === false) {
    throw new AppError('FORBIDDEN', 'a session key may not call this operation');
  }
}

/** A session key may only touch its own session: FORBIDDEN otherwise. */
export function checkSession(principal: Principal, sessionId: string | null | undefined): void {
  if (sessionId && !canAccessSession(principal, sessionId)) {
    throw new AppError(
      'FORBIDDEN',
      `this key belongs to another session and may not use session "${sessionId}"`,
    );
  }
}

/** Both checks, for a caller whose input is already validated (RPC operations). */
export function authorize<Input>(principal: Principal, access: Access<Input>, input: Input): void {
  checkScope(principal, access as Access<never>);
  checkSession(principal, access.session?.(input));
}

/**
 * The app's own UI operations (the contract) are for the desktop window and for the browser
 * signed in with the admin key; other keys use the REST API, whose routes may filter or shape
 * answers per key in ways the UI operations do not.
 */
export function checkUiCaller(principal: Principal): void {
  if (principal.kind !== 'desktop' && principal.kind !== 'admin') {
    throw new AppError('FORBIDDEN', 'the app UI needs the admin key');
  }
}

/**
 * For records that belong to one session or to none (a webhook for every session): a session key
 * may only touch those of its own session, never the shared ones.
 */
export function checkRecordSession(principal: Principal, recordSession: string | null): void {
  if (principal.kind === 'session' && recordSession === null) {
    throw new AppError('FORBIDDEN', 'a session key may only use records of its own session');
  }
  checkSession(principal, recordSession);
}
