import { createHash } from 'node:crypto';
import Router from '@koa/router';
import type { Context } from 'koa';
import { isAppError } from '../../src-shared/errors.js';
import type { WidgetService } from '../services/widgets/widgets.js';

/** The test page may load the script and the widget data from here, and https images for photos. */
const TEST_PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "img-src 'self' https: data:",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const WIDGET_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** This server's own address as the request reached it, e.g. `http://192.168.1.5:8787`. */
export function selfOrigin(ctx: Context): string {
  return `${ctx.protocol}://${ctx.host}`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function testPage(title: string, note: string, snippet: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="robots" content="noindex" />
<title>${escapeHtml(title)} · widget test page</title>
<style>
  body { margin: 0; font: 16px/1.6 Georgia, serif; color: #222; background: #faf7f2; }
  header { padding: 48px 24px; background: #2d3a4a; color: #fff; }
  main { max-width: 680px; margin: 0 auto; padding: 24px 24px 160px; }
  .note { padding: 12px 16px; border-radius: 8px; background: #fff4d6; color: #6b4e00; }
</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>A test page served by Chatdock on this PC.</p></header>
<main>
<p class="note">${escapeHtml(note)}</p>
<h2>About us</h2>
<p>This stands in for your website. The chat button in the corner is your widget, loaded with the
hosted snippet exactly as a website would load it. Operators appear by the hours you set, in your
visitor's own time.</p>
<h2>Opening hours</h2>
<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit. Integer nec odio. Praesent libero.
Sed cursus ante dapibus diam. Sed nisi. Nulla quis sem at nibh elementum imperdiet.</p>
</main>
${snippet}
</body>
</html>`;
}

/**
 * `GET /widget.js` (the embeddable script, any website may load it) and `GET /widget-test/:id`
 * (a local page embedding the hosted snippet, for the owner). Mounted before the web UI, whose
 * SPA fallback would otherwise answer both.
 */
export function widgetFilesRouter(widgets: WidgetService): Router {
  const router = new Router();

  router.get('/widget.js', (ctx) => {
    let source: string;
    try {
      source = widgets.scriptSource();
    } catch (error) {
      if (!isAppError(error)) throw error;
      ctx.status = 503;
      ctx.type = 'text/plain';
      ctx.body = 'The widget script is not built. Run "npm run build".';
      return;
    }
    ctx.type = 'text/javascript; charset=utf-8';
    // Short: websites pick up a new Chatdock version within minutes; the ETag makes rechecks cheap.
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.etag = createHash('sha256').update(source).digest('base64url').slice(0, 27);
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.body = source;
  });

  router.get('/widget-test/:id', (ctx) => {
    const id = ctx.params.id ?? '';
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Content-Security-Policy', TEST_PAGE_CONTENT_SECURITY_POLICY);
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cache-Control', 'no-store');
    let widget;
    try {
      widget = WIDGET_ID.test(id) ? widgets.get(id) : null;
    } catch (error) {
      if (!isAppError(error)) throw error;
      widget = null;
    }
    if (!widget) {
      ctx.status = 404;
      ctx.body = testPage('Widget not found', `There is no widget "${id}". It may have been deleted.`, '');
      return;
    }
    const note = widget.active
      ? 'If the button does not appear, check that Chatdock is running and reachable from this browser.'
      : 'This widget is switched off, so websites do not show it. Turn on "Active" in the editor and save.';
    const snippet = `<script defer data-widget="${escapeHtml(widget.id)}" src="${escapeHtml(selfOrigin(ctx))}/widget.js"></script>`;
    ctx.body = testPage(widget.businessName, note, snippet);
  });

  return router;
}
