import type { Middleware } from 'koa';

/** Paths any website may read: the public widget API and the widget script. */
export function isCorsPublicPath(path: string, apiPrefix: string): boolean {
  return path.startsWith(`${apiPrefix}/public/`) || path === '/widget.js';
}

/**
 * Opens the public widget paths to every origin (`Access-Control-Allow-Origin: *`, no credentials)
 * and answers their CORS preflight. Everything else keeps the browser's same-origin default.
 */
export function corsPublic(isPublic: (path: string) => boolean): Middleware {
  return async (ctx, next) => {
    if (!isPublic(ctx.path)) return next();
    ctx.set('Access-Control-Allow-Origin', '*');
    // A page with Cross-Origin-Embedder-Policy may still load the script.
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      ctx.set('Access-Control-Allow-Headers', 'Content-Type');
      ctx.set('Access-Control-Max-Age', '86400');
      ctx.status = 204;
      return;
    }
    return next();
  };
}
