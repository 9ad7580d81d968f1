import type { Middleware } from 'koa';
import { AppError, type ErrorCode } from '../../src-shared/errors.js';
import type { Logger } from '../core/logger.js';

/** The one place that maps an error code to an HTTP status. */
const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  READ_ONLY_CHAT: 403,
  NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  UNKNOWN_OPERATION: 404,
  NOT_CONNECTED: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  HOST_NOT_ALLOWED: 421,
  WA_NOT_FOUND: 404,
  WA_FORBIDDEN: 403,
  WA_CONNECTION_CLOSED: 409,
  WA_UNAVAILABLE: 502,
  INTERNAL: 500,
};

/** Errors thrown by Koa itself or body parsing carry a status; give them a code too. */
function fromHttpError(error: unknown): AppError | null {
  if (typeof error !== 'object' || error === null || !('status' in error)) return null;
  const status = Number((error as { status: unknown }).status);
  const message = error instanceof Error ? error.message : 'request failed';
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'body: request body is too large', 'body');
  if (status >= 400 && status < 500) return new AppError('VALIDATION_FAILED', message);
  return null;
}

/**
 * Turns every thrown error into `{"error": {code, message, field?}}` with its status.
 * Unexpected errors are logged with their stack and answered without internals.
 */
export function errorMiddleware(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const appError = error instanceof AppError ? error : fromHttpError(error);
      if (appError) {
        ctx.status = HTTP_STATUS[appError.code];
        ctx.body = { error: appError.toBody() };
        return;
      }
      logger.error({ err: error, method: ctx.method, path: ctx.path }, 'request failed');
      ctx.status = 500;
      ctx.body = { error: { code: 'INTERNAL', message: 'internal error; see the logs' } };
    }
  };
}
