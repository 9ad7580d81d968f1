import type { Access, PeopleNeed } from '../../../src-shared/access.js';
import type { Scope } from '../../../src-shared/contract/keys.js';
import type { UserRole } from '../../../src-shared/contract/people.js';
import { AppError } from '../../../src-shared/errors.js';
import { toJid } from '../../../src-shared/jid.js';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import { confirmsByKey } from './confirmation.js';
import type { NumberRights, Principal, UserPrincipal } from './principal.js';

/**
 * The one place that decides who may do what. REST routes (`api/route.ts`), the browser's `/rpc`
 * and the desktop's IPC (`rpc/dispatcher.ts`), the event stream and webhooks all call these
 * functions with the operation's declared `Access` (src-shared/access.ts).
 *
 * - The desktop window and the admin key may do everything.
 * - The locked desktop window (`LOCKED_DESKTOP`) may run only the switcher's operations
 *   (`Access.desktopOnly`), which nothing but the desktop window may run; it reads no number and
 *   sees no event.
 * - A session key has the scopes of `SESSION_KEY_SCOPES`, for its own session only, and is refused
 *   by operations that declare `sessionKeys: false`.
 * - A named key has its scopes; `admin` includes every other.
 * - A person (cookie, personal token, desktop switcher) needs what the operation's `people`
 *   declares (`peopleNeedOf`): owners and admins may do everything but what only owners may;
 *   agents only what their grants on the number allow, and never the admin operations. Reads
 *   that name no number are lists filtered by `readableSessions` (chats, search, sessions). A
 *   personal token is further limited to its scopes, exactly as a named key with those scopes.
 * - "read: assigned" (issue #16): the person reads and writes only chats assigned to them and
 *   their teams' unassigned ones. Operations naming a chat (`Access.chat`) check that chat;
 *   lists are filtered by `assignedOnlySessions` (services/chats/list/); the event stream and
 *   webhooks by `canSeeEvent`.
 */
const SESSION_KEY_SCOPES: ReadonlySet<Scope> = new Set([
  'messages:send',
  'messages:read',
  'sessions:manage',
  'webhooks:manage',
]);

const ADMIN_ROLES: ReadonlySet<UserRole> = new Set(['owner', 'admin']);

/** What a person needs for an operation: declared, or following from its scope. */
export function peopleNeedOf(access: Access<never>): PeopleNeed {
  if (access.people) return access.people;
  const scopes: readonly Scope[] = typeof access.scope === 'string' ? [access.scope] : access.scope;
  if (scopes.includes('messages:read')) return 'read';
  if (scopes.includes('messages:send')) return 'write';
  return 'admin';
}

function scopeList(access: Access<never>): readonly Scope[] {
  return typeof access.scope === 'string' ? [access.scope] : access.scope;
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  switch (principal.kind) {
    case 'desktop':
    case 'admin':
      return true;
    case 'locked-desktop':
      return false;
    case 'session':
      return SESSION_KEY_SCOPES.has(scope);
    case 'named': {
      const scopes = principal.scopes ?? [];
      return scopes.includes('admin') || scopes.includes(scope);
    }
    case 'user': {
      // A person's own rights are decided by `people`; a token only narrows them.
      const scopes = principal.tokenScopes;
      return !scopes || scopes.includes('admin') || scopes.includes(scope);
    }
  }
}

export function isAdminPerson(principal: UserPrincipal): boolean {
  return ADMIN_ROLES.has(principal.grants.role());
}

/**
 * A right of one number, for a person. `chatVisible`: the chat the call names is one an "assigned"
 * reader may see (undefined: the call names no chat, so "assigned" reads nothing of the number).
 */
function hasRight(rights: NumberRights, need: PeopleNeed, chatVisible?: () => boolean): boolean {
  const reads =
    rights.read === 'all' || (rights.read === 'assigned' && chatVisible !== undefined && chatVisible());
  switch (need) {
    case 'read':
      return reads;
    case 'write':
      return rights.write && reads;
    case 'tags':
      return rights.canUseTags && reads;
    case 'savedReplies':
      return rights.canManageSavedReplies;
    default:
      return false;
  }
}

/** Whether a caller may touch a session: session keys reach only their own number, agents their granted ones. */
export function canAccessSession(
  principal: Principal,
  sessionId: string,
  need: PeopleNeed = 'read',
  chat?: string | null,
  filtersChats = false,
): boolean {
  if (principal.kind === 'session') return principal.sessionId === sessionId;
  if (principal.kind === 'locked-desktop') return false;
  if (principal.kind !== 'user' || isAdminPerson(principal)) return true;
  const grants = principal.grants;
  // A list that filters per chat (Access.filtersChats) shows an "assigned" reader their own chats.
  const visible = chat
    ? () => seesChat(grants, sessionId, chat)
    : filtersChats && need === 'read'
      ? () => true
      : undefined;
  return hasRight(grants.on(sessionId), need, visible);
}

/**
 * Whether a caller may read one chat: what list and search answers are filtered by, so an
 * "assigned" reader's hits and per-number lists hold their own chats only (issue #16).
 */
export function canReadChat(principal: Principal, sessionId: string, chat: string): boolean {
  return canAccessSession(principal, sessionId, 'read', chat);
}

/** A chat named by a JID or a phone number; one that is neither is nobody's to see. */
function seesChat(grants: UserPrincipal['grants'], sessionId: string, chat: string): boolean {
  let jid: string;
  try {
    jid = toJid(chat, 'chat');
  } catch {
    return false;
  }
  return grants.seesChat(sessionId, jid);
}

/**
 * The numbers on which a person reads only assigned chats, with who they are (for list filters:
 * chats assigned to `userId`, or unassigned in one of `teams`). Empty for everyone else.
 */
export function assignedOnlySessions(
  principal: Principal,
): { sessions: ReadonlySet<string>; userId: string; teams: readonly string[] } | null {
  if (principal.kind !== 'user' || isAdminPerson(principal)) return null;
  const sessions = new Set<string>();
  for (const [session, rights] of principal.grants.numbers()) {
    if (rights.read === 'assigned') sessions.add(session);
  }
  return sessions.size ? { sessions, userId: principal.userId, teams: principal.grants.teams() } : null;
}

/** The session a list must be limited to (a session key's own), or undefined for everyone else. */
export function ownSessionOf(principal: Principal): string | undefined {
  return principal.kind === 'session' ? (principal.sessionId ?? '') : undefined;
}

/**
 * The sessions whose data a caller may read, for filtering lists and search: null means every
 * session. A session key reads its own; an agent the numbers they may read all chats of.
 */
export function readableSessions(principal: Principal): ReadonlySet<string> | null {
  if (principal.kind === 'session') return new Set([principal.sessionId ?? '']);
  if (principal.kind === 'locked-desktop') return new Set();
  if (principal.kind !== 'user' || isAdminPerson(principal)) return null;
  const readable = new Set<string>();
  for (const [session, rights] of principal.grants.numbers()) {
    if (hasRight(rights, 'read')) readable.add(session);
  }
  return readable;
}

/**
 * The part of `access` that needs no input: the scope, whether a session key (or any key) may
 * call at all, and a person's role. Runs before the request body is read, so a caller that may
 * not call the operation learns nothing about its input rules and cannot make the server buffer
 * a large body.
 */
export function checkScope(principal: Principal, access: Access<never>): void {
  if (checkDesktopWindow(principal, access)) return;
  const scopes = scopeList(access);
  if (!scopes.some((scope) => hasScope(principal, scope))) {
    throw new AppError(
      'FORBIDDEN',
      principal.kind === 'user'
        ? `this token lacks the "${scopes.join('" or "')}" scope`
        : `this key lacks the "${scopes.join('" or "')}" scope`,
    );
  }
  if (principal.kind === 'session' && access.sessionKeys === false) {
    throw new AppError('FORBIDDEN', 'a session key may not call this operation');
  }
  if (principal.kind === 'user') {
    checkPerson(principal, peopleNeedOf(access));
  } else if (access.keys === false) {
    throw new AppError('FORBIDDEN', 'this is for a signed-in person, not an API key');
  }
  if (access.confirm && confirmsByKey(principal) && !hasScope(principal, 'admin')) {
    throw new AppError('FORBIDDEN', 'this cannot be undone: it needs a key with the "admin" scope');
  }
}

/** Whether the principal is the desktop window: its owner, a person seated at it, or locked. */
function isDesktopWindow(principal: Principal): boolean {
  return (
    principal.kind === 'desktop' ||
    principal.kind === 'locked-desktop' ||
    (principal.kind === 'user' && principal.via === 'desktop')
  );
}

/**
 * The window's own operations (`desktopOnly`) are the window's alone, and the locked window may
 * run nothing else. True when the decision is made (the locked window's switcher call).
 */
function checkDesktopWindow(principal: Principal, access: Access<never>): boolean {
  if (access.desktopOnly && !isDesktopWindow(principal)) {
    throw new AppError('FORBIDDEN', 'only the desktop window chooses who is using it');
  }
  if (principal.kind !== 'locked-desktop') return false;
  if (!access.desktopOnly) {
    throw new AppError('FORBIDDEN', 'the window is locked: choose who is using this PC first');
  }
  return true;
}

function checkPerson(principal: UserPrincipal, need: PeopleNeed): void {
  const role = principal.grants.role();
  if (need === 'self') return;
  if (need === 'owner') {
    if (role !== 'owner') throw new AppError('FORBIDDEN', 'only an owner may do this');
    return;
  }
  if (ADMIN_ROLES.has(role)) return;
  if (need === 'admin') throw new AppError('FORBIDDEN', 'this needs an owner or admin');
  // Reads without a number in the input are lists filtered to the readable numbers (an agent
  // with none sees empty lists); shared reads (tags, saved replies) are for every person.
  if (need === 'read') return;
  // Others: the right on at least one number; the number itself (and, for an "assigned"
  // reader, the chat) is checked with the input.
  for (const rights of principal.grants.numbers().values()) {
    if (hasRight(rights, need, () => true)) return;
  }
  throw new AppError('FORBIDDEN', noRightMessage(need, null));
}

function noRightMessage(need: PeopleNeed, sessionId: string | null): string {
  const what: Record<PeopleNeed, string> = {
    owner: 'be an owner',
    admin: 'be an owner or admin',
    self: '',
    read: 'read the chats',
    write: 'write in the chats',
    tags: 'use tags',
    savedReplies: 'manage saved replies',
  };
  return `you may not ${what[need]}${sessionId ? ` of number "${sessionId}"` : ' of any number'}`;
}

/** The session an input names must be one the caller may touch: FORBIDDEN otherwise. */
export function checkSession(
  principal: Principal,
  sessionId: string | null | undefined,
  access?: Access<never>,
  chat?: string | null,
): void {
  if (!sessionId) return;
  if (principal.kind === 'user') {
    const need = access ? peopleNeedOf(access) : 'read';
    if (need === 'self' || need === 'admin' || need === 'owner') return;
    if (!canAccessSession(principal, sessionId, need, chat, access?.filtersChats === true)) {
      throw new AppError('FORBIDDEN', noRightMessage(need, sessionId));
    }
    return;
  }
  if (!canAccessSession(principal, sessionId)) {
    throw new AppError(
      'FORBIDDEN',
      `this key belongs to another session and may not use session "${sessionId}"`,
    );
  }
}

/**
 * The checks on a validated input: the number it names, and the chat (or each of the chats of a
 * bulk action) for an "assigned" reader. Used by RPC operations and REST routes alike.
 */
export function checkInput<Input>(principal: Principal, access: Access<Input>, input: Input): void {
  const session = access.session?.(input);
  const chats = access.chats?.(input);
  if (chats && chats.length > 0) {
    for (const chat of chats) checkSession(principal, session, access as Access<never>, chat);
    return;
  }
  checkSession(principal, session, access as Access<never>, access.chat?.(input));
}

/** Both checks, for a caller whose input is already validated (RPC operations). */
export function authorize<Input>(principal: Principal, access: Access<Input>, input: Input): void {
  checkScope(principal, access as Access<never>);
  checkInput(principal, access, input);
}

/**
 * The app's own UI operations (the contract) are for the desktop window, the browser signed in
 * with the admin key, and signed-in people; other keys use the REST API, whose routes may filter
 * or shape answers per key in ways the UI operations do not.
 */
export function checkUiCaller(principal: Principal): void {
  if (principal.kind === 'session' || principal.kind === 'named') {
    throw new AppError('FORBIDDEN', 'the app UI needs the admin key or a signed-in person');
  }
  if (principal.kind === 'user' && principal.via === 'token') {
    throw new AppError('FORBIDDEN', 'the app UI needs a signed-in person, not a token');
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

/** Events about people, teams and permissions: owners and admins (and keys that manage) only. */
const PEOPLE_EVENTS: ReadonlySet<string> = new Set([
  'user.created',
  'user.updated',
  'user.deleted',
  'team.created',
  'team.updated',
  'team.deleted',
  'permissions.updated',
]);

/**
 * People events an agent sees, so their window follows a change of their own rights without a
 * reload: their own record changing (role, teams, disabled), and the grants of a number they may
 * read changing. The grants of a number they may not read stay hidden, like everything of it.
 */
function isAboutOwnRights(principal: UserPrincipal, event: AnyEventEnvelope): boolean {
  if (event.type === 'user.updated') return event.data.id === principal.userId;
  if (event.type === 'permissions.updated') {
    return event.session !== null && canAccessSession(principal, event.session, 'read');
  }
  return false;
}

/**
 * Whether a principal may see an event: the one filter of the event stream and of webhooks
 * (a webhook sees what its creator could). Events of a session need read on it; app-wide events
 * about people need an admin; settings and other app-wide events are for everyone who reads.
 */
export function canSeeEvent(principal: Principal, event: AnyEventEnvelope): boolean {
  if (PEOPLE_EVENTS.has(event.type)) {
    if (principal.kind === 'user') return isAdminPerson(principal) || isAboutOwnRights(principal, event);
    return principal.kind === 'desktop' || principal.kind === 'admin' || hasScope(principal, 'admin');
  }
  if (principal.kind === 'locked-desktop') return false;
  if (event.session === null) return principal.kind !== 'session';
  return canAccessSession(principal, event.session, 'read', chatOfEvent(event));
}

/** The chat an event is about, for "assigned" readers (null: about the number, not one chat). */
function chatOfEvent(event: AnyEventEnvelope): string | null {
  const data = (event.data ?? {}) as { chat?: unknown; jid?: unknown };
  if (event.type === 'chat.updated') return typeof data.jid === 'string' ? data.jid : null;
  return typeof data.chat === 'string' ? data.chat : null;
}
