import type { Handlers } from '../../src-shared/contract.js';
import { toJid } from '../../src-shared/jid.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type ContactPresenceOps = Extract<keyof Handlers<RpcContext>, `contactPresence.${string}`>;

/** A customer's presence for the chat header (services/presence/contact-presence.ts). */
export function contactPresenceHandlers({
  messaging,
  sessions,
}: Services): Pick<Handlers<RpcContext>, ContactPresenceOps> {
  return {
    'contactPresence.watch': ({ session, chat }) => {
      sessions.get(session);
      return messaging.contactPresence.watch(session, toJid(chat, 'chat'));
    },
  };
}
