import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

/** Human-paced group sends, per number (issue #26 point 5); the REST adapter is api/routes/send-pacing.ts. */
export function sendPacingHandlers({
  sessions,
  messaging,
}: Services): Pick<Handlers<RpcContext>, 'sendPacing.get' | 'sendPacing.update'> {
  return {
    'sendPacing.get': ({ session }) => {
      sessions.get(session);
      return messaging.sendPacing.get(session);
    },
    'sendPacing.update': ({ session, groupSends }) => {
      sessions.get(session);
      return messaging.sendPacing.set(session, { groupSends });
    },
  };
}
