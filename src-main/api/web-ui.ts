import path from 'node:path';
import type { Middleware } from 'koa';
import { resolveInside, sendFile } from './static-files.js';

/**
 * The UI may only talk to this server; inline styles are needed by React style props.
 * `mediaOrigin` is for the desktop window (served from app://), which loads message media from
 * the local API (e.g. `http://127.0.0.1:8787`) through signed links.
 */
export function uiContentSecurityPolicy(mediaOrigin?: string): string {
  const media = mediaOrigin ? ` ${mediaOrigin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${media}`,
    `media-src 'self' blob:${media}`,
    // 'self' covers the event stream's ws:// or wss:// on the same host (CSP Level 3).
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the built web UI (dist/web) for every GET that reaches it (API paths were answered
 * before), falling back to index.html so deep links like /chats/… survive a reload.
 */
export function webUi(webRoot: string): Middleware {
  const root = path.resolve(webRoot);
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const file = resolveInside(root, ctx.path) ?? resolveInside(root, '/index.html');
    if (!file) {
      ctx.status = 503;
      ctx.type = 'text/plain';
      ctx.body = 'The web UI is not built. Run "npm run build".';
      return;
    }
    sendFile(ctx, file, cachePolicy(ctx.path));
    if (file.endsWith('.html')) {
      ctx.set('Content-Security-Policy', uiContentSecurityPolicy());
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Referrer-Policy', 'no-referrer');
    }
  };
}

/**
 * Hashed bundles never change under their name; emoji images (thousands, public, changed only by
 * an app update) are kept a week so a picker or a chat full of emoji does not ask for them again;
 * everything else is checked each time so an update shows at once.
 */
function cachePolicy(requestPath: string): string {
  if (requestPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (requestPath.startsWith('/emoji/')) return 'public, max-age=604800';
  return 'no-cache';
}
