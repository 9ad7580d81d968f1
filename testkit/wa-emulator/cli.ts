/**
 * `npm run emulator` — runs the local WhatsApp Web server until Ctrl+C.
 *
 *   npm run emulator -- [--state-dir DIR] [--ws-port N] [--media-port N] [--control-port N]
 *                       [--no-history-sync]
 *
 * Prints the WebSocket URL, the Noise root key and the CA file an app needs, and the control
 * URL (see README.md for the endpoints, e.g. POST /scan {qr, phone}).
 */
import { parseArgs } from 'node:util';

import { start } from './server.js';

const { values } = parseArgs({
  options: {
    'state-dir': { type: 'string' },
    'ws-port': { type: 'string' },
    'media-port': { type: 'string' },
    'control-port': { type: 'string' },
    'no-history-sync': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    'usage: npm run emulator -- [--state-dir DIR] [--ws-port N] [--media-port N] [--control-port N] [--no-history-sync]\n',
  );
  process.exit(0);
}

const port = (value: string | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);

const emulator = await start({
  stateDir: values['state-dir'],
  wsPort: port(values['ws-port']),
  mediaPort: port(values['media-port']),
  controlPort: port(values['control-port']),
  historySync: !values['no-history-sync'],
});

process.stdout.write(
  [
    'WhatsApp Web emulator (test tool) is running.',
    `  WebSocket URL : ${emulator.wsUrl}`,
    `  Root key (hex): ${emulator.rootKeyHex}`,
    `  CA file       : ${emulator.caCertPath}   (start clients with NODE_EXTRA_CA_CERTS=<this>)`,
    `  Media host    : ${emulator.mediaUrl}`,
    `  Control URL   : ${emulator.controlUrl}   (e.g. curl -XPOST ${emulator.controlUrl}/scan -d '{"qr":"…","phone":"15550100"}')`,
    `  State dir     : ${emulator.stateDir ?? '(memory only)'}`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) {
    return;
  }
  stopping = true;
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
