/**
 * A Baileys socket pointed at the emulator: the one place that knows how a client must be
 * configured to connect (used by the customer helper; apps do the equivalent in their config).
 */
import type { UserFacingSocketConfig, WASocket } from '@whiskeysockets/baileys';
import makeWASocket, { Browsers, DEFAULT_CONNECTION_CONFIG, WA_CERT_DETAILS } from '@whiskeysockets/baileys';
import { pino } from 'pino';

/** The part of the emulator a customer needs (an `Emulator` from start() fits). */
export interface EmulatorEndpoint {
  wsUrl: string;
  rootKeyHex: string;
  scanQr(qr: string, phone: string, name?: string): Promise<unknown>;
  confirmPairingCode(phone: string, code: string, name?: string): Promise<unknown>;
}

/** Builds a Baileys socket pointed at the emulator (trusting its Noise root key). */
export function makeEmulatorSocket(
  emulator: Pick<EmulatorEndpoint, 'wsUrl' | 'rootKeyHex'>,
  config: Partial<UserFacingSocketConfig> & Pick<UserFacingSocketConfig, 'auth'>,
): WASocket {
  // Read by Baileys at handshake time: the emulator signs its certificate chain with this root.
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(emulator.rootKeyHex, 'hex');
  return makeWASocket({
    waWebSocketUrl: emulator.wsUrl,
    version: DEFAULT_CONNECTION_CONFIG.version,
    browser: Browsers.ubuntu('Chrome'),
    logger: pino({ level: process.env.WA_CUSTOMER_LOG_LEVEL ?? 'silent' }),
    syncFullHistory: false,
    shouldSyncHistoryMessage: () => false,
    generateHighQualityLinkPreview: false,
    connectTimeoutMs: 10_000,
    defaultQueryTimeoutMs: 10_000,
    retryRequestDelayMs: 50,
    ...config,
  });
}
