import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Message } from '../../src-shared/messages.js';
import type { Session } from '../../src-shared/model.js';
import type { Customer } from '../wa-emulator/customer.js';
import type { Emulator } from '../wa-emulator/index.js';
import { killServerProcesses, until, type ServerProcess } from './server-process.js';
import { startWaServer } from './wa-server.js';

/**
 * For the tests of one file that SIGKILL the server process and start it again on the same data:
 * the local WhatsApp server, a data dir kept across the restarts, and the env pointing a server
 * process at both. Read the fields inside the tests; customers pushed to `customers` are closed
 * after them, with every server process left running.
 */
export function crashWorld(
  name: string,
  extraEnv: Record<string, string> = {},
): { readonly emulator: Emulator; readonly env: Record<string, string>; customers: Customer[] } {
  const world = { customers: [] as Customer[] } as {
    emulator: Emulator;
    env: Record<string, string>;
    customers: Customer[];
  };
  let dataDir = '';
  beforeAll(async () => {
    const server = await startWaServer();
    world.emulator = server.emulator;
    dataDir = mkdtempSync(path.join(os.tmpdir(), `chatdock-${name}-`));
    world.env = { ...server.env, CHATDOCK_DATA_DIR: dataDir, ...extraEnv };
  });
  afterAll(async () => {
    await Promise.all(world.customers.map((customer) => customer.close()));
    await killServerProcesses();
    await world.emulator?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return world;
}

/** Waits until the server process's session `id` is connected to WhatsApp. */
export async function sessionConnected(app: ServerProcess, id = 'shop'): Promise<void> {
  await until('the session to be connected', async () => {
    const session = (await (await app.request(`/api/v1/sessions/${id}`)).json()) as Session;
    return session.status === 'connected' ? session : null;
  });
}

/** A text sent by session `shop` with an Idempotency-Key: the answer's status and body. */
export async function sendKeyedText(app: ServerProcess, to: string, text: string, key: string) {
  const response = await app.request('/api/v1/sessions/shop/messages', {
    method: 'POST',
    json: { to, type: 'text', text },
    headers: { 'Idempotency-Key': key },
  });
  return { status: response.status, body: (await response.json()) as Message };
}
