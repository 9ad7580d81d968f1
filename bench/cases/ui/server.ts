/** The built headless server (`npm run serve`'s JavaScript, serving dist/web) on the UI fixture. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST_SERVER, ROOT, startBuiltServer, type BuiltServer } from '../built-server.js';

export { ROOT };

export type UiServer = Pick<BuiltServer, 'url' | 'child' | 'stop'>;

export async function startUiServer(dataDir: string, apiKey: string): Promise<UiServer> {
  if (!existsSync(DIST_SERVER) || !existsSync(path.join(ROOT, 'dist', 'web', 'index.html')))
    throw new Error('the UI rows drive the built app: run npm run build first');
  return startBuiltServer({ dataDir, apiKey });
}
