import { AppError } from '../../../src-shared/errors.js';
import { checkRecordSession, isAdminPerson } from './authorizer.js';
import type { Principal } from './principal.js';

/**
 * Records a person may own (webhooks, issue #26 point 12): what the authorizer decides for them.
 * Owners and admins, the admin key, named keys and the desktop see and manage every such record;
 * a session key those of its own number (as before owners existed); an agent only their own.
 */
export interface OwnedRecord {
  session: string | null;
  owner: { id: string } | null;
}

/** The person a record created by this caller belongs to: people own theirs, keys own nothing. */
export function ownerIdOf(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.userId : null;
}

/** Whether a list shows this record to the caller (the same rule as `checkOwnedRecord`). */
export function seesOwnedRecord(principal: Principal, record: OwnedRecord): boolean {
  if (principal.kind === 'session') return record.session === principal.sessionId;
  if (principal.kind === 'user' && !isAdminPerson(principal)) return record.owner?.id === principal.userId;
  return true;
}

/** FORBIDDEN unless the caller may see and change the record. */
export function checkOwnedRecord(principal: Principal, record: OwnedRecord): void {
  if (principal.kind === 'user') {
    if (!seesOwnedRecord(principal, record)) {
      throw new AppError('FORBIDDEN', 'this belongs to someone else: only its owner or an admin may use it');
    }
    return;
  }
  checkRecordSession(principal, record.session);
}
