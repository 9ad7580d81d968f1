import type { Handlers } from '../../src-shared/contract.js';
import { AppError } from '../../src-shared/errors.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

/** Usage per key: any stored key for owners and admins; a person's own tokens for that person. */
export function keyUsageHandlers({
  keyUsage,
}: Services): Pick<Handlers<RpcContext>, 'keyUsage.ofKey' | 'keyUsage.ofToken'> {
  return {
    'keyUsage.ofKey': ({ id, days }) => {
      if (!keyUsage.keyOf(id)) throw new AppError('NOT_FOUND', `no key "${id}"`, 'id');
      return keyUsage.usage(id, days);
    },
    'keyUsage.ofToken': ({ id, days }, ctx) => {
      const key = keyUsage.keyOf(id);
      const me = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
      if (!key || key.kind !== 'token' || key.userId !== me) {
        throw new AppError('NOT_FOUND', `no token "${id}" of yours`, 'id');
      }
      return keyUsage.usage(id, days);
    },
  };
}
