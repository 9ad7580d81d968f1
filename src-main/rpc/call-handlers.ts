import type { Handlers } from '../../src-shared/contract.js';
import { AppError } from '../../src-shared/errors.js';
import { readableSessions } from '../services/access/authorizer.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type CallOps = Extract<keyof Handlers<RpcContext>, `calls.${string}`>;

/** The call log and call settings; the same services and scopes as the REST calls routes. */
export function callHandlers({ messaging, sessions }: Services): Pick<Handlers<RpcContext>, CallOps> {
  // Who may call each operation is declared in the contract and checked by the dispatcher.
  const exists = (session: string) => void sessions.get(session);
  return {
    'calls.list': ({ session, limit }) => {
      exists(session);
      return messaging.calls
        .list(session, limit)
        .map((call) => ({ ...call, name: messaging.contacts.displayName(session, call.from) }));
    },
    'calls.listAll': ({ limit, cursor }, ctx) =>
      messaging.calls.listAcross(readableSessions(ctx.principal), limit, cursor),
    'calls.reject': async ({ session, callId, message }) => {
      exists(session);
      const call = await messaging.calls.reject(session, callId, message ?? null);
      if (!call) throw new AppError('NOT_FOUND', `no call "${callId}"`, 'callId');
      return call;
    },
    'calls.settings': ({ session }) => {
      exists(session);
      return messaging.callSettings.get(session);
    },
    'calls.updateSettings': ({ session, ...settings }) => {
      exists(session);
      return messaging.callSettings.set(session, settings);
    },
  };
}
