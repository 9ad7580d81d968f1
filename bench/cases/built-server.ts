/**
 * The built headless server (`npm run serve`'s JavaScript) as the bench starts it: cases 8–9
 * (start-up), 13 (twenty numbers) and 14 (the UI) all spawn it the same way and time it from
 * spawn to its "listening" line and to the first 200 of /api/v1/health.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { listeningUrl } from '../../testkit/support/listening-url.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DIST_SERVER = path.join(ROOT, 'dist', 'main', 'src-main', 'server.js');

function newest(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, name)));
  return latest;
}

/**
 * dist/'s server when it is newer than the sources, else a build of the current sources into
 * `scratchDir` (the shared dist/ is left alone), with the same bundler `npm run build` uses.
 */
export function serverEntry(scratchDir: string, log: (line: string) => void): string {
  const sources = Math.max(newest(path.join(ROOT, 'src-main')), newest(path.join(ROOT, 'src-shared')));
  if (existsSync(DIST_SERVER) && statSync(DIST_SERVER).mtimeMs >= sources) return DIST_SERVER;
  const app = path.join(scratchDir, 'app');
  const built = path.join(app, 'dist', 'main', 'src-main', 'server.js');
  if (existsSync(built)) return built;
  // appRoot() finds package.json above the bundle; migrations and packages are read from there.
  mkdirSync(path.join(app, 'src-main', 'db'), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(app, 'package.json'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));
  symlinkSync(
    path.join(ROOT, 'src-main', 'db', 'migrations'),
    path.join(app, 'src-main', 'db', 'migrations'),
  );
  log('  building the server into the scratch dir, dist/ is older than the sources…');
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-main.mjs'), '--out', app], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  if (!existsSync(built)) throw new Error('building the server failed');
  return built;
}

export interface BuiltServer {
  child: ChildProcess;
  url: string;
  /** Spawn → the "listening on" line. */
  listenMs: number;
  /** Spawn → first 200 of /api/v1/health. */
  readyMs: number;
  /** A request with the API key (JSON body when `json` is given). */
  api(pathname: string, init?: { method?: string; json?: unknown }): Promise<Response>;
  stop(): Promise<void>;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export async function startBuiltServer(options: {
  entry?: string;
  dataDir?: string;
  apiKey: string;
  env?: Record<string, string>;
  /** Give up waiting for /health after this long. */
  limitMs?: number;
}): Promise<BuiltServer> {
  const { apiKey, limitMs = 60_000 } = options;
  const started = performance.now();
  const child = spawn(process.execPath, [options.entry ?? DIST_SERVER], {
    env: {
      ...process.env,
      ...(options.dataDir ? { CHATDOCK_DATA_DIR: options.dataDir } : {}),
      CHATDOCK_PORT: '0',
      CHATDOCK_API_KEY: apiKey,
      CHATDOCK_LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await listeningUrl(child);
  const listenMs = performance.now() - started;
  const api = (pathname: string, init: { method?: string; json?: unknown } = {}) =>
    fetch(url + pathname, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
  const deadline = Date.now() + limitMs;
  while ((await api('/api/v1/health').catch(() => null))?.ok !== true) {
    if (Date.now() > deadline) throw new Error(`the server answered no /health within ${limitMs} ms`);
    await sleep(2);
  }
  const readyMs = performance.now() - started;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { child, url, listenMs, readyMs, api, stop };
}
