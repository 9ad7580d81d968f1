/**
 * The bundle sizes of target 7, read from dist/ (`npm run build`): the JavaScript a browser must
 * download before the first screen (index.html's entry script and every chunk it preloads),
 * gzipped at level 9 as the widget's build budget does, and the click-to-chat widget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** The entry script and the chunks index.html preloads with it, gzipped bytes. */
  mainGzip: number;
  files: string[];
  /** Every JavaScript file of the web UI, gzipped bytes (lazy chunks included). */
  allGzip: number;
  widgetGzip: number;
}

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export function bundleSizes(root: string): BundleSizes {
  const web = path.join(root, 'dist', 'web');
  const html = readFileSync(path.join(web, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+type="module"[^>]+src="\/?([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  const preloaded = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  const files = [...new Set([...entry, ...preloaded])];
  if (files.length === 0) throw new Error('no entry script in dist/web/index.html: run npm run build');
  return {
    mainGzip: files.reduce((sum, file) => sum + gzipped(path.join(web, file)), 0),
    files,
    allGzip: readdirSync(path.join(web, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .reduce((sum, name) => sum + gzipped(path.join(web, 'assets', name)), 0),
    widgetGzip: gzipped(path.join(root, 'dist', 'widget', 'widget.js')),
  };
}
