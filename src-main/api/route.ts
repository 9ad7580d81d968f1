import type Router from '@koa/router';
import { isAccepted } from '../../src-shared/accepted.js';
import type { Context } from 'koa';
import type { z } from 'zod';
import type { Access } from '../../src-shared/access.js';
import { parseInput } from '../../src-shared/validation.js';
import { checkInput, checkScope } from '../services/access/authorizer.js';
import type { Principal } from '../services/access/principal.js';
import { AUDITED_ROUTES, auditTarget } from '../services/audit/audited-operations.js';
import type { AuditRecorder } from '../rpc/dispatcher.js';
import type { ConfirmationCheck } from '../services/access/confirmation.js';
import type { Authenticator } from './auth.js';
import { LARGE_BODY_LIMIT, readJsonBody, SMALL_BODY_LIMIT, type BodyBudget } from './body.js';
import { idempotencyKeyOf } from './idempotency-header.js';
import { readMultipart, type UploadedForm } from './multipart.js';
import { limitRequest, limitSend, type RateLimits } from './rate-limit.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type AnyObjectSchema = z.ZodObject<z.ZodRawShape>;

/** What a route's `access.session` reads the session from: its validated input. */
interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface RouteRequest<P, Q, B, Caller = Principal> extends RouteInput<P, Q, B> {
  /** Who is calling: the key's principal on keyed routes, null on public ones. */
  principal: Caller;
  /** The `Idempotency-Key` header, on routes that declare `idempotent` (else undefined). */
  idempotencyKey: string | undefined;
  ctx: Context;
}

/** Who may call a keyed route: a scope, whether session keys may, and the session it touches. */
export type RouteAccess<P = unknown, Q = unknown, B = unknown> = Access<RouteInput<P, Q, B>>;

/**
 * One public REST route. The same definition registers the Koa handler and produces its
 * OpenAPI operation, so the documentation cannot drift from the code, and declares who may call
 * it, so authorization runs on the very match that runs the handler.
 */
export interface RouteDef<
  P extends AnyObjectSchema | undefined = AnyObjectSchema | undefined,
  Q extends AnyObjectSchema | undefined = AnyObjectSchema | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  A extends 'public' | RouteAccess<Parsed<P>, Parsed<Q>, Parsed<B>> =
    'public' | RouteAccess<Parsed<P>, Parsed<Q>, Parsed<B>>,
> {
  method: HttpMethod;
  /** Koa-style path below /api/v1, e.g. `/sessions/:id`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /**
   * `public` routes need no key (health, OpenAPI, public widget data). Every other route
   * declares the scope it needs and, where it touches one, the session (src-shared/access.ts).
   */
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** The body may carry media inline (up to LARGE_BODY_LIMIT instead of SMALL_BODY_LIMIT). */
  largeBody?: boolean;
  /**
   * Also accept `multipart/form-data` (a file upload): turns the form into the JSON body the
   * `body` schema validates, so uploads and JSON go through the same checks.
   */
  upload?: (form: UploadedForm) => unknown;
  /**
   * Honours `Idempotency-Key`: the header is validated into `request.idempotencyKey` and
   * documented; the handler passes it to a service that remembers the first answer.
   */
  idempotent?: boolean;
  response: {
    status: number;
    description: string;
    /** JSON body schema; omit for empty or non-JSON answers (then give `contentType`). */
    schema?: z.ZodType;
    contentType?: string;
  };
  handler: (
    request: RouteRequest<Parsed<P>, Parsed<Q>, Parsed<B>, A extends 'public' ? null : Principal>,
  ) => Promise<unknown> | unknown;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Keeps the generic types of a route while collecting routes into one list. */
export function defineRoute<
  P extends AnyObjectSchema | undefined = undefined,
  Q extends AnyObjectSchema | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  A extends 'public' | RouteAccess<Parsed<P>, Parsed<Q>, Parsed<B>> = RouteAccess<
    Parsed<P>,
    Parsed<Q>,
    Parsed<B>
  >,
>(route: RouteDef<P, Q, B, A>): RouteDef {
  return route as unknown as RouteDef;
}

/** What running a keyed route needs besides the route itself. */
interface RouteGuards {
  auth: Authenticator;
  limits: RateLimits;
  budget: BodyBudget;
  /** Records sensitive calls (services/audit/audited-operations.ts) once they succeeded. */
  audit?: AuditRecorder;
  /** Routes that cannot be undone (`access.confirm`): the password / admin key check. */
  confirmation: ConfirmationCheck;
}

/**
 * Registers each route with its gate: a keyed route authenticates the caller (401/429), checks
 * the declared scope (403) before reading any body, parses the input (400), checks the session
 * the input names (403), and only then runs the handler. A public route runs without a principal.
 */
export function mountRoutes(router: Router, routes: readonly RouteDef[], guards: RouteGuards): void {
  for (const route of routes) {
    router[route.method](route.path, async (ctx) => {
      const access = route.access;
      let principal: Principal | null = null;
      if (access !== 'public') {
        principal = guards.auth.principalOf(ctx);
        checkScope(principal, access as RouteAccess<never, never, never>);
        limitRequest(guards.limits.kinds, ctx, principal, access as Access<never>);
      }
      const input: RouteInput<unknown, unknown, unknown> = {
        params: route.params ? parseInput(route.params, ctx.params) : undefined,
        query: route.query ? parseInput(route.query, ctx.query) : undefined,
        body: route.body ? parseInput(route.body, await bodyInput(route, ctx, guards.budget)) : undefined,
      };
      if (principal && access !== 'public') {
        limitSend(guards.limits.kinds, ctx, principal, access as Access<never>, input);
        checkInput(principal, access as Access<never>, input as never);
        if (access.confirm) {
          await guards.confirmation({
            principal,
            operation: `${route.method.toUpperCase()} ${route.path}`,
            input: { ...(input.query as object), ...(input.body as object) },
            target: auditTarget({ ...(input.params as object), ...(input.body as object) }),
            address: ctx.socket.remoteAddress ?? null,
          });
        }
      }
      const request: RouteRequest<unknown, unknown, unknown, Principal | null> = {
        ...input,
        principal,
        idempotencyKey: route.idempotent ? idempotencyKeyOf(ctx) : undefined,
        ctx,
      };
      const result = await route.handler(request as never);
      const action = AUDITED_ROUTES[`${route.method.toUpperCase()} ${route.path}`];
      if (action && principal) {
        const target = auditTarget({ ...(input.params as object), ...(input.body as object) });
        guards.audit?.(principal, action, target, ctx.socket.remoteAddress ?? null);
      }
      // A handler that wrote ctx.body itself (binary answers) returns undefined.
      if (result !== undefined) ctx.body = result;
      // A service may accept work it finishes later (a paced group send): 202 instead.
      if (isAccepted(result)) ctx.status = 202;
      else if (ctx.body !== undefined || route.response.status === 204) ctx.status = route.response.status;
    });
  }
}

async function bodyInput(route: RouteDef, ctx: Context, budget: BodyBudget): Promise<unknown> {
  if (route.upload && ctx.request.is('multipart/form-data')) {
    return route.upload(await readMultipart(ctx, budget));
  }
  const limit = route.largeBody ? LARGE_BODY_LIMIT : SMALL_BODY_LIMIT;
  return (await readJsonBody(ctx, limit, budget)) ?? {};
}
