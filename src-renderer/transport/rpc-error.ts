import { isErrorBody, type ErrorBody, type ErrorCode } from '../../src-shared/errors';

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

/** A user-facing sentence for any error a call may throw. */
export function describeError(error: unknown): string {
  if (error instanceof RpcError) return error.message;
  if (error instanceof TypeError) return 'Chatdock is not reachable. Is it still running?';
  return error instanceof Error ? error.message : String(error);
}
