import type Router from '@koa/router';
import type { Context } from 'koa';
import type { z } from 'zod';
import { parseInput } from '../../src-shared/validation.js';
import type { KeyPrincipal } from '../services/api-keys.js';
import { requestBody } from './body.js';
import { idempotencyKeyOf } from './idempotency-header.js';
import { readMultipart, type UploadedForm } from './multipart.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type AnyObjectSchema = z.ZodObject<z.ZodRawShape>;

export interface RouteRequest<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: KeyPrincipal | null;
  /** The `Idempotency-Key` header, on routes that declare `idempotent` (else undefined). */
  idempotencyKey: string | undefined;
  ctx: Context;
}

/**
 * One public REST route. The same definition registers the Koa handler and produces its
 * OpenAPI operation, so the documentation cannot drift from the code.
 */
export interface RouteDef<
  P extends AnyObjectSchema | undefined = AnyObjectSchema | undefined,
  Q extends AnyObjectSchema | undefined = AnyObjectSchema | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: HttpMethod;
  /** Koa-style path below /api/v1, e.g. `/sessions/:id`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** `public` routes need no key (health, OpenAPI, public widget data). */
  auth: 'key' | 'public';
  params?: P;
  query?: Q;
  body?: B;
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
  handler: (request: RouteRequest<Parsed<P>, Parsed<Q>, Parsed<B>>) => Promise<unknown> | unknown;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Keeps the generic types of a route while collecting routes into one list. */
export function defineRoute<
  P extends AnyObjectSchema | undefined = undefined,
  Q extends AnyObjectSchema | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(route: RouteDef<P, Q, B>): RouteDef {
  return route as unknown as RouteDef;
}

export function mountRoutes(router: Router, routes: readonly RouteDef[]): void {
  for (const route of routes) {
    router[route.method](route.path, async (ctx) => {
      const request: RouteRequest<unknown, unknown, unknown> = {
        params: route.params ? parseInput(route.params, ctx.params) : undefined,
        query: route.query ? parseInput(route.query, ctx.query) : undefined,
        body: route.body ? parseInput(route.body, await bodyInput(route, ctx)) : undefined,
        principal: (ctx.state as { principal?: KeyPrincipal }).principal ?? null,
        idempotencyKey: route.idempotent ? idempotencyKeyOf(ctx) : undefined,
        ctx,
      };
      const result = await route.handler(request as never);
      // A handler that wrote ctx.body itself (binary answers) returns undefined.
      if (result !== undefined) ctx.body = result;
      if (ctx.body !== undefined || route.response.status === 204) ctx.status = route.response.status;
    });
  }
}

async function bodyInput(route: RouteDef, ctx: Context): Promise<unknown> {
  if (route.upload && ctx.request.is('multipart/form-data')) return route.upload(await readMultipart(ctx));
  return requestBody(ctx) ?? {};
}
