import type { Context } from 'koa';
import {
  DEFAULT_RATE_LIMITS,
  type RateLimit,
  type RateLimitKind,
  type RateLimitTable,
} from '../../src-shared/contract/rate-limits.js';
import { isWindowItself, type Principal } from '../services/access/principal.js';
import { isSensitive } from './sensitive-operations.js';
import { rateLimitedError, TokenBucketLimiter } from '../core/token-bucket.js';

const WHAT: Record<RateLimitKind, string> = {
  global: 'too many requests with this key',
  sensitive: 'too many requests of this kind',
  delete: 'too many deletions',
  sendPerKey: 'too many messages sent with this key',
  sendPerNumber: 'too many messages sent from this number',
};

/** `POST /api/v1/sessions/{id}/messages`: the number is in the path. */
export const REST_SEND = /^\/api\/v1\/sessions\/([^/]+)\/messages$/;
/** Contract operations that send a chat message (the number is the input's `session`). */
export const RPC_SENDS = new Set(['messages.send', 'messages.forward']);
/** Contract operations that delete or remove something (REST deletes are every `DELETE`). */
export const RPC_DELETE = /\.(delete|remove|revoke|forget)[A-Z]?\w*$|\.deleteRule$/;

/** A budget taken from: which kind, whose bucket. */
interface Take {
  kind: RateLimitKind;
  bucket: string;
}

/**
 * The budgets by kind (issue #26 point 2), each a token bucket per key on top of the one
 * mechanism (`TokenBucketLimiter`): `limit` requests at once, refilled evenly over the window.
 * Only callers with a valid credential reach it, so wrong keys never use up a key's budget
 * (those count per address in `failedAuth`). The limits come from Settings
 * (`RateLimitSettingsStore`); a changed limit starts that kind's buckets afresh.
 */
export class KindLimits {
  private readonly limiters = new Map<RateLimitKind, { config: RateLimit; limiter: TokenBucketLimiter }>();
  private table: () => RateLimitTable = () => DEFAULT_RATE_LIMITS;

  constructor(private readonly now: () => number = Date.now) {}

  /** Where the limits in force are read (every request; the store keeps them in memory). */
  follow(table: () => RateLimitTable): void {
    this.table = table;
  }

  /** The kinds one request counts against, before its body is read. */
  takesOf(method: string, path: string, principal: Principal): Take[] {
    const bucket = bucketOf(principal);
    const takes: Take[] = [{ kind: 'global', bucket }];
    if (isSensitive(method, path)) takes.push({ kind: 'sensitive', bucket });
    const operation = path.startsWith('/rpc/') ? path.slice('/rpc/'.length) : null;
    if (method === 'DELETE' || (operation && RPC_DELETE.test(operation)))
      takes.push({ kind: 'delete', bucket });
    const restSend = method === 'POST' ? REST_SEND.exec(path) : null;
    if (restSend || (operation && RPC_SENDS.has(operation))) takes.push({ kind: 'sendPerKey', bucket });
    if (restSend?.[1])
      takes.push({ kind: 'sendPerNumber', bucket: `number:${decodeURIComponent(restSend[1])}` });
    return takes;
  }

  /**
   * Takes one token of each budget, or none when one is empty: then 429 with `Retry-After`. The
   * `RateLimit-*` headers describe the budget nearest its end (the one that refused, on a 429).
   */
  take(ctx: Context, takes: readonly Take[]): void {
    if (takes.length === 0) return;
    const limiters = takes.map((take) => ({ ...take, limiter: this.limiter(take.kind) }));
    const refused = limiters
      .map((entry) => ({ ...entry, wait: entry.limiter.waitSeconds(entry.bucket) }))
      .filter((entry) => entry.wait > 0)
      .sort((a, b) => b.wait - a.wait)[0];
    if (refused) {
      setHeaders(ctx, refused.limiter, refused.bucket);
      ctx.set('Retry-After', String(refused.wait));
      throw rateLimitedError(refused.wait, WHAT[refused.kind]);
    }
    for (const entry of limiters) entry.limiter.take(entry.bucket);
    const tightest = limiters
      .map((entry) => ({ ...entry, state: entry.limiter.state(entry.bucket) }))
      .sort((a, b) => a.state.remaining / a.limiter.limit - b.state.remaining / b.limiter.limit)[0]!;
    setHeaders(ctx, tightest.limiter, tightest.bucket);
  }

  private limiter(kind: RateLimitKind): TokenBucketLimiter {
    const config = this.table()[kind];
    const current = this.limiters.get(kind);
    if (current && current.config === config) return current.limiter;
    const limiter = new TokenBucketLimiter(config.limit, config.limit / config.windowSeconds, this.now);
    this.limiters.set(kind, { config, limiter });
    return limiter;
  }
}

function setHeaders(ctx: Context, limiter: TokenBucketLimiter, bucket: string): void {
  const { remaining, resetSeconds } = limiter.state(bucket);
  ctx.set('RateLimit-Limit', String(limiter.limit));
  ctx.set('RateLimit-Remaining', String(remaining));
  ctx.set('RateLimit-Reset', String(resetSeconds));
}

/** Per key; a person's browsers and tokens share one bucket. */
function bucketOf(principal: Principal): string {
  if (principal.kind === 'user') return `user:${principal.userId}`;
  return isWindowItself(principal) ? 'desktop' : principal.keyId;
}

/**
 * Limits a request once its caller is known, before its body is read (REST routes and `/rpc`).
 * A chat send over `/rpc` names its number in the body: `limitRpcSend` counts it after parsing.
 */
export function limitRequest(kinds: KindLimits, ctx: Context, principal: Principal): void {
  kinds.take(ctx, kinds.takesOf(ctx.method, ctx.path, principal));
}

/** The per-number budget of a chat send over `/rpc` (the number is the input's `session`). */
export function limitRpcSend(kinds: KindLimits, ctx: Context, operation: string, input: unknown): void {
  if (!RPC_SENDS.has(operation)) return;
  const session = (input as { session?: unknown } | null)?.session;
  if (typeof session === 'string') kinds.take(ctx, [{ kind: 'sendPerNumber', bucket: `number:${session}` }]);
}
