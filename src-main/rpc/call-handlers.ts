import type { Handlers } from '../../src-shared/contract.js';
import type { Scope } from '../../src-shared/contract/keys.js';
import type { Services } from '../services/index.js';
import { authorize } from '../services/scopes.js';
import type { RpcContext } from './context.js';

type CallOps = Extract<keyof Handlers<RpcContext>, `calls.${string}`>;

/** The call log and call settings; the same services and scopes as the REST calls routes. */
export function callHandlers({ messaging, sessions }: Services): Pick<Handlers<RpcContext>, CallOps> {
  const guard = (ctx: RpcContext, session: string, scope: Scope) => {
    authorize(ctx.principal, scope, session);
    sessions.get(session);
  };
  return {
    'calls.list': ({ session, limit }, ctx) => {
      guard(ctx, session, 'messages:read');
      return messaging.calls
        .list(session, limit)
        .map((call) => ({ ...call, name: messaging.contacts.displayName(session, call.from) }));
    },
    'calls.settings': ({ session }, ctx) => {
      guard(ctx, session, 'sessions:manage');
      return messaging.callSettings.get(session);
    },
    'calls.updateSettings': ({ session, ...settings }, ctx) => {
      guard(ctx, session, 'sessions:manage');
      return messaging.callSettings.set(session, settings);
    },
  };
}
