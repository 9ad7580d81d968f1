import { isErrorBody, type ErrorBody, type ErrorCode } from '../../src-shared/errors';
import { ERROR_TEXT } from '../i18n/error-text';
import { currentIntl, useI18n } from '../i18n/store';

/** An error answered by the core, with its stable code and the field that was wrong. */
export class RpcError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'RpcError';
    this.code = body.code;
    this.field = body.field;
  }

  static from(value: unknown): RpcError {
    if (isErrorBody(value)) return new RpcError(value);
    return new RpcError({
      code: 'INTERNAL',
      message: value instanceof Error ? value.message : 'request failed',
    });
  }
}

/**
 * A user-facing sentence for any error a call may throw, in the person's language. The API's
 * own messages are English and precise, so an English UI shows them as they are; other languages
 * show the sentence for the error's code (ERROR_TEXT), naming the field when there is one.
 */
export function describeError(error: unknown): string {
  const intl = currentIntl();
  if (error instanceof RpcError) {
    if (useI18n.getState().locale === 'en') return error.message;
    return intl.formatMessage({ id: ERROR_TEXT[error.code] }, { field: error.field ?? 'none' });
  }
  if (error instanceof TypeError) return intl.formatMessage({ id: 'errors.unreachable' });
  return error instanceof Error ? error.message : String(error);
}

/**
 * The sentence shown beside a field the core rejected. The core's reason ("must be a phone
 * number in international format") is English, so an English UI shows it without the field's
 * path prefix; other languages say the value is not valid (the field itself is highlighted).
 */
export function describeFieldProblem(error: RpcError): string {
  const field = error.field ?? '';
  if (useI18n.getState().locale === 'en')
    return error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
  return currentIntl().formatMessage({ id: 'errors.fieldInvalid' });
}
