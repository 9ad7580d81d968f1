import type { UserFacingSocketConfig } from '@whiskeysockets/baileys';
import { APP_VERSION } from '../core/version.js';
import type { WaServerOptions } from './server-options.js';

/**
 * The Baileys options every session shares. Nothing here reaches outside the WhatsApp
 * server: the web version is the one Baileys ships (no fetch of the latest), link previews
 * are off, and history is not requested in full (the phone sends the recent part on link).
 */
export function socketConfig(server: WaServerOptions): Omit<UserFacingSocketConfig, 'auth' | 'logger'> {
  return {
    ...(server.url ? { waWebSocketUrl: server.url } : {}),
    ...(server.qrTimeoutMs ? { qrTimeout: server.qrTimeoutMs } : {}),
    browser: ['Chatdock', 'Chrome', APP_VERSION],
    markOnlineOnConnect: false,
    generateHighQualityLinkPreview: false,
    syncFullHistory: false,
    fireInitQueries: true,
    connectTimeoutMs: 20_000,
    keepAliveIntervalMs: 25_000,
  };
}
