import type { Context } from 'koa';
import {
  DEFAULT_RATE_LIMITS,
  type RateLimit,
  type RateLimitKind,
  type RateLimitTable,
} from '../../src-shared/contract/rate-limits.js';
import type { Access, LimitKind } from '../../src-shared/access.js';
import { isWindowItself, type Principal } from '../services/access/principal.js';
import { rateLimitedError, TokenBucketLimiter } from '../core/token-bucket.js';

const WHAT: Record<RateLimitKind, string> = {
  global: 'too many requests with this key',
  sensitive: 'too many requests of this kind',
  delete: 'too many deletions',
  sendPerKey: 'too many messages sent with this key',
  sendPerNumber: 'too many messages sent from this number',
};

/**
 * The budgets an operation or route declares (`Access.limits`), with what follows from the rest of
 * its declaration: every `confirm` operation is sensitive, every REST `DELETE` a deletion.
 */
export function declaredLimits(access: Access<never>, method?: string): Set<LimitKind> {
  const declared = new Set<LimitKind>(access.limits ?? []);
  if (access.confirm) declared.add('sensitive');
  if (method === 'DELETE') declared.add('delete');
  return declared;
}

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

  /**
   * The kinds one request counts against, before its body is read: what its operation or route
   * declares (`Access.limits`; every `confirm` operation is sensitive, every REST `DELETE` a
   * deletion). A send's budgets wait for its input (`sendTakes`).
   */
  takesOf(access: Access<never>, principal: Principal, method?: string): Take[] {
    const bucket = bucketOf(principal);
    const declared = declaredLimits(access, method);
    const takes: Take[] = [{ kind: 'global', bucket }];
    if (declared.has('sensitive')) takes.push({ kind: 'sensitive', bucket });
    if (declared.has('delete')) takes.push({ kind: 'delete', bucket });
    return takes;
  }

  /**
   * A send's budgets, once its input names the number (`Access.session`): per key and per
   * number, taken together so a send refused by one uses up neither.
   */
  sendTakes(access: Access<never>, principal: Principal, input: unknown): Take[] {
    if (!access.limits?.includes('send')) return [];
    const takes: Take[] = [{ kind: 'sendPerKey', bucket: bucketOf(principal) }];
    let session: unknown;
    try {
      session = access.session ? (access.session as (input: unknown) => unknown)(input) : null;
    } catch {
      session = null; // an input too malformed to name a number: the operation's validation answers 400
    }
    if (typeof session === 'string') takes.push({ kind: 'sendPerNumber', bucket: `number:${session}` });
    return takes;
  }

  /**
   * Takes one token of each budget, or none when one is empty: then 429 with `Retry-After`. The
   * `RateLimit-*` headers describe the budget nearest its end (the one that refused, on a 429).
   */
  take(ctx: Context, takes: readonly Take[]): void {
    if (takes.length === 0) return;
    // Loops, not map/filter/sort chains: every keyed request passes here. Ties go to the first
    // take, as a stable sort would.
    const limiters = takes.map((take) => ({ ...take, limiter: this.limiter(take.kind) }));
    let refused: { limiter: TokenBucketLimiter; bucket: string; kind: RateLimitKind; wait: number } | null =
      null;
    for (const entry of limiters) {
      const wait = entry.limiter.waitSeconds(entry.bucket);
      if (wait > (refused?.wait ?? 0)) refused = { ...entry, wait };
    }
    if (refused) {
      setHeaders(ctx, refused.limiter, refused.limiter.state(refused.bucket));
      ctx.set('Retry-After', String(refused.wait));
      throw rateLimitedError(refused.wait, WHAT[refused.kind]);
    }
    for (const entry of limiters) entry.limiter.take(entry.bucket);
    let tightest: { limiter: TokenBucketLimiter; state: BucketState } | null = null;
    for (const { limiter, bucket } of limiters) {
      const state = limiter.state(bucket);
      if (!tightest || state.remaining / limiter.limit < tightest.state.remaining / tightest.limiter.limit)
        tightest = { limiter, state };
    }
    if (tightest) setHeaders(ctx, tightest.limiter, tightest.state);
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

type BucketState = ReturnType<TokenBucketLimiter['state']>;

function setHeaders(
  ctx: Context,
  limiter: TokenBucketLimiter,
  { remaining, resetSeconds }: BucketState,
): void {
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
 * Limits a request once its caller is known, before its body is read (REST routes and `/rpc`),
 * by what its route or operation declares.
 */
export function limitRequest(
  kinds: KindLimits,
  ctx: Context,
  principal: Principal,
  access: Access<never>,
): void {
  // Usage per key classifies the request by the same declaration (usage-middleware.ts).
  (ctx.state as { access?: Access<never> }).access = access;
  kinds.take(ctx, kinds.takesOf(access, principal, ctx.method));
}

/** The budgets of a chat send, once its input is read (the number it names). */
export function limitSend(
  kinds: KindLimits,
  ctx: Context,
  principal: Principal,
  access: Access<never>,
  input: unknown,
): void {
  kinds.take(ctx, kinds.sendTakes(access, principal, input));
}
