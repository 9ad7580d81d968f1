/** What every protocol handler gets: the directory, live connections, logs and registries. */
import type { AccountStore } from './accounts/store.js';
import type { AccountRecord, DeviceRecord } from './accounts/types.js';
import type { ClientConnection } from './connection.js';
import type { AppStateSync } from './handlers/app-state.js';
import type { CallRegistry } from './handlers/calls.js';
import type { HistorySeed } from './handlers/history-sync.js';
import type { PairingRegistry } from './handlers/pairing.js';
import type { PresenceRegistry } from './handlers/presence.js';
import type { DeviceHub } from './hub.js';
import type { MediaServer } from './media-server.js';
import type { PhoneDirectory } from './phone/phones.js';
import type { StanzaLog } from './stanza-log.js';

export interface EmulatorContext {
  store: AccountStore;
  hub: DeviceHub;
  log: StanzaLog;
  pairing: PairingRegistry;
  calls: CallRegistry;
  presence: PresenceRegistry;
  media: MediaServer;
  /** App-state collections and the phones' decoded view of them (handlers/app-state.ts). */
  appState: AppStateSync;
  /** Every account's simulated primary phone (device 0). */
  phones: PhoneDirectory;
  /** History handed to the next newly linked device of a phone (`seedHistory`). */
  historySeeds: Map<string, HistorySeed>;
  /** Hooks run after a device's login completed (e.g. the history sync push). */
  afterLogin: Array<(session: DeviceSession, firstLogin: boolean) => void | Promise<void>>;
}

/** The logged-in device behind a connection. */
export interface DeviceSession {
  conn: ClientConnection;
  account: AccountRecord;
  device: DeviceRecord;
}

export function sessionOf(ctx: EmulatorContext, conn: ClientConnection): DeviceSession | undefined {
  if (!conn.device) {
    return undefined;
  }
  const account = ctx.store.account(conn.device.phone);
  const device = account && ctx.store.device(account, conn.device.deviceId);
  return account && device ? { conn, account, device } : undefined;
}
