import type { Handlers } from '../../src-shared/contract.js';
import { contract } from '../../src-shared/contract.js';
import { AppError } from '../../src-shared/errors.js';
import { checkSession, ownSessionOf, readableSessions } from '../services/access/authorizer.js';
import type { Principal } from '../services/access/principal.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type MediaOps = 'media.upload' | 'media.list' | 'media.get' | 'media.delete';

/**
 * The media library. An upload of a number is that number's (a session key's uploads are its
 * own number's); a shared one (no number) is for everyone but session keys. Reading and deleting
 * one by id checks its number as the operation's access would, and answers "not found" to a
 * caller who may not see it.
 */
export function mediaLibraryHandlers({
  mediaLibrary,
  actors,
}: Services): Pick<Handlers<RpcContext>, MediaOps> {
  const visible = (principal: Principal, id: string, need: 'media.get' | 'media.delete') => {
    const item = mediaLibrary.get(id);
    try {
      if (principal.kind === 'session' && item.session === null) throw new AppError('FORBIDDEN', 'shared');
      checkSession(principal, item.session, contract[need].access as never);
    } catch {
      throw new AppError('NOT_FOUND', `id: no media "${id}" (deleted or expired?)`, 'id');
    }
    return item;
  };
  return {
    'media.upload': (input, ctx) =>
      mediaLibrary.upload(
        { ...input, session: input.session ?? ownSessionOf(ctx.principal) },
        actors.of(ctx.principal),
      ),
    'media.list': (input, ctx) =>
      mediaLibrary.list(
        { ...input, session: input.session ?? ownSessionOf(ctx.principal) },
        readableSessions(ctx.principal),
      ),
    'media.get': ({ id }, ctx) => visible(ctx.principal, id, 'media.get'),
    'media.delete': ({ id }, ctx) => {
      visible(ctx.principal, id, 'media.delete');
      mediaLibrary.delete(id, actors.of(ctx.principal));
    },
  };
}
