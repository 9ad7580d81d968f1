/** Public entry point of the WhatsApp Web emulator (test tool; never shipped in the app). */
export { start } from './server.js';
export type { StartOptions } from './server.js';
export { Emulator } from './emulator.js';
export type { AccountSummary, DeviceSummary, EmulatorInfo, GroupSummary, KickReason } from './emulator.js';
export type { LinkedDevice } from './handlers/pairing.js';
export type { CallRecord, CallStatus } from './handlers/calls.js';
export type { LoggedStanza } from './stanza-log.js';
export { TLS_FILES } from './certs.js';
export type { HistorySeed } from './handlers/history-sync.js';
