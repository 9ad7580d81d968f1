/**
 * `start()`: builds and starts a WhatsApp Web emulator on loopback — the chat WebSocket, the
 * HTTPS media host and the HTTP control endpoint — and returns its API (emulator.ts).
 *
 * Ports are random by default. With a `stateDir`, the ports first chosen are remembered and
 * reused on the next start (when free), so a client configured against the emulator, and media
 * URLs inside stored messages, keep working across emulator restarts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WebSocket } from 'ws';

import { AccountStore } from './accounts/store.js';
import { createNoiseIdentity, TLS_FILES } from './certs.js';
import { ChatServer } from './chat-server.js';
import { ClientConnection } from './connection.js';
import type { EmulatorContext } from './context.js';
import { ControlServer } from './control-http.js';
import { warn } from './debug.js';
import { dispatchStanza } from './dispatch.js';
import { Emulator } from './emulator.js';
import { CallRegistry } from './handlers/calls.js';
import { AppStateSync } from './handlers/app-state.js';
import { pushHistorySync } from './handlers/history-sync.js';
import { shareAppStateKey } from './app-state/phone-app-state.js';
import { handleClientPayload } from './handlers/login.js';
import { PairingRegistry } from './handlers/pairing.js';
import { PresenceRegistry } from './handlers/presence.js';
import { DeviceHub } from './hub.js';
import { MediaServer } from './media-server.js';
import { StanzaLog } from './stanza-log.js';
import { deliverToPhone, PhoneDirectory } from './phone/phones.js';

export interface StartOptions {
  /** Persist accounts, devices, key bundles, LIDs, queues, groups and media here. */
  stateDir?: string;
  wsPort?: number;
  mediaPort?: number;
  controlPort?: number;
  /** Seed of the Noise root key (the default gives the same root key everywhere). */
  rootKeySeed?: string;
  /** Push a history sync notification to each newly linked device (default true). */
  historySync?: boolean;
}

interface SavedPorts {
  wsPort: number;
  mediaPort: number;
  controlPort: number;
}

export async function start(options: StartOptions = {}): Promise<Emulator> {
  const { stateDir } = options;
  if (stateDir) {
    mkdirSync(stateDir, { recursive: true });
  }
  const saved = readSavedPorts(stateDir);
  const noise = createNoiseIdentity(options.rootKeySeed);
  const store = new AccountStore(stateDir);
  const log = new StanzaLog();
  const hub = new DeviceHub(store, log);
  const phones = new PhoneDirectory();
  const media = new MediaServer(stateDir);
  const ctx: EmulatorContext = {
    store,
    hub,
    log,
    media,
    phones,
    pairing: new PairingRegistry(),
    calls: new CallRegistry(),
    presence: new PresenceRegistry(),
    historySeeds: new Map(),
    afterLogin: [],
    appState: undefined as never,
  };
  ctx.appState = new AppStateSync(ctx);
  const historySync = options.historySync !== false;
  // At every login the phone shares the app-state key (app-state/phone-app-state.ts), before the
  // history sync of a new device, whose initial app-state sync then can read every collection.
  ctx.afterLogin.push(async (session, firstLogin) => {
    await shareAppStateKey(ctx, session);
    if (firstLogin && historySync) await pushHistorySync(ctx, session);
  });
  hub.toPhone = (account, stanza) => deliverToPhone(ctx, account, stanza);

  const chat = new ChatServer((ws: WebSocket) => acceptClient(ctx, ws, noise));
  const wsPort = await listenPreferring(chat.listen.bind(chat), options.wsPort, saved?.wsPort);
  const mediaPort = await listenPreferring(media.listen.bind(media), options.mediaPort, saved?.mediaPort);

  const rootKeyHex = Buffer.from(noise.rootKey.public).toString('hex');
  const emulator = new Emulator(ctx, chat, rootKeyHex, TLS_FILES.caCertPath, stateDir, async () => {
    await control.close();
    await chat.close();
    await media.close();
    store.flush();
  });
  const control = new ControlServer(emulator);
  const controlPort = await listenPreferring(
    control.listen.bind(control),
    options.controlPort,
    saved?.controlPort,
  );
  emulator.controlUrl = `http://127.0.0.1:${controlPort}`;
  if (stateDir) {
    const ports: SavedPorts = { wsPort, mediaPort, controlPort };
    writeFileSync(join(stateDir, 'ports.json'), JSON.stringify(ports));
  }
  return emulator;
}

function acceptClient(
  ctx: EmulatorContext,
  ws: WebSocket,
  noise: ReturnType<typeof createNoiseIdentity>,
): void {
  const conn = new ClientConnection(ws, noise);
  // Stanzas of one connection are handled strictly in order.
  let chain: Promise<void> = Promise.resolve();
  conn.on('payload', (payload) => handleClientPayload(ctx, conn, payload));
  conn.on('node', (stanza) => {
    chain = chain
      .then(() => dispatchStanza(ctx, conn, stanza))
      .catch((error: unknown) => warn(`${conn.label}: handler failed for <${stanza.tag}>`, error));
  });
}

function readSavedPorts(stateDir: string | undefined): SavedPorts | undefined {
  const file = stateDir && join(stateDir, 'ports.json');
  if (!file || !existsSync(file)) {
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf-8')) as SavedPorts;
  } catch {
    return undefined;
  }
}

/** Listens on the explicit port, else the remembered one (falling back to random if taken). */
async function listenPreferring(
  listen: (port: number) => Promise<number>,
  explicit: number | undefined,
  remembered: number | undefined,
): Promise<number> {
  if (explicit !== undefined) {
    return listen(explicit);
  }
  if (remembered) {
    try {
      return await listen(remembered);
    } catch {
      // taken by something else: a random port is better than failing
    }
  }
  return listen(0);
}
