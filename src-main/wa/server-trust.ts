import { WA_CERT_DETAILS } from '@whiskeysockets/baileys';
import { trustedRootKey, type WaServerOptions } from './server-options.js';

/**
 * Trusts a custom server's certificate root. Baileys reads `WA_CERT_DETAILS.PUBLIC_KEY` at
 * every handshake, so setting it once, when the WhatsApp layer loads, before any socket opens,
 * is enough.
 */
export function applyServerTrust(options: WaServerOptions): void {
  const rootKey = trustedRootKey(options);
  if (rootKey) (WA_CERT_DETAILS as { PUBLIC_KEY: Buffer }).PUBLIC_KEY = rootKey;
}
