import type { Middleware } from 'koa';
import type { Access } from '../../src-shared/access.js';
import { isWindowItself, type Principal } from '../services/access/principal.js';
import type { KeyUsageCounter } from '../services/access/key-usage.js';
import { usageKindOf } from './usage-kind.js';

/** The key a principal came with: API keys and personal tokens (not sign-in cookies, not the desktop). */
function keyIdOf(principal: Principal): string | null {
  if (principal.kind === 'user') return principal.via === 'token' ? principal.credentialId : null;
  return isWindowItself(principal) ? null : principal.keyId;
}

/**
 * Counts every answered request of a valid key (usage per key, issue #26 point 3). Placed before
 * the error middleware, so it sees the final status of errors too; requests whose key was wrong
 * have no principal and count against nobody.
 */
export function usageMiddleware(usage: KeyUsageCounter): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } finally {
      const state = ctx.state as { principal?: Principal; access?: Access<never> };
      const principal = state.principal;
      const keyId = principal ? keyIdOf(principal) : null;
      // The socket is gone when the body guard cut the connection; the request still counts.
      const socket = ctx.socket as typeof ctx.socket | null;
      if (keyId)
        usage.record(
          keyId,
          usageKindOf(ctx.method, ctx.path, state.access),
          ctx.status,
          socket?.remoteAddress ?? null,
        );
    }
  };
}
