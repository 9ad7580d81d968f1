import Router from '@koa/router';
import type { Context } from 'koa';
import { AppError } from '../../src-shared/errors.js';
import type { Services } from '../services/index.js';
import { parseByteRange } from './byte-range.js';

/**
 * Files behind signed, expiring links (services/messages/media-links.ts), for the UI's <img>
 * and <video> tags, which cannot send an API key:
 * - `GET /media/<session>/<chat>/<id>?expires&sig`: a message's media (messages.mediaLink);
 * - `GET /avatars/<session>/<jid>?expires&sig`: a profile picture (contacts.avatarLink).
 */
export function mediaFilesRouter({ messaging }: Services): Router {
  const router = new Router();
  router.get('/media/:session/:chat/:id', async (ctx) => {
    const target = {
      session: ctx.params.session ?? '',
      chat: ctx.params.chat ?? '',
      id: ctx.params.id ?? '',
    };
    const { expires, signature } = signatureOf(ctx);
    if (!messaging.mediaLinks.verify(target, expires, signature)) {
      throw new AppError('FORBIDDEN', 'this media link is invalid or has expired');
    }
    // A Status' photo or video (services/status/) is signed as "chat" status@broadcast.
    const file =
      target.chat === 'status@broadcast'
        ? { ...(await messaging.status.media(target.session, target.id)), fileName: null }
        : await messaging.media.ensure(target.session, target.chat, target.id);
    ctx.type = file.mimetype;
    if (file.fileName) ctx.attachment(file.fileName, { type: 'inline' });
    ctx.set('Cache-Control', 'private, max-age=3600');
    // Ranges let the voice-note and video players seek.
    ctx.set('Accept-Ranges', 'bytes');
    const range = parseByteRange(ctx.get('Range') || undefined, file.bytes.length);
    if (range === 'unsatisfiable') {
      ctx.status = 416;
      ctx.set('Content-Range', `bytes */${file.bytes.length}`);
      return;
    }
    if (range) {
      ctx.status = 206;
      ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${file.bytes.length}`);
      ctx.body = file.bytes.subarray(range.start, range.end + 1);
      return;
    }
    ctx.body = file.bytes;
  });
  router.get('/avatars/:session/:jid', async (ctx) => {
    const target = { session: ctx.params.session ?? '', jid: ctx.params.jid ?? '' };
    const { expires, signature } = signatureOf(ctx);
    if (!messaging.mediaLinks.verifyAvatar(target, expires, signature)) {
      throw new AppError('FORBIDDEN', 'this picture link is invalid or has expired');
    }
    // The signature covers who, not which size: both sizes are the same person's picture.
    const size = ctx.query.size === 'full' ? 'full' : 'preview';
    const picture = await messaging.avatars.get(target.session, target.jid, size);
    if (!picture) throw new AppError('NOT_FOUND', 'this contact has no profile picture we may see');
    ctx.type = picture.mimetype;
    // Every link is new (it expires), and a picture can change: the browser keeps it as long as the link.
    ctx.set('Cache-Control', 'private, max-age=3600');
    ctx.body = picture.bytes;
  });
  return router;
}

function signatureOf(ctx: Context): { expires: number; signature: string } {
  return {
    expires: Number(ctx.query.expires),
    signature: typeof ctx.query.sig === 'string' ? ctx.query.sig : '',
  };
}
