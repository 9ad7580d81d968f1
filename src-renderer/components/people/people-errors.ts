import { MIN_PASSWORD_LENGTH } from '../../../src-shared/contract/constants/people';
import type { MessageId } from '../../i18n/messages/en';
import { currentIntl } from '../../i18n/store';
import { describeError, RpcError } from '../../transport/rpc-error';

/** A refusal to show beside the field it is about (`field` null: under the form). */
export interface FieldError {
  field: string | null;
  text: string;
}

/**
 * The server's refusals about people, in the reader's language and tied to their field: a taken
 * sign-in name, the last owner, owner-only changes, a wrong current password, a short password.
 * Anything else keeps the general sentence for its error code.
 */
export function peopleError(caught: unknown): FieldError {
  const intl = currentIntl();
  if (!(caught instanceof RpcError)) return { field: null, text: describeError(caught) };
  const field = caught.field ?? null;
  const text = (id: MessageId, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  if (caught.code === 'CONFLICT' && field === 'login') return { field, text: text('team.error.loginTaken') };
  if (caught.code === 'CONFLICT' && field === 'name')
    return { field, text: text('team.error.teamNameTaken') };
  if (caught.code === 'CONFLICT' && (field === 'id' || field === 'role' || field === 'disabled')) {
    return { field, text: text('team.error.lastOwner') };
  }
  if (caught.code === 'FORBIDDEN' && (field === 'id' || field === 'role')) {
    return { field, text: text('team.error.ownerOnly') };
  }
  if (caught.code === 'VALIDATION_FAILED' && field === 'currentPassword') {
    return { field, text: text('team.error.wrongPassword') };
  }
  if (caught.code === 'VALIDATION_FAILED' && (field === 'password' || field === 'newPassword')) {
    return { field, text: text('team.error.passwordTooShort', { min: String(MIN_PASSWORD_LENGTH) }) };
  }
  if (caught.code === 'VALIDATION_FAILED' && field === 'pin') return { field, text: text('team.error.pin') };
  return { field, text: describeError(caught) };
}

/** The error's text when it belongs to `field`, for `aria-describedby` and the line under it. */
export function errorFor(error: FieldError | null, ...fields: string[]): string | null {
  return error && error.field !== null && fields.includes(error.field) ? error.text : null;
}

/** The error's text when no field of the form shows it. */
export function formLevel(error: FieldError | null, shownFields: string[]): string | null {
  return error && (error.field === null || !shownFields.includes(error.field)) ? error.text : null;
}
