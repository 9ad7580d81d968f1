import type { Scope } from '../../../src-shared/contract/keys.js';
import type { ReadLevel, UserRole } from '../../../src-shared/contract/people.js';
import type { KeyPrincipal } from './api-keys.js';

/**
 * The window of the desktop app, calling over Electron IPC: the PC's owner. It is a principal of
 * its own, given only by the IPC transport; a request that carries no principal never runs.
 */
interface DesktopPrincipal {
  kind: 'desktop';
}

export const DESKTOP: DesktopPrincipal = Object.freeze({ kind: 'desktop' });

/**
 * The desktop window while it is locked ("Ask who is using this PC" on, nobody chosen): nobody's
 * rights. The authorizer lets it run only the operations that declare `desktopOnly` (the
 * switcher's) and refuses it everything else; it sees no event and no number.
 */
interface LockedDesktopPrincipal {
  kind: 'locked-desktop';
}

export const LOCKED_DESKTOP: LockedDesktopPrincipal = Object.freeze({ kind: 'locked-desktop' });

/** The desktop window as itself (owner's or locked), not a key and not a person seated at it. */
export function isWindowItself(principal: Principal): principal is DesktopPrincipal | LockedDesktopPrincipal {
  return principal.kind === 'desktop' || principal.kind === 'locked-desktop';
}

/** One person's rights on one number (the union of their own grant and their teams'). */
export interface NumberRights {
  read: ReadLevel;
  write: boolean;
  canUseTags: boolean;
  canManageSavedReplies: boolean;
}

/**
 * A person's current rights, read when asked (not copied at sign-in), so a permission change
 * applies to open browsers and event streams at once. Owners and admins have every right on
 * every number; `on` answers for agents only.
 */
export interface Grants {
  /** The person's role now (a change applies to open streams too). */
  role(): UserRole;
  on(sessionId: string): NumberRights;
  /** Every number with any grant, for filtering lists. */
  numbers(): ReadonlyMap<string, NumberRights>;
  /**
   * Whether a chat is the person's to see when their read is "assigned": assigned to them, or
   * to one of their teams with no person yet (issue #16). Read live from the chat row.
   */
  seesChat(sessionId: string, chatJid: string): boolean;
  /** The person's team ids now (for the inbox views). */
  teams(): readonly string[];
}

/** A signed-in person: a browser cookie, a personal token, or the desktop switcher. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  name: string;
  /** The role when the request began; decisions read `grants.role()`. */
  role: UserRole;
  via: 'cookie' | 'token' | 'desktop';
  /** The sign-in session (cookie) or the token's key id; null on the desktop. */
  credentialId: string | null;
  /** A token's narrowing: only these scopes (null: all the person may do). */
  tokenScopes: readonly Scope[] | null;
  grants: Grants;
}

/** Who is calling: a key (admin, session or named), a person, or the desktop window (locked or not). */
export type Principal = KeyPrincipal | DesktopPrincipal | LockedDesktopPrincipal | UserPrincipal;
