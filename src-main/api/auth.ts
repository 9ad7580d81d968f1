import type { IncomingHttpHeaders } from 'node:http';
import type { Middleware } from 'koa';
import { AppError } from '../../src-shared/errors.js';
import type { ApiKeyService, KeyPrincipal } from '../services/api-keys.js';

/** The key a request presents: `Authorization: Bearer <key>`, `X-Api-Key: <key>` or `Token: <key>`. */
export function presentedKey(headers: IncomingHttpHeaders): string | null {
  const authorization = headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match?.[1]) return match[1].trim();
  }
  for (const name of ['x-api-key', 'token'] as const) {
    const value = headers[name];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

export interface AuthState {
  principal: KeyPrincipal;
}

/**
 * Requires a valid key on every request it guards and puts its principal in `ctx.state`.
 * `isPublic` names the few paths that need none (health, the OpenAPI document, public widget files).
 */
export function requireKey(apiKeys: ApiKeyService, isPublic: (path: string) => boolean): Middleware {
  return async (ctx, next) => {
    if (isPublic(ctx.path)) return next();
    const key = presentedKey(ctx.headers);
    if (!key) {
      throw new AppError('UNAUTHORIZED', 'an API key is required: send "Authorization: Bearer <key>"');
    }
    const principal = apiKeys.verify(key);
    if (!principal) throw new AppError('UNAUTHORIZED', 'the API key is not valid or has been revoked');
    (ctx.state as Partial<AuthState>).principal = principal;
    return next();
  };
}

export function principalOf(state: unknown): KeyPrincipal {
  const principal = (state as Partial<AuthState>).principal;
  if (!principal) throw new AppError('UNAUTHORIZED', 'an API key is required');
  return principal;
}
