import path from 'node:path';
import { start, type Emulator } from '../wa-emulator/index.js';

const CA_FILE = path.resolve(import.meta.dirname, '..', 'wa-emulator', 'certs', 'ca.pem');

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
