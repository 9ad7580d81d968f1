import { createRequire } from 'node:module';
import path from 'node:path';
import Router from '@koa/router';
import { resolveInside, sendFile } from './static-files.js';

const require = createRequire(import.meta.url);
const swaggerUiRoot = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Chatdock API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
</head>
<body>
  <div id="docs"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>`;

/** Kept as a file (not inline) so the page works under a strict script-src CSP. */
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', deepLinking: true, persistAuthorization: true });`;

/** `/docs`: the OpenAPI document rendered by Swagger UI, served from the local package (no CDN). */
export function docsRouter(): Router {
  const router = new Router();
  const csp = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'";
  router.get('/docs', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Content-Security-Policy', csp);
    ctx.body = DOCS_HTML;
  });
  router.get('/docs/init.js', (ctx) => {
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.body = DOCS_INIT;
  });
  router.get('/docs/assets/:file', (ctx) => {
    const file = resolveInside(swaggerUiRoot, '/' + (ctx.params.file ?? ''));
    if (!file) {
      ctx.status = 404;
      return;
    }
    sendFile(ctx, file, 'public, max-age=86400');
  });
  return router;
}
