import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const HOSTILE_FIXTURE = path.resolve(import.meta.dirname, '..', 'widget-fixtures', 'hostile-css.html');

/** The `<style>` of e2e/widget-fixtures/hostile-css.html: a host page doing its worst to the widget. */
export function hostileCss(): string {
  const match = /<style>[\s\S]*?<\/style>/.exec(readFileSync(HOSTILE_FIXTURE, 'utf8'));
  if (!match) throw new Error(`no <style> in ${HOSTILE_FIXTURE}`);
  return match[0];
}

/**
 * A plain customer website with hostile CSS and the pasted snippet at the end of the body.
 * `lang`/`dir`: the website's language (the widget speaks it) and writing direction.
 */
export function hostPageHtml(snippet: string, { lang = 'en', dir = 'ltr' } = {}): string {
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Bäckerei Sonne – fresh bread daily</title>
${hostileCss()}
</head>
<body>
<h1>Bäckerei Sonne</h1>
<p>Everything here is red, huge and dotted. The chat widget must look normal.</p>
<button type="button">A page button</button>
${snippet}
</body>
</html>`;
}

export interface HostSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves one HTML page from its own loopback port: another origin than Chatdock, like a customer's
 * website, so the hosted snippet's requests are cross-origin.
 */
export async function serveHostSite(html: string): Promise<HostSite> {
  const server = http.createServer((request, response) => {
    if (request.url === '/' || request.url === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
