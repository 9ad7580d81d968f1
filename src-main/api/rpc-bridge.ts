import Router from '@koa/router';
import type { Access } from '../../src-shared/access.js';
import { contract } from '../../src-shared/contract.js';
import type { RpcDispatcher } from '../rpc/dispatcher.js';
import { csrfTokenOf, type Authenticator } from './auth.js';
import { LARGE_BODY_LIMIT, readJsonBody, type BodyBudget } from './body.js';
import { limitRequest, limitSend, type RateLimits } from './rate-limit.js';

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
    // The budgets are the operation's own declaration (`Access.limits`), as for REST routes.
    const access = contract[operation].access as Access<never>;
    limitRequest(guards.limits.kinds, ctx, context.principal, access);
    const input = await readJsonBody(ctx, LARGE_BODY_LIMIT, guards.budget);
    limitSend(guards.limits.kinds, ctx, context.principal, access, input);
    const result = await dispatcher.call(operation, input, context);
    ctx.body = { result: result ?? null };
  });
  return router;
}
