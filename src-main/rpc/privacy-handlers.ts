import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type PrivacyOps = Extract<keyof Handlers<RpcContext>, `privacy.${string}` | `blocklist.${string}`>;

/** Privacy settings and the block list; the same service and access as the REST routes. */
export function privacyHandlers({ privacy, actors }: Services): Pick<Handlers<RpcContext>, PrivacyOps> {
  return {
    'privacy.get': ({ session }) => privacy.get(session),
    'privacy.update': ({ session, ...change }, ctx) =>
      privacy.update(session, change, actors.of(ctx.principal)),
    'blocklist.list': ({ session }) => privacy.blocklist(session),
    'blocklist.set': ({ session, jid, blocked }, ctx) =>
      privacy.setBlocked(session, jid, blocked, actors.of(ctx.principal)),
  };
}
