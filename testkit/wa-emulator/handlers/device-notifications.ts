/**
 * `<notification type="devices">` tells other clients that an account linked or removed a device,
 * so they drop/extend their cached device lists (Baileys caches usync device lists for 5 minutes).
 * Sent only to connected devices: a reconnecting client starts with an empty cache anyway.
 */
import type { AccountRecord } from '../accounts/types.js';
import { node } from '../binary.js';
import { newStanzaId } from '../connection.js';
import type { EmulatorContext } from '../context.js';
import { deviceJid, unixNow, userJid } from '../jids.js';

export function announceDeviceChange(
  ctx: EmulatorContext,
  account: AccountRecord,
  deviceId: number,
  change: 'add' | 'remove',
): void {
  const stanza = node(
    'notification',
    { from: userJid(account.phone), type: 'devices', id: newStanzaId('dev'), t: String(unixNow()) },
    [
      node(change, { device_hash: `2:${newStanzaId('h')}` }, [
        node('device', { jid: deviceJid(account.phone, deviceId), 'key-index': String(deviceId) }),
      ]),
    ],
  );
  for (const conn of ctx.hub.allConnections()) {
    const target = conn.device;
    if (!target || (target.phone === account.phone && target.deviceId === deviceId)) {
      continue;
    }
    const targetAccount = ctx.store.account(target.phone);
    if (targetAccount) {
      ctx.hub.sendTransient(targetAccount, target.deviceId, stanza);
    }
  }
}
