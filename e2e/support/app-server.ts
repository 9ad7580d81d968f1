import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SERVER_ENTRY = path.join(ROOT, 'dist', 'main', 'src-main', 'server.js');

export interface RunningApp {
  url: string;
  apiKey: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the process printed, for assertions and failure reports. */
  output(): string;
  /** Stops the process; removes the temp data dir unless it was given or `keepData` is set. */
  stop(options?: { signal?: NodeJS.Signals; keepData?: boolean }): Promise<void>;
}

export interface StartOptions {
  apiKey?: string;
  /** Reuse a data dir (restart tests); a fresh temp dir otherwise. */
  dataDir?: string;
  env?: Record<string, string>;
}

/**
 * Starts the built headless core (`node dist/main/src-main/server.js`) on a free port with its
 * own data dir, and resolves once it prints its URL.
 */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'chatdock-e2e-'));
  const apiKey = options.apiKey ?? 'e2e-admin-key-for-the-browser-tests';
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      CHATDOCK_DATA_DIR: dataDir,
      CHATDOCK_PORT: '0',
      CHATDOCK_API_KEY: apiKey,
      CHATDOCK_LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stopping = false;
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // An app that dies on its own during a test is a finding: show why in the test output.
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`\n[app exited unexpectedly: ${code ?? signal}]\n${output}\n`);
  });

  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        child.stdout.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`app exited with code ${code}:\n${output}`)));
  });

  return {
    url,
    apiKey,
    dataDir,
    process: child,
    output: () => output,
    async stop({ signal = 'SIGTERM', keepData = false } = {}) {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill(signal);
        await exited;
      }
      if (!options.dataDir && !keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
