import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { net, protocol } from 'electron';
import { uiContentSecurityPolicy } from '../api/web-ui.js';
import { resolveInside, mimeType } from '../api/static-files.js';
import { appRoot } from '../core/paths.js';

/** The window loads the UI from app://chatdock/, a privileged standard scheme, not file://. */
export const APP_ORIGIN = 'app://chatdock';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves dist/web with an index.html fallback (deep links) and the UI's CSP (media from the local API). */
export function registerAppProtocol(apiOrigin: string): void {
  const csp = uiContentSecurityPolicy(apiOrigin);
  const webRoot = path.join(appRoot(), 'dist', 'web');
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'chatdock') return new Response('not found', { status: 404 });
    const file = resolveInside(webRoot, url.pathname) ?? resolveInside(webRoot, '/index.html');
    if (!file) return net.fetch('data:text/plain,The web UI is not built. Run "npm run build".');
    const headers: Record<string, string> = { 'Content-Type': mimeType(file) };
    if (file.endsWith('.html')) headers['Content-Security-Policy'] = csp;
    return new Response(await readFile(file), { headers });
  });
}
