/**
 * `<receipt>` and `<ack>` from clients.
 *
 * A device's receipt for a message doubles as its acknowledgement of that message (Baileys
 * sends no `<ack>` after a successful decrypt), so it clears the message from the device outbox;
 * a retry receipt does not (the device sends an `<ack>` for that delivery itself).
 *
 * Routing (receipts always get `<ack class="receipt">` back):
 * - delivery (no type, or `inactive` — a client not marked online — which is still a delivery;
 *   Baileys ignores unknown receipt types, so `inactive` is forwarded without type), `read`,
 *   `played`: to every device of the original sender as `<receipt from=READER id t [type]>`;
 *   in groups `from=GROUP participant=READER`. Extra ids travel in `<list><item id/></list>`.
 *   For a Status (`to="status@broadcast" participant=POSTER`) to the poster's devices as
 *   `<receipt from="status@broadcast" participant=VIEWER id t [type]>` (who saw the Status).
 * - `read-self`: only to the reader's other devices (read receipts switched off);
 * - `retry`: to the one device named in `to` (or `participant` in groups), `from` = the device
 *   that failed to decrypt, children (retry, registration, keys) kept — the sender re-encrypts;
 * - `sender` (own-device delivery): to the named own device;
 * - `peer_msg`, `hist_sync`, others: acknowledged only.
 */
import type { BinaryNode } from '@whiskeysockets/baileys';
import { getBinaryNodeChild, getBinaryNodeChildren } from '@whiskeysockets/baileys';

import type { AccountRecord } from '../accounts/types.js';
import { node } from '../binary.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import type { AddressingDomain } from '../jids.js';
import {
  STATUS_JID,
  deviceJid,
  groupJid,
  isGroupJid,
  isStatusJid,
  parseUserJid,
  unixNow,
  userJid,
} from '../jids.js';

export function handleAckStanza(ctx: EmulatorContext, session: DeviceSession, ack: BinaryNode): void {
  const { class: ackClass, id, type } = ack.attrs;
  // One ack answers one delivery: a message resent with the same id (after a retry receipt) may
  // already wait behind the one this ack is for, and must not be dropped with it.
  ctx.hub.acknowledge(
    session.account,
    session.device.id,
    (entry) =>
      entry.tag === ackClass && entry.id === id && (ackClass !== 'receipt' || entry.type === (type ?? '')),
    { oldestOnly: ackClass === 'message' },
  );
}

export function handleReceiptStanza(ctx: EmulatorContext, session: DeviceSession, receipt: BinaryNode): void {
  const { id, to, type } = receipt.attrs;
  const ids = [
    id,
    ...getBinaryNodeChildren(getBinaryNodeChild(receipt, 'list'), 'item').map((item) => item.attrs.id),
  ];
  session.conn.send(node('ack', { class: 'receipt', id, from: to, type }));
  // A retry receipt asks the sender to resend; the device acknowledges the delivery it could not
  // decrypt with an <ack> of its own (see handleAckStanza).
  if (type !== 'retry') {
    ctx.hub.acknowledge(
      session.account,
      session.device.id,
      (entry) => entry.tag === 'message' && ids.includes(entry.id),
    );
  }
  if (!id || !to) {
    return;
  }
  const t = receipt.attrs.t ?? String(unixNow());
  switch (type) {
    case undefined:
    case 'inactive':
    case 'read':
    case 'played':
      routeStatusReceipt(ctx, session, receipt, type === 'inactive' ? undefined : type, t);
      return;
    case 'read-self':
      routeToOwnDevices(ctx, session, receipt, t);
      return;
    case 'retry':
      routeRetryReceipt(ctx, session, receipt, t);
      return;
    case 'sender': {
      const target = ctx.store.resolve(to);
      if (target?.device !== undefined && target.account.phone === session.account.phone) {
        ctx.hub.deliver(
          target.account,
          target.device,
          node(
            'receipt',
            {
              from: deviceJid(session.account.phone, session.device.id),
              id,
              t,
              type,
              recipient: receipt.attrs.recipient,
            },
            receipt.content,
          ),
        );
      }
      return;
    }
    default:
      // peer_msg, hist_sync, server-error…: acknowledged above, nothing to route.
      return;
  }
}

function readerJid(account: AccountRecord, domain: AddressingDomain): string {
  return userJid(domain === 'lid' ? account.lid : account.phone, domain);
}

function routeStatusReceipt(
  ctx: EmulatorContext,
  session: DeviceSession,
  receipt: BinaryNode,
  type: string | undefined,
  t: string,
): void {
  const { id, to, participant } = receipt.attrs;
  const list = getBinaryNodeChild(receipt, 'list');
  const content = list ? [list] : undefined;
  if (isGroupJid(to)) {
    const author = ctx.store.resolve(participant);
    if (!author || !to) {
      return;
    }
    const domain = parseUserJid(participant)?.domain ?? 'pn';
    ctx.hub.deliverToAccount(author.account, () =>
      node(
        'receipt',
        { from: groupJid(to), participant: readerJid(session.account, domain), id, t, type },
        content,
      ),
    );
    return;
  }
  if (isStatusJid(to)) {
    const poster = ctx.store.resolve(participant);
    if (!poster || poster.account.phone === session.account.phone) {
      return;
    }
    const domain = parseUserJid(participant)?.domain ?? 'pn';
    ctx.hub.deliverToAccount(poster.account, () =>
      node(
        'receipt',
        { from: STATUS_JID, participant: readerJid(session.account, domain), id, t, type },
        content,
      ),
    );
    return;
  }
  const sender = ctx.store.resolve(to);
  if (!sender || sender.account.phone === session.account.phone) {
    return;
  }
  const domain = parseUserJid(to)?.domain ?? 'pn';
  ctx.hub.deliverToAccount(sender.account, () =>
    node('receipt', { from: readerJid(session.account, domain), id, t, type }, content),
  );
}

function routeToOwnDevices(
  ctx: EmulatorContext,
  session: DeviceSession,
  receipt: BinaryNode,
  t: string,
): void {
  const { id, to, participant } = receipt.attrs;
  ctx.hub.deliverToAccount(
    session.account,
    () =>
      node('receipt', {
        from: deviceJid(session.account.phone, session.device.id),
        recipient: to,
        participant,
        id,
        t,
        type: 'read-self',
      }),
    session.device.id,
  );
}

function routeRetryReceipt(
  ctx: EmulatorContext,
  session: DeviceSession,
  receipt: BinaryNode,
  t: string,
): void {
  const { id, to, participant, recipient } = receipt.attrs;
  // A Status is addressed like a group message: the poster is the `participant`.
  const inGroup = isGroupJid(to) || isStatusJid(to);
  const target = ctx.store.resolve(inGroup ? participant : to);
  if (!target) {
    return;
  }
  const domain = parseUserJid(inGroup ? participant : to)?.domain ?? 'pn';
  const requester = deviceJid(
    domain === 'lid' ? session.account.lid : session.account.phone,
    session.device.id,
    domain,
  );
  const attrs = inGroup
    ? {
        from: isStatusJid(to) ? STATUS_JID : to ? groupJid(to) : undefined,
        participant: requester,
        id,
        t,
        type: 'retry',
      }
    : { from: requester, id, t, type: 'retry', recipient };
  const build = (): BinaryNode => node('receipt', attrs, receipt.content);
  if (target.device !== undefined) {
    ctx.hub.deliver(target.account, target.device, build());
  } else {
    ctx.hub.deliverToAccount(target.account, build);
  }
}
