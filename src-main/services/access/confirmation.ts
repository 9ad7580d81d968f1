import { AppError } from '../../../src-shared/errors.js';
import type { Principal } from './principal.js';

/**
 * Operations that cannot be undone (`Access.confirm`: deleting or logging out a number, rotating
 * the admin key, deleting a person, restoring a backup) ask for more than the right to call them:
 *
 * - every caller sends `confirm: true` (the input schema refuses anything else, naming `confirm`);
 * - an API key or personal token needs the `admin` scope (checked with the scope, before the body
 *   is read: `authorizer.checkScope`);
 * - a person signed in by browser or on the desktop gives their own password again, so a browser
 *   left open is not enough to destroy data;
 * - the desktop window with nobody chosen is the PC's owner: `confirm` is enough.
 *
 * Both ways in (REST routes in `api/route.ts`, `/rpc` and IPC in `rpc/dispatcher.ts`) call
 * `ConfirmationCheck` after the input is validated and before the handler runs. Each decision is
 * written to the audit log (`confirm.passed`, `confirm.failed`), besides the operation's own entry.
 */

/** How a caller confirmed: for the audit log. */
export type ConfirmedBy = 'password' | 'admin-key' | 'desktop';

/** Whether a caller confirms with its key alone (keys and personal tokens), not with a password. */
export function confirmsByKey(principal: Principal): boolean {
  if (principal.kind === 'desktop') return false;
  if (principal.kind === 'user') return principal.via === 'token';
  return true;
}

export interface ConfirmationDeps {
  /** Whether the secret is this person's password (services/people/users.ts `confirmsIdentity`). */
  confirmsIdentity(userId: string, secret: string): Promise<boolean>;
  /** Writes one audit entry (the gates' recorder, so the actor is named the same way). */
  audit(
    principal: Principal,
    action: 'confirm.passed' | 'confirm.failed',
    target: string | null,
    address: string | null,
    detail: Record<string, unknown>,
  ): void;
}

/** Checks one call; throws VALIDATION_FAILED naming `password` when a person's is missing or wrong. */
export type ConfirmationCheck = (call: {
  principal: Principal;
  /** The contract operation or `METHOD /path` of the route, for the audit log. */
  operation: string;
  input: { confirm?: unknown; password?: unknown };
  target: string | null;
  address: string | null;
}) => Promise<ConfirmedBy>;

export function createConfirmationCheck(deps: ConfirmationDeps): ConfirmationCheck {
  return async ({ principal, operation, input, target, address }) => {
    // The schema already demands it; checked again so no route can forget the field.
    if (input.confirm !== true) {
      throw new AppError('VALIDATION_FAILED', 'confirm: must be true: this cannot be undone', 'confirm');
    }
    const by = await confirmedBy(principal, input.password, deps);
    if (by === null) {
      deps.audit(principal, 'confirm.failed', target, address, { operation, reason: 'wrong password' });
      throw new AppError('VALIDATION_FAILED', 'password: the password is not right', 'password');
    }
    deps.audit(principal, 'confirm.passed', target, address, { operation, by });
    return by;
  };
}

async function confirmedBy(
  principal: Principal,
  password: unknown,
  deps: ConfirmationDeps,
): Promise<ConfirmedBy | null> {
  if (principal.kind === 'desktop') return 'desktop';
  // The scope was checked before the body was read (authorizer.checkScope).
  if (confirmsByKey(principal)) return 'admin-key';
  if (principal.kind !== 'user') return null;
  if (typeof password !== 'string' || !password) {
    throw new AppError(
      'VALIDATION_FAILED',
      'password: type your password again to confirm (this cannot be undone)',
      'password',
    );
  }
  return (await deps.confirmsIdentity(principal.userId, password)) ? 'password' : null;
}
