/**
 * Small iqs a Baileys client sends around login and later. Each answer is the minimum Baileys
 * needs to stay healthy (no errors, no reconnect loops):
 * - `w:p` ping (keepalive: the client closes after ~keepAliveIntervalMs+5 s of silence);
 * - `passive` (sent after `success`), `w:stats`, dirty-bit cleaning: empty results;
 * - `abt` props: an empty `<props>` (privacy-token features stay off);
 * - `w:m` media_conn: our HTTPS media host (upload/download are hard-coded to https);
 * - `md` remove-companion-device: the client logs out; the device is forgotten.
 */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { getBinaryNodeChild } from '@whiskeysockets/baileys';

import { iqResult, node } from '../binary.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { parseUserJid } from '../jids.js';
import { announceDeviceChange } from './device-notifications.js';

const MEDIA_CONN_TTL_S = 3600;

export function handleMediaConnIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  session.conn.send(
    iqResult(iq, [
      node(
        'media_conn',
        {
          auth: ctx.media.authToken,
          ttl: String(MEDIA_CONN_TTL_S),
          auth_ttl: String(MEDIA_CONN_TTL_S),
          max_buckets: '12',
        },
        [node('host', { hostname: ctx.media.host, maxContentLengthBytes: String(ctx.media.maxBytes) })],
      ),
    ]),
  );
}

export function handleAbPropsIq(_ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  session.conn.send(iqResult(iq, [node('props', { protocol: '1', hash: 'emulator', refresh: '86400' }, [])]));
}

export function handleMdIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  const removal = getBinaryNodeChild(iq, 'remove-companion-device');
  session.conn.send(iqResult(iq));
  if (!removal) {
    return;
  }
  const removed = parseUserJid(removal.attrs.jid);
  const deviceId = removed?.device ?? session.device.id;
  if (ctx.store.removeDevice(session.account, deviceId)) {
    announceDeviceChange(ctx, session.account, deviceId, 'remove');
  }
}

export function emptyResult(_ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  session.conn.send(iqResult(iq));
}
