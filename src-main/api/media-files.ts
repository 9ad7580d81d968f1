import Router from '@koa/router';
import { AppError } from '../../src-shared/errors.js';
import type { Services } from '../services/index.js';

/**
 * `GET /media/<session>/<chat>/<id>?expires&sig`: a message's media behind a signed, expiring
 * link (messages.mediaLink), for the UI's <img> and <video> tags.
 */
export function mediaFilesRouter({ messaging }: Services): Router {
  const router = new Router();
  router.get('/media/:session/:chat/:id', async (ctx) => {
    const target = {
      session: ctx.params.session ?? '',
      chat: ctx.params.chat ?? '',
      id: ctx.params.id ?? '',
    };
    const expires = Number(ctx.query.expires);
    const signature = typeof ctx.query.sig === 'string' ? ctx.query.sig : '';
    if (!messaging.mediaLinks.verify(target, expires, signature)) {
      throw new AppError('FORBIDDEN', 'this media link is invalid or has expired');
    }
    const file = await messaging.media.ensure(target.session, target.chat, target.id);
    ctx.type = file.mimetype;
    if (file.fileName) ctx.attachment(file.fileName, { type: 'inline' });
    ctx.set('Cache-Control', 'private, max-age=3600');
    ctx.body = file.bytes;
  });
  return router;
}
