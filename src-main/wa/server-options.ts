/** Where WhatsApp is (the real service, or another WhatsApp Web server) and how linking paces. */
export interface WaServerOptions {
  /** `CHATDOCK_WA_SERVER_URL`; null means WhatsApp itself. */
  url: string | null;
  /** `CHATDOCK_WA_SERVER_ROOT_KEY` (hex): the root of that server's certificate chain. */
  rootKeyHex: string | null;
  /**
   * `CHATDOCK_QR_TIMEOUT_MS`: how long each QR code (one per ref the server sent) is offered;
   * null keeps WhatsApp Web's 60 s for the first and 20 s for each next one.
   */
  qrTimeoutMs: number | null;
  /**
   * Store each incoming message with the key writes of its decryption before the receipt goes
   * out (wa/durable-receive.ts, docs/RELIABILITY.md). On unless false (`CHATDOCK_DURABLE_RECEIVE=0`).
   */
  durableReceive?: boolean;
}

/**
 * The custom server's certificate root to trust, or null (WhatsApp itself). Only together with
 * a custom URL, so a stray root key can never weaken connections to WhatsApp itself. Checked at
 * start (a bad key is a configuration error then, not at the first connection); applied to
 * Baileys when the WhatsApp layer loads (`server-trust.ts`). Free of Baileys on purpose.
 */
export function trustedRootKey(options: WaServerOptions): Buffer | null {
  if (!options.url || !options.rootKeyHex) return null;
  if (!/^[0-9a-f]{64}$/i.test(options.rootKeyHex)) {
    throw new Error('CHATDOCK_WA_SERVER_ROOT_KEY must be 64 hex digits (a 32-byte public key)');
  }
  return Buffer.from(options.rootKeyHex, 'hex');
}
