import type { Handlers } from '../../src-shared/contract.js';
import { canAccessSession } from '../services/access/authorizer.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type SessionOps = Extract<keyof Handlers<RpcContext>, `sessions.${string}`>;

export function sessionHandlers({ sessions, actors }: Services): Pick<Handlers<RpcContext>, SessionOps> {
  return {
    // An agent sees only the numbers they may read.
    'sessions.list': (_input, ctx) =>
      sessions.list().filter((session) => canAccessSession(ctx.principal, session.id)),
    'sessions.create': (input) => sessions.create(input),
    'sessions.rename': ({ id, name }) => sessions.rename(id, name),
    'sessions.get': ({ id }) => sessions.get(id),
    // Without `wait`, answers at once; with it, once the QR code is shown or the number is
    // connected, it stopped trying, or `timeout` seconds passed (default 30).
    'sessions.connect': async ({ id, wait, timeout }) => {
      if (!wait) return sessions.connect(id);
      const { session, reached, qr } = await sessions.connectAndWait(id, wait, (timeout ?? 30) * 1000);
      return { ...session, reached, qr };
    },
    'sessions.disconnect': ({ id }) => sessions.disconnect(id),
    'sessions.logout': ({ id }) => sessions.logout(id),
    'sessions.delete': async ({ id, keepHistory }, ctx) => {
      await sessions.remove(id, { keepHistory, actor: actors.of(ctx.principal) });
      return { deleted: true as const };
    },
    'sessions.qr': ({ id }) => sessions.qr(id),
    'sessions.pairingCode': ({ id, phone }) => sessions.pairingCode(id, phone),
    'sessions.rotateKey': ({ id }) => sessions.rotateKey(id),
  };
}
