/**
 * Privacy settings and the block list of an account.
 *
 * - `privacy` get: `<privacy>` with one `<category name value/>` per setting (`last`, `online`,
 *   `profile`, `status`, `groupadd`, `readreceipts`, `calladd`, `messages`), "all" until changed;
 *   set `<privacy><category name value/></privacy>` (Baileys `updateLastSeenPrivacy`, …) changes
 *   one; set `<tokens>` (trusted-contact tokens) answers `<tokens/>`.
 * - `blocklist` get: `<list>` with an `<item jid/>` per blocked account (phone-number jids);
 *   set `<item action="block|unblock" jid=LID [pn_jid]/>` (Baileys 7 `updateBlockStatus`
 *   addresses the contact by LID) blocks or unblocks it. An unknown contact is
 *   `<error code="404" text="item-not-found"/>`.
 *
 * Both are kept per account and persisted. Blocking is bookkeeping only: messages are still relayed.
 * A block or unblock (from a linked device, or the phone: `setBlocked`) reaches the account's
 * other devices as WhatsApp tells them: `<notification type="account_sync"><blocklist><item
 * jid action="block|unblock"/></blocklist>` (Baileys: `blocklist.update`).
 */
import type { BinaryNode } from '@whiskeysockets/baileys';
import type { AccountRecord } from '../accounts/types.js';
import { newStanzaId } from '../connection.js';
import { unixNow } from '../jids.js';
import { getBinaryNodeChild, getBinaryNodeChildren } from '@whiskeysockets/baileys';

import { firstChild, iqError, iqResult, node } from '../binary.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { userJid } from '../jids.js';

export const PRIVACY_CATEGORIES = [
  'last',
  'online',
  'profile',
  'status',
  'groupadd',
  'readreceipts',
  'calladd',
  'messages',
] as const;

export function handlePrivacyIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  const child = firstChild(iq);
  const { account } = session;
  if (iq.attrs.type === 'get' && child?.tag === 'privacy') {
    const values = account.privacy ?? {};
    session.conn.send(
      iqResult(iq, [
        node(
          'privacy',
          {},
          PRIVACY_CATEGORIES.map((name) => node('category', { name, value: values[name] ?? 'all' })),
        ),
      ]),
    );
    return;
  }
  if (child?.tag === 'tokens') {
    session.conn.send(iqResult(iq, [node('tokens', {})]));
    return;
  }
  if (iq.attrs.type === 'set' && child?.tag === 'privacy') {
    for (const category of getBinaryNodeChildren(child, 'category')) {
      const { name, value } = category.attrs;
      if (name && value) (account.privacy ??= {})[name] = value;
    }
    ctx.store.changed();
  }
  session.conn.send(iqResult(iq));
}

export function handleBlocklistIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  const { account } = session;
  if (iq.attrs.type === 'get') {
    const items = (account.blocked ?? []).map((phone) => node('item', { jid: userJid(phone) }));
    session.conn.send(iqResult(iq, [node('list', {}, items)]));
    return;
  }
  const item = getBinaryNodeChild(iq, 'item');
  const target = ctx.store.resolve(item?.attrs.pn_jid ?? item?.attrs.jid)?.account;
  if (!item || !target) {
    session.conn.send(iqError(iq, 404, 'item-not-found'));
    return;
  }
  setBlocked(
    ctx,
    account,
    target.phone,
    item.attrs.action === 'block',
    session.conn.device?.deviceId ?? null,
  );
  session.conn.send(iqResult(iq));
}

/** Blocks or unblocks `contact` and tells the account's devices but `fromDevice` (the one that did it). */
export function setBlocked(
  ctx: EmulatorContext,
  account: AccountRecord,
  contact: string,
  blocked: boolean,
  fromDevice: number | null,
): void {
  const others = (account.blocked ?? []).filter((phone) => phone !== contact);
  account.blocked = blocked ? [...others, contact] : others;
  ctx.store.changed();
  const stanza = node(
    'notification',
    { from: userJid(account.phone), type: 'account_sync', id: newStanzaId('as'), t: String(unixNow()) },
    [node('blocklist', {}, [node('item', { jid: userJid(contact), action: blocked ? 'block' : 'unblock' })])],
  );
  for (const conn of ctx.hub.connectionsOf(account.phone)) {
    const device = conn.device;
    if (device && device.deviceId !== fromDevice) ctx.hub.sendTransient(account, device.deviceId, stanza);
  }
}
