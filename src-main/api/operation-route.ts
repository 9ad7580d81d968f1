import type { Context } from 'koa';
import type { z } from 'zod';
import { contract, type Handlers, type OpName } from '../../src-shared/contract.js';
import { parseInput } from '../../src-shared/validation.js';
import type { Principal } from '../services/access/principal.js';
import type { RpcContext } from '../rpc/context.js';
import { csrfTokenOf } from './auth.js';
import { selfOrigin } from './widget-files.js';
import { defineRoute, type HttpMethod, type RouteAccess, type RouteDef, type RouteRequest } from './route.js';

type AnyObjectSchema = z.ZodObject<z.ZodRawShape>;

export interface OperationRouteSpec {
  method: HttpMethod;
  path: string;
  tag: string;
  summary: string;
  description?: string;
  params?: AnyObjectSchema;
  query?: AnyObjectSchema;
  body?: z.ZodType;
  /** The body may carry media inline (route.ts `largeBody`). */
  largeBody?: boolean;
  /**
   * Honours `Idempotency-Key` (route.ts `idempotent`): the header is read and documented here,
   * an HTTP concern, and handed to the operation's handler as `RpcContext.idempotencyKey`.
   */
  idempotent?: boolean;
  response: { status: number; description: string; schema?: z.ZodType };
  /**
   * The operation's input from the request, where the REST names differ from the operation's
   * (`/sessions/:id/…` → `session`, `:noteId` → `id`). Default: params, query and body merged.
   */
  input?: (request: { params: never; query: never; body: never }) => unknown;
  /**
   * The REST answer from the operation's (and its validated input), where REST's shape is older
   * (`next: null` on lists, a cursor from the page's size).
   */
  answer?: (result: never, input: never) => unknown;
}

/** The RPC context of a REST call: the same principal, and the cookie's CSRF token for `people.me`. */
export type RestContext = (ctx: Context, principal: Principal) => RpcContext;

/**
 * A REST route that is a thin adapter onto a contract operation: its access is the operation's
 * own declaration (so the one authorizer decides the same for REST and /rpc), its params, query
 * and body are merged into the operation's input and validated by the operation's schema, and
 * the operation's handler answers. Only HTTP concerns (path, status, documentation) live here.
 */
export function operationRoute<K extends OpName>(
  handlers: Pick<Handlers<RpcContext>, K>,
  op: K,
  spec: OperationRouteSpec,
  restContext: RestContext,
): RouteDef {
  const { session, chat, ...base } = contract[op].access as RouteAccess<never, never, never> & {
    session?: (input: unknown) => string | null | undefined;
    chat?: (input: unknown) => string | null | undefined;
  };
  const { input: toInput, answer, ...route } = spec;
  const merged = (input: { params: unknown; query: unknown; body: unknown }): unknown =>
    toInput
      ? toInput(input as never)
      : {
          ...(input.params as object | undefined),
          ...(input.query as object | undefined),
          ...(input.body as object | undefined),
        };
  const access: RouteAccess<unknown, unknown, unknown> = {
    ...base,
    ...(session ? { session: (input) => session(merged(input)) } : {}),
    ...(chat ? { chat: (input) => chat(merged(input)) } : {}),
  };
  return defineRoute({
    ...route,
    access,
    handler: async (request: RouteRequest<unknown, unknown, unknown, Principal>) => {
      const input = parseInput(contract[op].input, merged(request) ?? {});
      const handler = handlers[op] as (input: unknown, ctx: RpcContext) => unknown;
      const context = restContext(request.ctx, request.principal);
      const { idempotencyKey } = request;
      const result = await handler(input, idempotencyKey ? { ...context, idempotencyKey } : context);
      return answer ? answer(result as never, input as never) : result;
    },
  } as never);
}

/**
 * The RPC context of a REST call: the caller, its address, a cookie's CSRF token, and the origin
 * the request reached (links the answer gives, e.g. a widget snippet, point where the caller came).
 */
export const restContext: RestContext = (ctx, principal) => ({
  transport: 'http',
  principal,
  csrfToken: csrfTokenOf(ctx),
  address: ctx.socket.remoteAddress ?? null,
  origin: selfOrigin(ctx),
});

/**
 * `operationRoute` for one file's routes: `const route = operationRoutes(handlers)`, then
 * `route('notes.list', { method, path, … })`.
 */
export function operationRoutes<K extends OpName>(handlers: Pick<Handlers<RpcContext>, K>) {
  return (op: K, spec: OperationRouteSpec): RouteDef => operationRoute(handlers, op, spec, restContext);
}
