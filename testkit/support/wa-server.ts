import { start, type Emulator } from '../wa-emulator/index.js';

/** The local WhatsApp server for integration tests, and the env that points a core at it. */
export async function startWaServer(options: { stateDir?: string } = {}): Promise<{
  emulator: Emulator;
  env: Record<string, string>;
}> {
  const emulator = await start(options);
  return {
    emulator,
    env: { CHATDOCK_WA_SERVER_URL: emulator.wsUrl, CHATDOCK_WA_SERVER_ROOT_KEY: emulator.rootKeyHex },
  };
}
