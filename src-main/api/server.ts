import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import Koa from 'koa';
import { AppError } from '../../src-shared/errors.js';
import type { EventBus } from '../core/event-bus.js';
import type { Logger } from '../core/logger.js';
import type { AuditRecorder, RpcDispatcher } from '../rpc/dispatcher.js';
import { createConfirmationCheck, type ConfirmationCheck } from '../services/access/confirmation.js';
import type { Services } from '../services/index.js';
import { Authenticator } from './auth.js';
import { BodyBudget, DEFAULT_BODY_BUDGET_BYTES } from './body.js';
import { corsPublic, isCorsPublicPath } from './cors-public.js';
import { docsRouter } from './docs-page.js';
import { EventSocketServer } from './event-socket.js';
import { jsonBytes } from './json-bytes.js';
import { errorMiddleware } from './http-errors.js';
import { buildOpenApi } from './openapi.js';
import { hostGuard, HostAllowList } from './host-guard.js';
import { createRateLimits, type RateLimits } from './rate-limit.js';
import { usageMiddleware } from './usage-middleware.js';
import { mountRoutes } from './route.js';
import { allRoutes } from './routes/index.js';
import { rpcRouter } from './rpc-bridge.js';
import { mediaFilesRouter } from './media-files.js';
import { webUi } from './web-ui.js';
import { widgetFilesRouter } from './widget-files.js';

const API_PREFIX = '/api/v1';
const EVENT_SOCKET_PATHS = new Set(['/rpc/events', `${API_PREFIX}/events`]);

interface ApiServerDeps {
  services: Services;
  dispatcher: RpcDispatcher;
  bus: EventBus;
  logger: Logger;
  version: string;
  webRoot: string;
  /** Host names answered besides IP literals and this machine's own (api/host-guard.ts). */
  hosts?: { publicUrl: string | null; extraHosts: readonly string[] };
  /** The rate limiters (tests pass ones on a frozen clock, so a slow machine cannot refill them). */
  rateLimits?: RateLimits;
}

/**
 * Whether a path belongs to the API, in any spelling a client might try: any case, percent-encoded
 * letters, repeated slashes. Such paths never reach the web UI's fallback; the ones no route
 * matched exactly answer 401 without a key and 404 with one.
 */
function looksLikeApiPath(path: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Keep the raw path: a malformed escape is not an API route either way.
  }
  return /^\/+(api|rpc)(\/|$)/i.test(decoded);
}

/** Paths whose content any website may read: the widget script and the public widget API. */
const isWidgetPublicPath = (path: string) => isCorsPublicPath(path, API_PREFIX);

/** The guards every keyed request passes; shared by the REST routes, `/rpc` and the event stream. */
export interface RequestGuards {
  auth: Authenticator;
  limits: RateLimits;
  budget: BodyBudget;
  audit: AuditRecorder;
  confirmation: ConfirmationCheck;
}

/** The audit log writer of the gates: who did which sensitive thing, from where. */
export function auditRecorder(services: Services): AuditRecorder {
  return (principal, action, target, address, detail) =>
    services.people.audit.record({
      actor: services.actors.of(principal),
      action,
      target,
      address,
      ...(detail ? { detail } : {}),
    });
}

/** The password / admin-key check of operations that cannot be undone (REST and /rpc alike). */
export function confirmationCheck(services: Services): ConfirmationCheck {
  return createConfirmationCheck({
    confirmsIdentity: (userId, secret) => services.people.users.confirmsIdentity(userId, secret),
    audit: auditRecorder(services),
  });
}

export function createRequestGuards(
  services: Services,
  limits: RateLimits = createRateLimits(),
): RequestGuards {
  limits.kinds.follow(() => services.rateLimits.limits());
  return {
    auth: new Authenticator(services.apiKeys, limits.failedAuth, services.people),
    limits,
    budget: new BodyBudget(DEFAULT_BODY_BUDGET_BYTES),
    audit: auditRecorder(services),
    confirmation: confirmationCheck(services),
  };
}

export function createKoaApp(
  deps: ApiServerDeps,
  guards: RequestGuards = createRequestGuards(deps.services),
): Koa {
  const app = new Koa();
  app.proxy = false;
  // Errors Koa meets after the answer could not be sent (a client hung up, a stalled body was cut):
  // into the log, never raw to stderr.
  app.on('error', (error: unknown) => deps.logger.debug({ err: error }, 'connection ended with an error'));
  const routes = allRoutes(deps.services);
  // Built on first request, not at start-up (turning every zod schema into JSON Schema costs
  // a noticeable part of the time to healthy).
  let openApi: ReturnType<typeof buildOpenApi> | null = null;

  // Case-sensitive and strict: a route runs only for its exact path, so the gate that each
  // route carries (api/route.ts) is decided on the very match that runs the handler.
  const api = new Router({ prefix: API_PREFIX, sensitive: true, strict: true });
  api.get('/openapi.json', (ctx) => {
    openApi ??= buildOpenApi(routes, deps.version);
    ctx.body = openApi;
  });
  mountRoutes(api, routes, guards);

  app.use(usageMiddleware(deps.services.keyUsage));
  app.use(jsonBytes()); // outside the error middleware: error answers too
  app.use(errorMiddleware(deps.logger));
  app.use(async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    // Answers may carry keys, secrets and messages: no cache keeps them. Static files set their own.
    ctx.set('Cache-Control', 'no-store');
    await next();
  });
  app.use(
    hostGuard(new HostAllowList(deps.hosts ?? { publicUrl: null, extraHosts: [] }), isWidgetPublicPath),
  );
  app.use(corsPublic(isWidgetPublicPath));
  app.use(api.routes());
  app.use(rpcRouter(deps.dispatcher, guards).routes());
  // Anything else that looks like the API: no route matched it exactly.
  app.use(async (ctx, next) => {
    if (!looksLikeApiPath(ctx.path)) return next();
    guards.auth.principalOf(ctx);
    throw new AppError('NOT_FOUND', 'no such route; see /api/v1/openapi.json');
  });
  app.use(docsRouter().routes());
  app.use(widgetFilesRouter(deps.services.widgets).routes());
  app.use(mediaFilesRouter(deps.services).routes());
  app.use(webUi(deps.webRoot));
  return app;
}

/** The HTTP server: Koa for requests, the event stream for WebSocket upgrades. */
export class ApiServer {
  private readonly server: http.Server;
  private readonly events: EventSocketServer;

  constructor(deps: ApiServerDeps) {
    const guards = createRequestGuards(deps.services, deps.rateLimits);
    this.server = http.createServer(createKoaApp(deps, guards).callback());
    // A slow client must not hold a socket for long: headers within 10 s, the whole request
    // within 2 minutes (a 100 MB upload over a slow LAN fits), and bodies give up after 20 s of
    // silence (api/body.ts).
    this.server.headersTimeout = 10_000;
    this.server.requestTimeout = 120_000;
    // Idle keep-alive sockets close after 30 s, well after the clients scripts use (Node's fetch
    // drops its idle sockets after 4 s): when the server closed first (Node's default is 5 s), a
    // busy PC let a client reuse a socket in the instant it was closing, and the call failed with
    // ECONNRESET.
    this.server.keepAliveTimeout = 30_000;
    const hostAllowList = new HostAllowList(deps.hosts ?? { publicUrl: null, extraHosts: [] });
    this.events = new EventSocketServer({
      auth: guards.auth,
      events: deps.services.events,
      bus: deps.bus,
      logger: deps.logger,
    });
    deps.services.keyRevocations.subscribe((revocation) => this.events.closeKey(revocation));
    this.server.on('upgrade', (request, socket, head) => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      if (EVENT_SOCKET_PATHS.has(path) && hostAllowList.allows(request.headers.host)) {
        this.events.handleUpgrade(request, socket, head);
      } else {
        socket.destroy();
      }
    });
  }

  listen(host: string, port: number): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address() as AddressInfo;
        resolve({ host, port: address.port });
      });
    });
  }

  async close(): Promise<void> {
    this.events.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
