import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type ChannelOps = Extract<keyof Handlers<RpcContext>, `channels.${string}`>;

/** Channels (newsletters); the same service and access as the REST routes. */
export function channelHandlers({ channels, actors }: Services): Pick<Handlers<RpcContext>, ChannelOps> {
  return {
    'channels.list': ({ session }) => channels.list(session),
    'channels.preview': ({ session, link }) => channels.preview(session, link),
    'channels.follow': ({ session, link }, ctx) => channels.follow(session, link, actors.of(ctx.principal)),
    'channels.unfollow': async ({ session, chat }, ctx) => {
      await channels.unfollow(session, chat, actors.of(ctx.principal));
      return { ok: true as const };
    },
    'channels.create': ({ session, name, description }, ctx) =>
      channels.create(session, name, description, actors.of(ctx.principal)),
    'channels.post': ({ session, chat, post }, ctx) =>
      channels.post(session, chat, post, actors.of(ctx.principal)),
    'channels.reactions': ({ session, chat }) => channels.reactions(session, chat),
    'channels.counts': ({ session, chat }) => channels.storedReactions(session, chat),
    'channels.update': ({ session, chat, name, description }, ctx) =>
      channels.update(session, chat, { name, description }, actors.of(ctx.principal)),
    'channels.delete': async ({ session, chat }, ctx) => {
      await channels.delete(session, chat, actors.of(ctx.principal));
      return { ok: true as const };
    },
  };
}
