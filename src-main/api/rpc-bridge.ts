import Router from '@koa/router';
import type { RpcDispatcher } from '../rpc/dispatcher.js';
import { csrfTokenOf, type Authenticator } from './auth.js';
import { LARGE_BODY_LIMIT, readJsonBody, type BodyBudget } from './body.js';
import { limitRequest, limitRpcSend, type RateLimits } from './rate-limit.js';

/**
 * `POST /rpc/<operation>` with the JSON input as body: the web UI's way to call the same
 * contract the desktop app calls over IPC. The caller is authenticated and the operation's
 * access checked before the body is read (the UI may send media inline, hence the large limit).
 */
export function rpcRouter(
  dispatcher: RpcDispatcher,
  guards: { auth: Authenticator; limits: RateLimits; budget: BodyBudget },
): Router {
  const router = new Router({ prefix: '/rpc', sensitive: true, strict: true });
  router.post('/:operation', async (ctx) => {
    const principal = guards.auth.principalOf(ctx);
    const context = {
      transport: 'http' as const,
      principal,
      csrfToken: csrfTokenOf(ctx),
      address: ctx.socket.remoteAddress ?? null,
    };
    const operation = dispatcher.precheck(ctx.params.operation ?? '', context);
    limitRequest(guards.limits.kinds, ctx, context.principal);
    const input = await readJsonBody(ctx, LARGE_BODY_LIMIT, guards.budget);
    limitRpcSend(guards.limits.kinds, ctx, ctx.params.operation ?? '', input);
    const result = await dispatcher.call(operation, input, context);
    ctx.body = { result: result ?? null };
  });
  return router;
}
