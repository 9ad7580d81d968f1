import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

export function rateLimitHandlers({
  rateLimits,
  actors,
}: Services): Pick<Handlers<RpcContext>, 'rateLimits.get' | 'rateLimits.set'> {
  return {
    'rateLimits.get': () => rateLimits.get(),
    'rateLimits.set': (input, ctx) => rateLimits.set(input, actors.of(ctx.principal)),
  };
}
