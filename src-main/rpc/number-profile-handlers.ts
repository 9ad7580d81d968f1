import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type ProfileOps = Extract<keyof Handlers<RpcContext>, `numberProfile.${string}`>;

/** A number's own WhatsApp profile; the same service and access as the REST profile routes. */
export function numberProfileHandlers({
  numberProfile,
  actors,
}: Services): Pick<Handlers<RpcContext>, ProfileOps> {
  return {
    'numberProfile.get': ({ session }) => numberProfile.get(session),
    'numberProfile.update': ({ session, ...change }, ctx) =>
      numberProfile.update(session, change, actors.of(ctx.principal)),
  };
}
