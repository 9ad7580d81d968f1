import type { Handlers } from '../../src-shared/contract.js';
import { toJid } from '../../src-shared/jid.js';
import { canReadChat, ownSessionOf } from '../services/access/authorizer.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type ChatActionOps = Extract<keyof Handlers<RpcContext>, `stars.${string}` | `conversations.${string}`>;

/** Starring messages and clearing or deleting chats (issue #19); REST routes are adapters onto these. */
export function chatActionHandlers({
  messaging,
  sessions,
  actors,
}: Services): Pick<Handlers<RpcContext>, ChatActionOps> {
  const chatOf = (session: string, chat: string) => {
    sessions.get(session);
    return toJid(chat, 'chat');
  };
  return {
    'stars.set': ({ session, chat, id, starred }, ctx) =>
      messaging.stars.star(session, chatOf(session, chat), id, starred, actors.of(ctx.principal)),
    'stars.list': ({ session, chat, limit }) => ({
      items: messaging.stars.starred(session, chatOf(session, chat), limit),
    }),
    'stars.recent': ({ session, limit }, ctx) => {
      if (session) sessions.get(session);
      const only = ownSessionOf(ctx.principal) ?? session ?? null;
      return {
        items: messaging.stars.recent(only, limit, (number, chat) =>
          canReadChat(ctx.principal, number, chat),
        ),
      };
    },
    'conversations.clear': ({ session, chat }, ctx) =>
      messaging.chatErase.clear(session, chatOf(session, chat), actors.of(ctx.principal)),
    'conversations.delete': async ({ session, chat }, ctx) => {
      await messaging.chatErase.delete(session, chatOf(session, chat), actors.of(ctx.principal));
      return { ok: true } as const;
    },
  };
}
