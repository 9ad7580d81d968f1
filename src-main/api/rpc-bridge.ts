import Router from '@koa/router';
import { AppError } from '../../src-shared/errors.js';
import type { RpcDispatcher } from '../rpc/dispatcher.js';
import { principalOf } from './auth.js';
import { requestBody } from './body.js';

/**
 * `POST /rpc/<operation>` with the JSON input as body: the web UI's way to call the same
 * contract the desktop app calls over IPC. Only the admin key may use it for now.
 */
export function rpcRouter(dispatcher: RpcDispatcher): Router {
  const router = new Router({ prefix: '/rpc' });
  router.post('/:operation', async (ctx) => {
    const principal = principalOf(ctx.state);
    if (principal.kind !== 'admin') throw new AppError('FORBIDDEN', 'the app UI needs the admin key');
    const operation = ctx.params.operation ?? '';
    const result = await dispatcher.call(operation, requestBody(ctx), { transport: 'http', principal });
    ctx.body = { result: result ?? null };
  });
  return router;
}
