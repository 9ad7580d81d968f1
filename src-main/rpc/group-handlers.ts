import type { Handlers } from '../../src-shared/contract.js';
import { toJid } from '../../src-shared/jid.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type GroupOps = Extract<keyof Handlers<RpcContext>, `groupInfo.${string}` | `groups.${string}`>;

/**
 * The group operations: the group-info panel's (`groupInfo.*`) and the REST-shaped ones the
 * group routes are adapters onto (`groups.*`), all on the one group service. (`groups.list`,
 * the inbox's plain list, lives with the messaging handlers.)
 */
export function groupHandlers({
  messaging,
  sessions,
  actors,
}: Services): Pick<Handlers<RpcContext>, Exclude<GroupOps, 'groups.list'>> {
  const { groups } = messaging;
  const group = (session: string, chat: string) => {
    sessions.get(session);
    return toJid(chat, 'chat');
  };
  const known = (session: string) => {
    sessions.get(session);
    return session;
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

    'groups.byKind': async ({ session, refresh }) => {
      const all = refresh ? await groups.refresh(known(session)) : groups.list(known(session));
      return {
        groups: all.filter((g) => g.kind === 'group'),
        channels: all.filter((g) => g.kind === 'newsletter'),
      };
    },
    'groups.create': async ({ session, subject, participants }) => {
      const created = await groups.create(known(session), subject, participants);
      return groups.detail(session, created.jid);
    },
    'groups.get': ({ session, chat }) => groups.detail(session, group(session, chat)),
    'groups.update': async ({ session, chat, subject, description }) => {
      const jid = group(session, chat);
      await groups.update(session, jid, { subject, description });
      return groups.detail(session, jid);
    },
    'groups.picture': async ({ session, chat, media }) => {
      const jid = group(session, chat);
      const image = await messaging.resolveMedia('image', media);
      await groups.setPicture(session, jid, image.bytes);
      return groups.detail(session, jid);
    },
    'groups.settings': ({ session, chat, announce, restrict, joinApproval }) =>
      groups.settings(session, group(session, chat), { announce, restrict, joinApproval }),
    'groups.joinRequests': async ({ session, chat, refresh }) => ({
      items: await groups.joining.list(session, group(session, chat), refresh),
    }),
    'groups.decideJoinRequests': async ({ session, chat, decision, participants }, ctx) => ({
      items: await groups.joining.decide(
        session,
        group(session, chat),
        participants,
        decision,
        actors.of(ctx.principal),
      ),
    }),
    'groups.invitePreview': ({ session, link }) => groups.joining.preview(known(session), link),
    'groups.join': ({ session, link }) => groups.joining.join(known(session), link),
  };
}
