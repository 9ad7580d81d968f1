/**
 * `xmlns="encrypt"` iqs: the Signal key directory.
 * - `get <count/>` → `<count value=N/>`: how many one-time pre-keys the device has left here
 *   (0 makes Baileys upload 812, ≤5 a few more);
 * - `set` with registration/identity/list/skey: pre-key upload (`getNextPreKeysNode`);
 * - `set <rotate><skey/></rotate>`: new signed pre-key;
 * - `get <digest/>`: Baileys only checks a `<digest>` child comes back;
 * - `get <key><user jid/>…</key>`: key bundles for session setup (`parseAndInjectE2ESessions`):
 *   registration id, type 5, identity, signed pre-key and one one-time pre-key, which is consumed.
 *   Device 0 (the simulated phone) answers with its own bundle; unknown users/devices are omitted.
 * When a device runs low on one-time pre-keys it gets `<notification type="encrypt"><count/>`.
 */
import type { BinaryNode } from '@whiskeysockets/baileys';
import {
  getBinaryNodeChild,
  getBinaryNodeChildBuffer,
  getBinaryNodeChildren,
  KEY_BUNDLE_TYPE,
} from '@whiskeysockets/baileys';

import type { DeviceRecord, PreKeyRecord } from '../accounts/types.js';
import { firstChild, iqError, iqResult, node, readUIntBE, uintBE } from '../binary.js';
import { newStanzaId } from '../connection.js';
import type { DeviceSession, EmulatorContext } from '../context.js';
import type { PhoneBundle } from '../phone/primary-phone.js';
import { SERVER_JID, unixNow } from '../jids.js';

const LOW_PRE_KEY_THRESHOLD = 5;

export function handleEncryptIq(ctx: EmulatorContext, session: DeviceSession, iq: BinaryNode): void {
  const child = firstChild(iq);
  const { conn, device } = session;
  switch (child?.tag) {
    case 'count':
      conn.send(iqResult(iq, [node('count', { value: String(device.preKeys.length) })]));
      return;
    case 'digest':
      conn.send(iqResult(iq, [digestNode(device)]));
      return;
    case 'rotate': {
      const skey = getBinaryNodeChild(child, 'skey');
      const signedPreKey = skey && parseSignedPreKey(skey);
      if (!signedPreKey) {
        conn.send(iqError(iq, 400, 'bad-request'));
        return;
      }
      device.signedPreKey = signedPreKey;
      ctx.store.changed();
      conn.send(iqResult(iq));
      return;
    }
    case 'key':
      void keyBundles(ctx, child).then((bundles) => conn.send(iqResult(iq, [node('list', {}, bundles)])));
      return;
    default:
      if (iq.attrs.type === 'set') {
        storeUpload(ctx, device, iq);
        conn.send(iqResult(iq));
        return;
      }
      conn.send(iqResult(iq));
  }
}

function storeUpload(ctx: EmulatorContext, device: DeviceRecord, iq: BinaryNode): void {
  const registrationId = readUIntBE(getBinaryNodeChildBuffer(iq, 'registration'));
  const identity = getBinaryNodeChildBuffer(iq, 'identity');
  const skey = getBinaryNodeChild(iq, 'skey');
  if (registrationId !== undefined) {
    device.registrationId = registrationId;
  }
  if (identity) {
    device.identityKey = Buffer.from(identity);
  }
  const signedPreKey = skey && parseSignedPreKey(skey);
  if (signedPreKey) {
    device.signedPreKey = signedPreKey;
  }
  const known = new Set(device.preKeys.map((key) => key.id));
  for (const keyNode of getBinaryNodeChildren(getBinaryNodeChild(iq, 'list'), 'key')) {
    const preKey = parsePreKey(keyNode);
    if (preKey && !known.has(preKey.id)) {
      device.preKeys.push(preKey);
      known.add(preKey.id);
    }
  }
  ctx.store.changed();
}

async function keyBundles(ctx: EmulatorContext, keyNode: BinaryNode): Promise<BinaryNode[]> {
  const bundles: BinaryNode[] = [];
  for (const user of getBinaryNodeChildren(keyNode, 'user')) {
    const jid = user.attrs.jid;
    const resolved = ctx.store.resolve(jid);
    if (jid && resolved && !resolved.device) {
      // Device 0: the simulated phone hands out its own bundle (phone/primary-phone.ts).
      bundles.push(phoneBundleNode(jid, await ctx.phones.of(resolved.account).bundle()));
      continue;
    }
    const device = resolved && ctx.store.device(resolved.account, resolved.device ?? 0);
    if (!jid || !resolved || !device) {
      continue;
    }
    const preKey = device.preKeys.shift();
    ctx.store.changed();
    const content: BinaryNode[] = [
      node('registration', {}, uintBE(device.registrationId, 4)),
      node('type', {}, Buffer.from(KEY_BUNDLE_TYPE)),
      node('identity', {}, device.identityKey),
      signedPreKeyNode(device),
    ];
    if (preKey) {
      content.push(node('key', {}, [node('id', {}, uintBE(preKey.id, 3)), node('value', {}, preKey.public)]));
    }
    bundles.push(node('user', { jid }, content));
    if (device.preKeys.length < LOW_PRE_KEY_THRESHOLD) {
      ctx.hub.deliver(
        resolved.account,
        device.id,
        node(
          'notification',
          { from: SERVER_JID, type: 'encrypt', id: newStanzaId('pk'), t: String(unixNow()) },
          [node('count', { value: String(device.preKeys.length) })],
        ),
      );
    }
  }
  return bundles;
}

function phoneBundleNode(jid: string, bundle: PhoneBundle): BinaryNode {
  const content: BinaryNode[] = [
    node('registration', {}, uintBE(bundle.registrationId, 4)),
    node('type', {}, Buffer.from(KEY_BUNDLE_TYPE)),
    node('identity', {}, bundle.identityKey),
    signedPreKeyNode({ signedPreKey: bundle.signedPreKey }),
  ];
  if (bundle.preKey) {
    content.push(
      node('key', {}, [node('id', {}, uintBE(bundle.preKey.id, 3)), node('value', {}, bundle.preKey.public)]),
    );
  }
  return node('user', { jid }, content);
}

function signedPreKeyNode(device: Pick<DeviceRecord, 'signedPreKey'>): BinaryNode {
  return node('skey', {}, [
    node('id', {}, uintBE(device.signedPreKey.id, 3)),
    node('value', {}, device.signedPreKey.public),
    node('signature', {}, device.signedPreKey.signature),
  ]);
}

function digestNode(device: DeviceRecord): BinaryNode {
  return node('digest', {}, [
    node('type', {}, Buffer.from(KEY_BUNDLE_TYPE)),
    node('identity', {}, device.identityKey),
    node('registration', {}, uintBE(device.registrationId, 4)),
    signedPreKeyNode(device),
    node(
      'list',
      {},
      device.preKeys.map((key) => node('id', {}, uintBE(key.id, 3))),
    ),
  ]);
}

function parseSignedPreKey(skey: BinaryNode): DeviceRecord['signedPreKey'] | undefined {
  const id = readUIntBE(getBinaryNodeChildBuffer(skey, 'id'));
  const value = getBinaryNodeChildBuffer(skey, 'value');
  const signature = getBinaryNodeChildBuffer(skey, 'signature');
  if (id === undefined || !value || !signature) {
    return undefined;
  }
  return { id, public: Buffer.from(value), signature: Buffer.from(signature) };
}

function parsePreKey(keyNode: BinaryNode): PreKeyRecord | undefined {
  const id = readUIntBE(getBinaryNodeChildBuffer(keyNode, 'id'));
  const value = getBinaryNodeChildBuffer(keyNode, 'value');
  return id === undefined || !value ? undefined : { id, public: Buffer.from(value) };
}
