import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type KeyOps = Extract<keyof Handlers<RpcContext>, `keys.${string}`>;

export function keyHandlers({ namedKeys }: Services): Pick<Handlers<RpcContext>, KeyOps> {
  return {
    'keys.list': () => ({ items: namedKeys.list(), next: null }),
    'keys.create': (input) => namedKeys.create(input),
    'keys.revoke': ({ id }) => namedKeys.revoke(id),
  };
}
