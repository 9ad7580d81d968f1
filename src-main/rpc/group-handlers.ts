import type { Handlers } from '../../src-shared/contract.js';
import { toJid } from '../../src-shared/jid.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type GroupOps = Extract<keyof Handlers<RpcContext>, `groupInfo.${string}`>;

/** The group-info panel's operations: the same group service and checks as the REST group routes. */
export function groupHandlers({ messaging, sessions }: Services): Pick<Handlers<RpcContext>, GroupOps> {
  const { groups } = messaging;
  const group = (session: string, chat: string) => {
    sessions.get(session);
    return toJid(chat, 'chat');
  };
  return {
    'groupInfo.get': ({ session, chat }) => groups.info(session, group(session, chat)),
    'groupInfo.members': async ({ session, chat, action, participants }) => ({
      items: await groups.participantsAction(session, group(session, chat), participants, action),
    }),
    'groupInfo.update': async ({ session, chat, subject, description }) => {
      const jid = group(session, chat);
      await groups.update(session, jid, { subject, description });
      return groups.info(session, jid);
    },
    'groupInfo.invite': ({ session, chat }) => groups.inviteLink(session, group(session, chat)),
    'groupInfo.revokeInvite': ({ session, chat }) => groups.revokeInvite(session, group(session, chat)),
    'groupInfo.leave': async ({ session, chat }) => {
      await groups.leave(session, group(session, chat));
      return { ok: true as const };
    },
  };
}
