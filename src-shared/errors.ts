/**
 * Stable error codes shared by the REST API, the RPC bridge and the UI.
 * The HTTP status for each code is decided in one place: src-main/api/http-errors.ts.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'SESSION_NOT_FOUND',
  'NOT_CONNECTED',
  'READ_ONLY_CHAT',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'HOST_NOT_ALLOWED',
  /** WhatsApp answered "item-not-found" (a group that does not exist, …). */
  'WA_NOT_FOUND',
  /** WhatsApp answered "forbidden" / "not-authorized" (not a member any more, not an admin). */
  'WA_FORBIDDEN',
  /** The connection to WhatsApp closed while the request was under way. */
  'WA_CONNECTION_CLOSED',
  /** WhatsApp failed the request otherwise, or did not answer in time. */
  'WA_UNAVAILABLE',
  'UNKNOWN_OPERATION',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The JSON body of every error response: `{"error": {...}}`. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Dotted path of the input field that is wrong, when one is. */
  field?: string;
}

/** The one error type services throw on purpose. Anything else is reported as INTERNAL. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }

  toBody(): ErrorBody {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}
