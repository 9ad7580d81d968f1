/**
 * `<message>` relay. Senders encrypt per recipient device (Signal) and the server only routes:
 *
 *   <message id to type [edit] [category]>
 *     <participants><to jid=DEVICE><enc v=2 type=pkmsg|msg/></to>…</participants>   (fan-out)
 *     <enc type=skmsg/>                                                           (groups)
 *     <enc/> directly                     (retry resends; peer messages to one's own phone, device 0)
 *     <device-identity/>, <meta/>, …
 *
 * The sender gets `<ack class="message" id from t/>`. Each recipient device gets
 *   1:1:     <message from=SENDER:dev id t type notify=pushName sender_lid|sender_pn> <enc/> …
 *   own other devices: the same plus `recipient=CHAT` (Baileys treats it as fromMe)
 *   group:   <message from=GROUP participant=SENDER:dev participant_lid addressing_mode=pn …>
 *            <enc pkmsg (sender key distribution, if addressed to this device)/><enc skmsg/>
 *   LID group (`addressing: 'lid'`): participant=SENDER_LID:dev participant_pn addressing_mode=lid
 * The sender's addressing domain is kept (PN in → PN out, LID in → LID out); the other domain is
 * sent as the *_lid / *_pn attribute so the recipient learns the PN↔LID mapping.
 * Reactions, edits and revokes are ordinary encrypted messages and take the same path.
 *
 * View-once media (the sender's stanza carries `<meta view_once="true"/>`, as the customer
 * helper's `sendViewOnce` marks it): like WhatsApp, only phones (device 0) get the content; every
 * linked device gets `<message …><unavailable type="view_once"/></message>` without `<enc>`, which
 * Baileys hands on as a message without content and `key.isViewOnce`.
 *
 * Status (stories): a post is addressed to `status@broadcast` and encrypted like a group message
 * (a sender key, distributed in `<participants>` to each device of the `statusJidList` the poster
 * chose). WhatsApp delivers it to exactly those devices as
 *   <message from="status@broadcast" participant=POSTER:dev participant_lid …><enc pkmsg/><enc skmsg/>
 * which Baileys receives as an `other_status` message (`key.remoteJid` = status@broadcast,
 * `key.participant` = the poster). Nobody outside the list gets it.
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
import { handleNewsletterMessage, isNewsletterJid } from './newsletters.js';

/** Attributes of the sender's stanza that recipients should see unchanged. */
const FORWARDED_ATTRS = ['type', 'edit', 'category', 'push_priority', 'mediatype', 'verified_level'] as const;
/** Sender-side children that are not forwarded (fan-out wrapper, privacy tokens, reporting). */
const DROPPED_CHILDREN = new Set(['participants', 'tctoken', 'reporting']);

export function handleMessageStanza(ctx: EmulatorContext, session: DeviceSession, stanza: BinaryNode): void {
  const to = stanza.attrs.to;
  const id = stanza.attrs.id;
  if (isNewsletterJid(to)) {
    handleNewsletterMessage(ctx, session, stanza); // plaintext posts and reactions (newsletters.ts)
    return;
  }
  const t = String(unixNow());
  session.conn.send(node('ack', { class: 'message', id, from: to, t }));
  if (!to || !id) {
    return;
  }
  if (isGroupJid(to)) {
    relayToGroup(ctx, session, stanza, to, t);
  } else if (isStatusJid(to)) {
    relayStatus(ctx, session, stanza, t);
  } else {
    relayToUser(ctx, session, stanza, to, t);
  }
}

function isViewOnce(stanza: BinaryNode): boolean {
  return getBinaryNodeChildren(stanza, 'meta').some((meta) => meta.attrs.view_once === 'true');
}

/** What a device gets: the content, or for view-once media on a linked device the placeholder. */
function deliverable(stanza: BinaryNode, deviceId: number, children: BinaryNode[]): BinaryNode[] {
  return isViewOnce(stanza) && deviceId !== 0 ? [node('unavailable', { type: 'view_once' })] : children;
}

function forwardedAttrs(stanza: BinaryNode): Record<string, string | undefined> {
  const attrs: Record<string, string | undefined> = {};
  for (const name of FORWARDED_ATTRS) {
    attrs[name] = stanza.attrs[name];
  }
  return attrs;
}

function commonChildren(stanza: BinaryNode): BinaryNode[] {
  return Array.isArray(stanza.content)
    ? stanza.content.filter((child) => !DROPPED_CHILDREN.has(child.tag))
    : [];
}

/**
 * Message-level pkmsg/msg: a retry resend (or peer message) for exactly one device. Baileys also
 * adds a `<participants>` entry for that device; the direct `<enc count>` is the one to deliver.
 */
function directEncs(stanza: BinaryNode): BinaryNode[] {
  return commonChildren(stanza).filter((child) => child.tag === 'enc' && child.attrs.type !== 'skmsg');
}

/** Per-device `<enc>` nodes from the `<participants>` fan-out, keyed by "phone:device". */
function fanOut(ctx: EmulatorContext, stanza: BinaryNode): Map<string, BinaryNode[]> {
  const byDevice = new Map<string, BinaryNode[]>();
  for (const target of getBinaryNodeChildren(getBinaryNodeChild(stanza, 'participants'), 'to')) {
    const resolved = ctx.store.resolve(target.attrs.jid);
    if (!resolved) {
      continue;
    }
    // A jid without a device is the account's phone (device 0).
    byDevice.set(`${resolved.account.phone}:${resolved.device ?? 0}`, getBinaryNodeChildren(target, 'enc'));
  }
  return byDevice;
}

function relayToUser(
  ctx: EmulatorContext,
  session: DeviceSession,
  stanza: BinaryNode,
  to: string,
  t: string,
): void {
  const target = ctx.store.resolve(to);
  const domain: AddressingDomain = parseUserJid(to)?.domain ?? 'pn';
  const sender = session.account;
  const direct = directEncs(stanza);
  const others = commonChildren(stanza).filter((child) => !direct.includes(child));
  const chatJid = target ? userJid(domain === 'lid' ? target.account.lid : target.account.phone, domain) : to;

  const deliverTo = (account: AccountRecord, deviceId: number, encs: BinaryNode[]): void => {
    if (account.phone === sender.phone && deviceId === session.device.id) {
      return;
    }
    const attrs: Record<string, string | undefined> = {
      ...forwardedAttrs(stanza),
      from: senderDeviceJid(sender, session.device.id, domain),
      id: stanza.attrs.id,
      t,
      notify: sender.name,
      ...alternateSenderAttr(sender, domain, 'sender'),
    };
    if (account.phone === sender.phone) {
      // The chat this message belongs to; absent for messages to oneself (peer/self chat).
      attrs.recipient =
        stanza.attrs.recipient ?? (target && target.account.phone !== sender.phone ? chatJid : undefined);
    }
    ctx.hub.deliver(
      account,
      deviceId,
      node('message', attrs, deliverable(stanza, deviceId, [...encs, ...others])),
    );
  };

  if (direct.length) {
    // A peer message to one's own number (no device) is for the phone (device 0).
    if (target) {
      deliverTo(target.account, target.device ?? 0, direct);
    }
    return;
  }
  for (const [key, encs] of fanOut(ctx, stanza)) {
    const [phone, device] = key.split(':');
    const account = phone ? ctx.store.account(phone) : undefined;
    if (account) {
      deliverTo(account, Number(device), encs);
    }
  }
}

function relayToGroup(
  ctx: EmulatorContext,
  session: DeviceSession,
  stanza: BinaryNode,
  to: string,
  t: string,
): void {
  const group = ctx.store.group(to);
  const sender = session.account;
  if (!group || !group.participants.some((participant) => participant.phone === sender.phone)) {
    return;
  }
  // A LID-addressed group names its members by LID, the sender included (`participant_pn` beside it).
  const domain: AddressingDomain = group.addressing === 'lid' ? 'lid' : 'pn';
  const direct = directEncs(stanza);
  const perDevice = direct.length ? new Map<string, BinaryNode[]>() : fanOut(ctx, stanza);
  const others = commonChildren(stanza).filter((child) => !direct.includes(child));
  // A retry resend names the one device it is for in `participant`.
  const onlyDevice = stanza.attrs.participant ? ctx.store.resolve(stanza.attrs.participant) : undefined;
  for (const participant of group.participants) {
    const account = ctx.store.account(participant.phone);
    for (const device of account?.devices ?? []) {
      if (!account || (account.phone === sender.phone && device.id === session.device.id)) {
        continue;
      }
      if (onlyDevice && (onlyDevice.account.phone !== account.phone || onlyDevice.device !== device.id)) {
        continue;
      }
      const attrs: Record<string, string | undefined> = {
        ...forwardedAttrs(stanza),
        from: groupJid(group.id),
        participant: senderDeviceJid(sender, session.device.id, domain),
        id: stanza.attrs.id,
        t,
        notify: sender.name,
        addressing_mode: domain,
        ...alternateSenderAttr(sender, domain, 'participant'),
      };
      // pkmsg/msg (sender key distribution) must precede the skmsg that needs it.
      const encs = onlyDevice ? direct : (perDevice.get(`${account.phone}:${device.id}`) ?? []);
      ctx.hub.deliver(
        account,
        device.id,
        node('message', attrs, deliverable(stanza, device.id, [...encs, ...others])),
      );
    }
  }
}

/**
 * A Status post goes to the devices its sender distributed the sender key to (the
 * `statusJidList`, expanded to devices by the sender's usync), and to nobody else. A retry resend
 * names the one device it is for in `participant`, with a direct `<enc>`.
 */
function relayStatus(ctx: EmulatorContext, session: DeviceSession, stanza: BinaryNode, t: string): void {
  const sender = session.account;
  const direct = directEncs(stanza);
  const others = commonChildren(stanza).filter((child) => !direct.includes(child));
  const targets = new Map<string, BinaryNode[]>();
  const onlyDevice = stanza.attrs.participant ? ctx.store.resolve(stanza.attrs.participant) : undefined;
  if (direct.length && onlyDevice) {
    targets.set(`${onlyDevice.account.phone}:${onlyDevice.device ?? 0}`, direct);
  } else {
    for (const [key, encs] of fanOut(ctx, stanza)) targets.set(key, encs);
  }
  for (const [key, encs] of targets) {
    const [phone, device] = key.split(':');
    const account = phone ? ctx.store.account(phone) : undefined;
    const deviceId = Number(device);
    if (!account || (account.phone === sender.phone && deviceId === session.device.id)) {
      continue;
    }
    const attrs: Record<string, string | undefined> = {
      ...forwardedAttrs(stanza),
      from: STATUS_JID,
      participant: senderDeviceJid(sender, session.device.id, 'pn'),
      id: stanza.attrs.id,
      t,
      notify: sender.name,
      ...alternateSenderAttr(sender, 'pn', 'participant'),
    };
    ctx.hub.deliver(account, deviceId, node('message', attrs, [...encs, ...others]));
  }
}

function senderDeviceJid(sender: AccountRecord, deviceId: number, domain: AddressingDomain): string {
  return deviceJid(domain === 'lid' ? sender.lid : sender.phone, deviceId, domain);
}

/** `sender_lid` / `participant_lid` for PN addressing, `sender_pn` / `participant_pn` for LID. */
function alternateSenderAttr(
  sender: AccountRecord,
  domain: AddressingDomain,
  prefix: 'sender' | 'participant',
): Record<string, string> {
  return domain === 'lid'
    ? { [`${prefix}_pn`]: userJid(sender.phone, 'pn') }
    : { [`${prefix}_lid`]: userJid(sender.lid, 'lid') };
}
