import type { Handlers } from '../../src-shared/contract.js';
import { AppError } from '../../src-shared/errors.js';
import type { Services } from '../services/index.js';
import type { RuntimeInfo } from './app-handlers.js';
import type { RpcContext } from './context.js';
import { reachableHost } from '../core/config.js';

type StatusOps = Extract<keyof Handlers<RpcContext>, `status.${string}`>;

/**
 * Status (stories, issue #19): each operation is a thin call into the Status service. Who may
 * call it is declared in the contract (read on the number to see, write to mark seen, reply and
 * post) and checked by the dispatcher.
 */
export function statusHandlers(
  { messaging, sessions, actors }: Services,
  /** Where the API listens, for the desktop window's links (REST answers media bytes instead). */
  runtime?: () => RuntimeInfo,
): Pick<Handlers<RpcContext>, StatusOps> {
  const status = messaging.status;
  const exists = (session: string) => void sessions.get(session);
  // The desktop window is served from app://, so links need the API's own address there.
  const linkUrl = (path: string, ctx: RpcContext) => {
    if (!runtime) return path;
    const { boundHost, port } = runtime();
    return ctx.transport === 'ipc' ? `http://${reachableHost(boundHost)}:${port}${path}` : path;
  };
  return {
    'status.list': ({ session, ...filter }) => {
      exists(session);
      return { items: status.list(session, filter) };
    },
    'status.get': ({ session, statusId }) => {
      exists(session);
      return status.get(session, statusId);
    },
    'status.mediaLink': ({ session, statusId }, ctx) => {
      exists(session);
      const found = status.get(session, statusId);
      if (!found.media)
        throw new AppError('NOT_FOUND', 'statusId: this Status has no photo or video', 'statusId');
      // Message media links sign (session, chat, id); a Status is "chat" status@broadcast.
      const path = messaging.mediaLinks.path({ session, chat: 'status@broadcast', id: statusId });
      return { url: linkUrl(path, ctx), mimetype: found.media.mimetype };
    },
    'status.markSeen': ({ session, statusId }, ctx) => {
      exists(session);
      return status.markSeen(session, statusId, actors.of(ctx.principal));
    },
    'status.reply': ({ session, statusId, text }, ctx) => {
      exists(session);
      return status.reply(session, statusId, text, actors.of(ctx.principal));
    },
    'status.post': ({ session, idempotencyKey, ...input }, ctx) => {
      exists(session);
      // /rpc callers (the UI) send the key in the input; REST hands its header over in the context.
      return status.post(session, input, actors.of(ctx.principal), idempotencyKey ?? ctx.idempotencyKey);
    },
  };
}
