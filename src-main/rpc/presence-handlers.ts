import type { Handlers } from '../../src-shared/contract.js';
import { toJid } from '../../src-shared/jid.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type PresenceOps = Extract<keyof Handlers<RpcContext>, `staffPresence.${string}`>;

/**
 * The collision guard's presence (services/presence/). Only people have a presence: a key or the
 * desktop (nobody chosen) is answered and ignored, so a shared window never shows as someone.
 */
export function presenceHandlers({
  presence,
  actors,
  sessions,
}: Services): Pick<Handlers<RpcContext>, PresenceOps> {
  return {
    'staffPresence.set': ({ session, chat, state }, ctx) => {
      sessions.get(session);
      const actor = actors.of(ctx.principal);
      if (ctx.principal.kind === 'user' && actor.id) {
        presence.set(session, toJid(chat, 'chat'), { ...actor, id: actor.id }, state);
      }
      return { ok: true as const };
    },
    'staffPresence.list': ({ session, chat }, ctx) => {
      sessions.get(session);
      const me = ctx.principal.kind === 'user' ? ctx.principal.userId : null;
      return { items: presence.list(session, toJid(chat, 'chat'), me) };
    },
  };
}
