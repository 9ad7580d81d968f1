import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type AutomationOps = Extract<keyof Handlers<RpcContext>, `automation.${string}`>;

/** The Automation page and the conversation's pause banner; the same service as the REST routes. */
export function automationHandlers({ automation }: Services): Pick<Handlers<RpcContext>, AutomationOps> {
  return {
    'automation.get': ({ session }) => automation.view(session),
    'automation.update': ({ session, settings }) => automation.update(session, settings),
    'automation.test': ({ session, input }) => automation.test(session, input),
    'automation.chatState': ({ session, chat }) => automation.chatState(session, chat),
    'automation.resume': ({ session, chat }) => automation.resume(session, chat),
    'automation.senders': ({ session, chat }) => automation.senders(session, chat),
  };
}
