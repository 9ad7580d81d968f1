import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { listeningUrl } from './listening-url.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SERVER_PROCESS_KEY = 'process-test-admin-key-0123456789';

/** The headless server in a child process of its own, which a test can SIGKILL like a crash. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** A REST call with the admin key. */
  request(
    pathname: string,
    init?: { method?: string; json?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** SIGKILL: no shutdown code runs, as in a power cut or a crash. Resolves once it is gone. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** `node --import tsx src-main/server.ts` on a free port; `env` adds to (and wins over) the defaults. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      CHATDOCK_PORT: '0',
      CHATDOCK_API_KEY: SERVER_PROCESS_KEY,
      CHATDOCK_LOG_LEVEL: 'warn',
      CHATDOCK_LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const url = await listeningUrl(child);
  return {
    url,
    child,
    request: (pathname, init = {}) =>
      fetch(url + pathname, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${SERVER_PROCESS_KEY}`,
          'content-type': 'application/json',
          ...init.headers,
        },
        ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
      }),
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

/** For afterAll: SIGKILLs every server process a test left running. */
export async function killServerProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Polls `probe` until it returns a value (not null/undefined); no fixed sleeps in the tests. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
