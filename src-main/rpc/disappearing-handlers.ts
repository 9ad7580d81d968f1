import type { Handlers } from '../../src-shared/contract.js';
import { toJid } from '../../src-shared/jid.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

/** Disappearing messages in a chat (issue #19); the REST route is an adapter onto this. */
export function disappearingHandlers({
  messaging,
  sessions,
  actors,
}: Services): Pick<Handlers<RpcContext>, 'disappearing.set'> {
  return {
    'disappearing.set': ({ session, chat, seconds }, ctx) => {
      sessions.get(session);
      return messaging.disappearing.set(session, toJid(chat, 'chat'), seconds, actors.of(ctx.principal));
    },
  };
}
