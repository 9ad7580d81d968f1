/** The built headless server (`npm run serve`'s JavaScript, serving dist/web) on the UI fixture. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

export interface UiServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startUiServer(dataDir: string, apiKey: string): Promise<UiServer> {
  const entry = path.join(ROOT, 'dist', 'main', 'src-main', 'server.js');
  if (!existsSync(entry) || !existsSync(path.join(ROOT, 'dist', 'web', 'index.html')))
    throw new Error('the UI rows drive the built app: run npm run build first');
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      CHATDOCK_DATA_DIR: dataDir,
      CHATDOCK_PORT: '0',
      CHATDOCK_API_KEY: apiKey,
      CHATDOCK_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
