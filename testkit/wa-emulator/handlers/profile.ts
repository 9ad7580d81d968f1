/**
 * Profile pictures and "about" texts.
 *
 * - `xmlns="w:profile:picture"` get (Baileys `profilePictureUrl(jid, type)`):
 *     <iq type="get" target=JID><picture type="preview|image" query="url">[<tctoken/>]</picture></iq>
 *   is answered with `<picture id type url direct_path/>` when the account has a picture, else
 *   with `<error code="404" text="item-not-found"/>` as WhatsApp does (Baileys then throws a Boom
 *   whose `data` is 404). `type="image"` gets the full-size picture when one was stored beside
 *   the preview (`Emulator.setProfilePicture(phone, preview, full)`), else the same bytes: the
 *   emulator does not resize. A group
 *   (`target` …@g.us) answers with its photo the same way.
 * - `w:profile:picture` set without `target` (`updateProfilePicture` / `removeProfilePicture` on
 *   oneself) changes the account's picture; with a group as `target`, the group photo, which
 *   only the group's admins may change (others get `<error code="401" text="not-authorized"/>`).
 * - `xmlns="status"` set (`updateProfileStatus`) changes the about text, which usync `status`
 *   answers (handlers/usync.ts).
 *
 * Every picture change gives a new picture id and URL, and is announced as
 *   <notification from=JID type="picture"><set jid id author/> | <delete jid/></notification>
 * to the connected devices of every account (the emulator keeps no address books); Baileys turns
 * it into `contacts.update` with `imgUrl: 'changed' | 'removed'`.
 */
import { randomBytes } from 'node:crypto';

import type { BinaryNode } from '@whiskeysockets/baileys';
import { getBinaryNodeChild } from '@whiskeysockets/baileys';

import type { AboutRecord, AccountRecord, PictureRecord } from '../accounts/types.js';
import { contentBytes, contentText, iqError, iqResult, node } from '../binary.js';
import type { ClientConnection } from '../connection.js';
import { newStanzaId } from '../connection.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import { unixNow, userJid } from '../jids.js';

/** What WhatsApp shows for an account that never set an about text. */
export const DEFAULT_ABOUT = 'Hey there! I am using WhatsApp.';

/** How long a picture URL claims to be valid (WhatsApp's `oe` parameter): a week. */
const URL_VALIDITY_S = 7 * 24 * 3600;

export function aboutOf(account: AccountRecord): AboutRecord {
  return account.about ?? { text: DEFAULT_ABOUT, setAt: 0 };
}

export function setAbout(ctx: EmulatorContext, account: AccountRecord, text: string): void {
  ctx.store.setAbout(account, text, unixNow());
}

/**
 * Publishes `bytes` as the account's picture (a new id and URL), or removes it (`null`), and
 * tells every connected device except `origin` (the one that made the change, if any).
 */
/** A new picture id and signed-looking URL path for `bytes` on the media host. */
function publishPicture(
  ctx: EmulatorContext,
  bytes: Buffer,
  previousId: string | undefined,
  full?: Buffer,
): PictureRecord {
  // Real picture URLs carry signed, expiring parameters; clients must treat them as secrets.
  const expires = (unixNow() + URL_VALIDITY_S).toString(16).toUpperCase();
  const signed = (blob: Buffer) =>
    `${ctx.media.put(blob).directPath}?oh=${randomBytes(16).toString('hex')}&oe=${expires}`;
  const id = String(Math.max(Number(previousId ?? 0) + 1, unixNow()));
  return { id, directPath: signed(bytes), ...(full ? { fullDirectPath: signed(full) } : {}) };
}

/** An admin sets or removes a group's photo; every connected device hears of it. */
function setGroupPicture(
  ctx: EmulatorContext,
  session: DeviceSession,
  iq: BinaryNode,
  groupJidText: string,
  bytes: Buffer | null,
): void {
  const group = ctx.store.group(groupJidText);
  if (!group) {
    session.conn.send(iqError(iq, 404, 'item-not-found'));
    return;
  }
  // Members without a role (null) are not admins.
  if (!group.participants.find((p) => p.phone === session.account.phone)?.role) {
    session.conn.send(iqError(iq, 401, 'not-authorized'));
    return;
  }
  const author = userJid(session.account.phone);
  if (bytes) {
    group.picture = publishPicture(ctx, bytes, group.picture?.id);
    ctx.store.changed();
    announcePictureChange(
      ctx,
      groupJidText,
      node('set', { jid: groupJidText, id: group.picture.id, author }),
      undefined,
    );
  } else if (group.picture) {
    group.picture = undefined;
    ctx.store.changed();
    announcePictureChange(ctx, groupJidText, node('delete', { jid: groupJidText }), undefined);
  }
  session.conn.send(iqResult(iq));
}

export function setProfilePicture(
  ctx: EmulatorContext,
  account: AccountRecord,
  bytes: Buffer | null,
  origin?: ClientConnection,
  full?: Buffer,
): void {
  const jid = userJid(account.phone);
  if (bytes) {
    const picture = publishPicture(ctx, bytes, account.picture?.id, full);
    ctx.store.setPicture(account, picture);
    announcePictureChange(ctx, jid, node('set', { jid, id: picture.id, author: jid }), origin);
  } else {
    if (!account.picture) {
      return;
    }
    ctx.store.setPicture(account, undefined);
    announcePictureChange(ctx, jid, node('delete', { jid }), origin);
  }
}

export function handleProfilePictureIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  const target = iq.attrs.target;
  const isGroup = target?.endsWith('@g.us') ?? false;
  if (iq.attrs.type === 'set') {
    const bytes = contentBytes(getBinaryNodeChild(iq, 'picture'));
    if (target && isGroup) {
      setGroupPicture(ctx, session, iq, target, bytes?.length ? bytes : null);
      return;
    }
    if (!target) setProfilePicture(ctx, session.account, bytes?.length ? bytes : null, session.conn);
    session.conn.send(iqResult(iq));
    return;
  }
  const picture =
    target && isGroup ? ctx.store.group(target)?.picture : ctx.store.resolve(target)?.account?.picture;
  if (!picture) {
    session.conn.send(iqError(iq, 404, 'item-not-found'));
    return;
  }
  const type = getBinaryNodeChild(iq, 'picture')?.attrs.type ?? 'preview';
  const directPath = type === 'image' ? (picture.fullDirectPath ?? picture.directPath) : picture.directPath;
  session.conn.send(
    iqResult(iq, [
      node('picture', {
        id: picture.id,
        type,
        url: `${ctx.media.baseUrl}${directPath}`,
        direct_path: directPath,
      }),
    ]),
  );
}

export function handleStatusIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  if (iq.attrs.type === 'set') {
    setAbout(ctx, session.account, contentText(getBinaryNodeChild(iq, 'status')) ?? '');
  }
  session.conn.send(iqResult(iq));
}

function announcePictureChange(
  ctx: EmulatorContext,
  jid: string,
  change: BinaryNode,
  origin: ClientConnection | undefined,
): void {
  const stanza = node(
    'notification',
    { from: jid, type: 'picture', id: newStanzaId('pic'), t: String(unixNow()) },
    [change],
  );
  for (const conn of ctx.hub.allConnections()) {
    const target = conn.device;
    const targetAccount = target && conn !== origin ? ctx.store.account(target.phone) : undefined;
    if (target && targetAccount) {
      ctx.hub.sendTransient(targetAccount, target.deviceId, stanza);
    }
  }
}
