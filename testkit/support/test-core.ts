import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src-main/core/config.js';
import { createCore, type Core, type CoreOptions } from '../../src-main/app/container.js';

export interface TestCore {
  core: Core;
  url: string;
  dataDir: string;
  /** fetch() against the running API with the admin key unless `key: null`. */
  request(pathname: string, init?: RequestInit & { key?: string | null; json?: unknown }): Promise<Response>;
  stop(): Promise<void>;
}

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789';

/**
 * A real core (real SQLite file, real migrations, real HTTP server on a free loopback port).
 * `dataDir` starts it on the data of an earlier one (a restart); `stop()` removes the directory.
 */
export async function startTestCore(
  env: Record<string, string> = {},
  options: Omit<CoreOptions, 'webRoot'> & { dataDir?: string } = {},
): Promise<TestCore> {
  const { dataDir: reused, ...coreOptions } = options;
  const dataDir = reused ?? mkdtempSync(path.join(os.tmpdir(), 'chatdock-test-'));
  const config = loadConfig({
    CHATDOCK_DATA_DIR: dataDir,
    CHATDOCK_PORT: '0',
    CHATDOCK_API_KEY: TEST_ADMIN_KEY,
    // TEST_LOG_LEVEL=debug shows the core's (and Baileys') logs while debugging a test.
    CHATDOCK_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const core = createCore(config, coreOptions);
  await core.start();
  const url = `http://127.0.0.1:${core.runtime().port}`;
  return {
    core,
    url,
    dataDir,
    request(pathname, init = {}) {
      const { key = TEST_ADMIN_KEY, json, headers, ...rest } = init;
      const allHeaders = new Headers(headers);
      if (key !== null && !allHeaders.has('authorization')) allHeaders.set('authorization', `Bearer ${key}`);
      if (json !== undefined) allHeaders.set('content-type', 'application/json');
      return fetch(url + pathname, {
        ...rest,
        headers: allHeaders,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    },
    async stop() {
      await core.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
