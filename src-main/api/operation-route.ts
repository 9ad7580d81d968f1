import type { Context } from 'koa';
import type { z } from 'zod';
import { contract, type Handlers, type OpName } from '../../src-shared/contract.js';
import { AppError } from '../../src-shared/errors.js';
import { parseInput } from '../../src-shared/validation.js';
import { authorize } from '../services/access/authorizer.js';
import type { Principal } from '../services/access/principal.js';
import type { RpcContext } from '../rpc/context.js';
import { csrfTokenOf } from './auth.js';
import type { UploadedForm } from './multipart.js';
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
  /** Also accept a multipart upload, turned into the JSON body (route.ts `upload`). */
  upload?: (form: UploadedForm) => unknown;
  /**
   * The path and query name no number (`GET /chats`, `GET /search`), though the operation's input
   * may: the route then checks and documents no session (`perSession: false`), as before.
   */
  sessionless?: boolean;
  /**
   * The REST name of an operation input field an error names, where REST's body is flatter
   * (`message.to` → `to`), so a REST caller's 400/403 names the field it sent.
   */
  restField?: (field: string) => string;
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
  const { input: toInput, answer, ...route } = spec;
  const merged = (input: { params: unknown; query: unknown; body: unknown }): unknown =>
    toInput
      ? toInput(input as never)
      : {
          ...(input.params as object | undefined),
          ...(input.query as object | undefined),
          ...(input.body as object | undefined),
        };
  return choiceRoute(
    handlers,
    op,
    { ...route, choose: (request) => ({ op, input: merged(request) }) },
    restContext,
    answer,
  );
}

/** Which operation a REST request runs, and its input (`operationChoiceRoutes`). */
export interface OperationChoice<K extends OpName> {
  op: K;
  input: unknown;
}

export interface ChoiceRouteSpec<K extends OpName> extends Omit<OperationRouteSpec, 'input' | 'answer'> {
  /** The operation this request runs, with its input. */
  choose: (request: { params: never; query: never; body: never }) => OperationChoice<K>;
  /** The REST answer from the chosen operation's (see `OperationRouteSpec.answer`). */
  answer?: (result: never, input: never, op: K) => unknown;
}

/**
 * A REST route that runs one of several operations, chosen by its request, where REST folds
 * them into one path (`POST /sessions/{id}/messages` sends now or, with `sendAt`, schedules). The
 * first operation (`gate`) is checked before the body is read (scope, role, budgets: its
 * `limits` count for every choice); once the input is read, the chosen operation's session and
 * chat are checked, and a chosen operation other than the gate is authorized in full by its
 * own declaration, exactly as /rpc would.
 */
function choiceRoute<K extends OpName>(
  handlers: Pick<Handlers<RpcContext>, K>,
  gate: K,
  spec: Omit<ChoiceRouteSpec<K>, 'answer'>,
  restContext: RestContext,
  answer?: (result: never, input: never, op: K) => unknown,
): RouteDef {
  const {
    session: _session,
    chat: _chat,
    chats: _chats,
    ...base
  } = contract[gate].access as RouteAccess<never, never, never>;
  const { choose, sessionless, restField, ...route } = spec;
  type Declared = {
    session?: (input: unknown) => unknown;
    chat?: (input: unknown) => unknown;
    chats?: (input: unknown) => unknown;
  };
  const declared = <T = string | null | undefined>(request: unknown, part: keyof Declared) => {
    const { op, input } = choose(request as never);
    return (contract[op].access as Declared)[part]?.(input) as T;
  };
  const access: RouteAccess<unknown, unknown, unknown> = {
    ...base,
    // Documented as `perSession` (OpenAPI) only where the gate names a number, as before.
    ...(sessionless || !contract[gate].access.session
      ? {}
      : { session: (request) => declared(request, 'session') }),
    chat: (request) => declared(request, 'chat'),
    chats: (request) => declared<readonly string[] | undefined>(request, 'chats'),
  };
  return defineRoute({
    ...route,
    access,
    handler: async (request: RouteRequest<unknown, unknown, unknown, Principal>) => {
      const chosen = choose(request as never);
      try {
        const input = parseInput(contract[chosen.op].input, chosen.input ?? {});
        if (chosen.op !== gate) authorize(request.principal, contract[chosen.op].access as never, input);
        const handler = handlers[chosen.op] as (input: unknown, ctx: RpcContext) => unknown;
        const context = restContext(request.ctx, request.principal);
        const { idempotencyKey } = request;
        const result = await handler(input, idempotencyKey ? { ...context, idempotencyKey } : context);
        return answer ? answer(result as never, input as never, chosen.op) : result;
      } catch (error) {
        if (!restField || !(error instanceof AppError) || error.field === undefined) throw error;
        const field = restField(error.field);
        // Only a renamed field makes a new error (a subclass's own data stays otherwise).
        if (field === error.field) throw error;
        throw new AppError(error.code, error.message, field);
      }
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

/**
 * `choiceRoute` for one file's routes: `const choice = operationChoiceRoutes(handlers)`, then
 * `choice('messages.search', { …, choose: (request) => ({ op, input }) })`.
 */
export function operationChoiceRoutes<K extends OpName>(handlers: Pick<Handlers<RpcContext>, K>) {
  return (gate: K, spec: ChoiceRouteSpec<K>): RouteDef => {
    const { answer, ...rest } = spec;
    return choiceRoute(handlers, gate, rest, restContext, answer);
  };
}
