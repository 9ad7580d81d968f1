import path from 'node:path';
import type { Customer } from '../../testkit/wa-emulator/customer.js';
import { start, type Emulator } from '../../testkit/wa-emulator/index.js';
import { test } from './fixtures.js';

const CA_FILE = path.resolve(import.meta.dirname, '..', '..', 'testkit', 'wa-emulator', 'certs', 'ca.pem');

/** A local WhatsApp server and the env that points an app process at it (and trusts its media TLS). */
export async function startWaServer(): Promise<{ emulator: Emulator; env: Record<string, string> }> {
  const emulator = await start();
  return {
    emulator,
    env: {
      CHATDOCK_WA_SERVER_URL: emulator.wsUrl,
      CHATDOCK_WA_SERVER_ROOT_KEY: emulator.rootKeyHex,
      NODE_EXTRA_CA_CERTS: CA_FILE,
    },
  };
}

/**
 * One local WhatsApp server for every test of a spec file: started before the first test,
 * closed after the last. Read `emulator` and `env` inside tests (they are set by then).
 */
export function useWaServer(): { readonly emulator: Emulator; readonly env: Record<string, string> } {
  let server: Awaited<ReturnType<typeof startWaServer>> | null = null;
  test.beforeAll(async () => {
    server = await startWaServer();
  });
  test.afterAll(async () => {
    await server?.emulator.close();
  });
  const current = () => {
    if (!server) throw new Error('the WhatsApp server starts in beforeAll; use it inside tests');
    return server;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    get env() {
      return current().env;
    },
  };
}

/** The customers a test opens, closed after each test: push each one as it is made. */
export function customersClosedAfterEach(): Customer[] {
  const customers: Customer[] = [];
  test.afterEach(async () => {
    await Promise.all(customers.splice(0).map((customer) => customer.close()));
  });
  return customers;
}
