import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import Koa from 'koa';
import { AppError } from '../../src-shared/errors.js';
import type { EventBus } from '../core/event-bus.js';
import type { Logger } from '../core/logger.js';
import type { RpcDispatcher } from '../rpc/dispatcher.js';
import type { Services } from '../services/index.js';
import { requireKey } from './auth.js';
import { jsonBody } from './body.js';
import { corsPublic, isCorsPublicPath } from './cors-public.js';
import { docsRouter } from './docs-page.js';
import { EventSocketServer } from './event-socket.js';
import { errorMiddleware } from './http-errors.js';
import { buildOpenApi } from './openapi.js';
import { createRateLimits, rateLimit, type RateLimits } from './rate-limit.js';
import { mountRoutes } from './route.js';
import { allRoutes } from './routes/index.js';
import { rpcRouter } from './rpc-bridge.js';
import { mediaFilesRouter } from './media-files.js';
import { webUi } from './web-ui.js';
import { widgetFilesRouter } from './widget-files.js';

export const API_PREFIX = '/api/v1';
const EVENT_SOCKET_PATHS = new Set(['/rpc/events', `${API_PREFIX}/events`]);

export interface ApiServerDeps {
  services: Services;
  dispatcher: RpcDispatcher;
  bus: EventBus;
  logger: Logger;
  version: string;
  webRoot: string;
}

function isApiPath(path: string): boolean {
  return path === API_PREFIX || path.startsWith(API_PREFIX + '/') || path.startsWith('/rpc/');
}

/** Paths that need no key: everything outside the API, plus health, the OpenAPI document and public widget files. */
function isPublicPath(path: string): boolean {
  if (!isApiPath(path)) return true;
  return (
    path === `${API_PREFIX}/health` ||
    path === `${API_PREFIX}/openapi.json` ||
    path.startsWith(`${API_PREFIX}/public/`)
  );
}

export function createKoaApp(deps: ApiServerDeps, limits: RateLimits = createRateLimits()): Koa {
  const app = new Koa();
  app.proxy = false;
  const routes = allRoutes(deps.services);
  // Built on first request, not at start-up (turning every zod schema into JSON Schema costs
  // a noticeable part of the time to healthy).
  let openApi: ReturnType<typeof buildOpenApi> | null = null;

  const api = new Router({ prefix: API_PREFIX });
  api.get('/openapi.json', (ctx) => {
    openApi ??= buildOpenApi(routes, deps.version);
    ctx.body = openApi;
  });
  mountRoutes(api, routes);
  // Anything else under /api/v1 (already past the key check) is an unknown route.
  api.all('/{*rest}', () => {
    throw new AppError('NOT_FOUND', 'no such route; see /api/v1/openapi.json');
  });

  app.use(errorMiddleware(deps.logger));
  app.use(async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    await next();
  });
  app.use(corsPublic((path) => isCorsPublicPath(path, API_PREFIX)));
  app.use(rateLimit(limits, (path) => !isPublicPath(path)));
  app.use(requireKey(deps.services.apiKeys, isPublicPath));
  app.use(jsonBody());
  app.use(api.routes());
  app.use(api.allowedMethods());
  app.use(rpcRouter(deps.dispatcher).routes());
  app.use(docsRouter().routes());
  app.use(widgetFilesRouter(deps.services.widgets).routes());
  app.use(mediaFilesRouter(deps.services).routes());
  app.use(webUi(deps.webRoot, isApiPath));
  return app;
}

/** The HTTP server: Koa for requests, the event stream for WebSocket upgrades. */
export class ApiServer {
  private readonly server: http.Server;
  private readonly events: EventSocketServer;

  constructor(deps: ApiServerDeps) {
    const limits = createRateLimits();
    this.server = http.createServer(createKoaApp(deps, limits).callback());
    this.events = new EventSocketServer({
      apiKeys: deps.services.apiKeys,
      events: deps.services.events,
      bus: deps.bus,
      logger: deps.logger,
      failedAuth: limits.failedAuth,
    });
    deps.services.keyRevocations.subscribe((revocation) => this.events.closeKey(revocation));
    this.server.on('upgrade', (request, socket, head) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (EVENT_SOCKET_PATHS.has(path)) this.events.handleUpgrade(request, socket, head);
      else socket.destroy();
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
