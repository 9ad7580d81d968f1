/**
 * Linking a new device ("companion") to an account, as the phone would.
 *
 * Registration: a client without `creds.me` sends a registration ClientPayload whose
 * `devicePairingData` is its Signal key bundle. The server answers with
 * `<iq type=set><pair-device><ref/>×6</pair-device></iq>`; Baileys shows them one after another
 * as QR codes (`qrTimeout`, default 60 s then 20 s each) and closes with 408 when they run out.
 *
 * QR text = `https://wa.me/settings/linked_devices#ref,b64(noiseKey),b64(identityKey),advSecret,platform`.
 * The ADV secret exists only in the QR, so the emulated phone has to be shown it (`scanQr`).
 *
 * pair-success (`Utils/validate-connection.js configureSuccessfulPairing`):
 *   D = ADVDeviceIdentity{rawId, timestamp, keyIndex}
 *   S = ADVSignedDeviceIdentity{details: D, accountSignatureKey: phone identity pub,
 *                               accountSignature: sign(phone identity, [6,0] ‖ D ‖ device identity pub)}
 *   <device-identity> = ADVSignedDeviceIdentityHMAC{details: S, hmac: HMAC-SHA256(advSecret, S)}
 * The client answers `<pair-device-sign>`; the server then sends `<stream:error code="515"/>`
 * (restart required) and the client logs in with its new `creds.me`.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { EventEmitter } from 'node:events';

import type { BinaryNode, proto } from '@whiskeysockets/baileys';
import { Curve, getBinaryNodeChild, hmacSign, proto as waProto } from '@whiskeysockets/baileys';

import type { AccountRecord } from '../accounts/types.js';
import { node, readUIntBE } from '../binary.js';
import type { ClientConnection } from '../connection.js';
import { newStanzaId } from '../connection.js';
import type { EmulatorContext } from '../context.js';
import { deviceJid, normalizePhone, SERVER_JID, unixNow } from '../jids.js';
import { announceDeviceChange } from './device-notifications.js';
import type { PairingCodeRequest } from './pairing-code.js';

const REFS_PER_REGISTRATION = 6;
const ADV_ACCOUNT_SIGNATURE_PREFIX = Buffer.from([6, 0]);

/** A connected, not yet linked client. */
export interface PendingRegistration {
  conn: ClientConnection;
  noiseKey: Buffer;
  registrationId: number;
  identityKey: Buffer;
  signedPreKey: { id: number; public: Buffer; signature: Buffer };
  platform: string;
  refs: string[];
  codeRequest?: PairingCodeRequest;
  linking: boolean;
}

export interface LinkedDevice {
  phone: string;
  deviceId: number;
  jid: string;
  lid: string;
}

export class PairingRegistry extends EventEmitter<{ codeRequest: [registration: PendingRegistration] }> {
  private readonly pending = new Set<PendingRegistration>();

  /**
   * `requestPairingCode` does not wait for the server, so the phone may be shown the code before
   * the client's companion_hello arrived: wait for it (event-driven) for a while.
   */
  waitForCodeRequest(phone: string, timeoutMs: number): Promise<PendingRegistration | undefined> {
    const existing = this.withCodeRequestFor(phone);
    if (existing) {
      return Promise.resolve(existing);
    }
    return new Promise((resolve) => {
      const onRequest = (registration: PendingRegistration): void => {
        if (registration.codeRequest?.phone === phone) {
          done(registration);
        }
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      const done = (registration: PendingRegistration | undefined): void => {
        clearTimeout(timer);
        this.off('codeRequest', onRequest);
        resolve(registration);
      };
      this.on('codeRequest', onRequest);
    });
  }

  /** Starts the QR flow for a registration payload. */
  begin(conn: ClientConnection, payload: proto.ClientPayload): void {
    const pairing = payload.devicePairingData;
    const registrationId = readUIntBE(pairing?.eRegid ?? undefined);
    const signedPreKeyId = readUIntBE(pairing?.eSkeyId ?? undefined);
    if (
      !pairing?.eIdent ||
      !pairing.eSkeyVal ||
      !pairing.eSkeySig ||
      registrationId === undefined ||
      !conn.clientStatic
    ) {
      conn.failure(400);
      return;
    }
    const registration: PendingRegistration = {
      conn,
      noiseKey: conn.clientStatic,
      registrationId,
      identityKey: Buffer.from(pairing.eIdent),
      signedPreKey: {
        id: signedPreKeyId ?? 1,
        public: Buffer.from(pairing.eSkeyVal),
        signature: Buffer.from(pairing.eSkeySig),
      },
      platform: platformName(pairing.deviceProps),
      refs: Array.from({ length: REFS_PER_REGISTRATION }, () => `2@${randomBytes(24).toString('base64')}`),
      linking: false,
    };
    this.pending.add(registration);
    conn.once('closed', () => this.pending.delete(registration));
    conn.send(
      node('iq', { type: 'set', id: newStanzaId('pair'), from: SERVER_JID, xmlns: 'md' }, [
        node(
          'pair-device',
          {},
          registration.refs.map((ref) => node('ref', {}, Buffer.from(ref))),
        ),
      ]),
    );
  }

  forConnection(conn: ClientConnection): PendingRegistration | undefined {
    return [...this.pending].find((registration) => registration.conn === conn);
  }

  /** The newest open registration that asked for a pairing code for this phone. */
  withCodeRequestFor(phone: string): PendingRegistration | undefined {
    return [...this.pending].reverse().find((registration) => registration.codeRequest?.phone === phone);
  }

  byRef(ref: string): PendingRegistration | undefined {
    return [...this.pending].find((registration) => registration.refs.includes(ref));
  }
}

export interface ParsedQr {
  ref: string;
  noiseKey: Buffer;
  identityKey: Buffer;
  advSecret: Buffer;
}

export function parseQr(qr: string): ParsedQr {
  const fields = qr.slice(qr.indexOf('#') + 1).split(',');
  const [ref, noiseKey, identityKey, advSecret] = fields;
  if (fields.length < 4 || !ref || !noiseKey || !identityKey || !advSecret) {
    throw new Error('not a WhatsApp linking QR code');
  }
  return {
    ref,
    noiseKey: Buffer.from(noiseKey, 'base64'),
    identityKey: Buffer.from(identityKey, 'base64'),
    advSecret: Buffer.from(advSecret, 'base64'),
  };
}

/** The phone scans a QR shown by a client: links that client to the account (created if missing). */
export async function scanQr(
  ctx: EmulatorContext,
  qr: string,
  phone: string,
  name?: string,
): Promise<LinkedDevice> {
  const parsed = parseQr(qr);
  const registration = ctx.pairing.byRef(parsed.ref);
  if (!registration || registration.conn.closed) {
    throw new Error('QR code expired or unknown (no connected client issued this ref)');
  }
  if (
    !registration.noiseKey.equals(parsed.noiseKey) ||
    !registration.identityKey.equals(parsed.identityKey)
  ) {
    throw new Error('QR code keys do not match the client that issued the ref');
  }
  const account = ctx.store.ensureAccount(normalizePhone(phone), name);
  return linkDevice(ctx, registration, account, parsed.advSecret);
}

/** Sends pair-success, waits for pair-device-sign, stores the device and asks for a restart. */
export async function linkDevice(
  ctx: EmulatorContext,
  registration: PendingRegistration,
  account: AccountRecord,
  advSecret: Buffer,
): Promise<LinkedDevice> {
  if (registration.linking) {
    throw new Error('this client is already being linked');
  }
  registration.linking = true;
  const deviceId = ctx.store.reserveDeviceId(account);
  const details = Buffer.from(
    waProto.ADVDeviceIdentity.encode({
      rawId: randomInt(1, 2 ** 31),
      timestamp: unixNow(),
      keyIndex: deviceId,
    }).finish(),
  );
  const accountSignature = Curve.sign(
    account.identity.private,
    Buffer.concat([ADV_ACCOUNT_SIGNATURE_PREFIX, details, registration.identityKey]),
  );
  const signedIdentity = Buffer.from(
    waProto.ADVSignedDeviceIdentity.encode({
      details,
      accountSignatureKey: account.identity.public,
      accountSignature,
    }).finish(),
  );
  const identityHmac = waProto.ADVSignedDeviceIdentityHMAC.encode({
    details: signedIdentity,
    hmac: hmacSign(signedIdentity, advSecret),
  }).finish();
  const jid = deviceJid(account.phone, deviceId);
  const lid = deviceJid(account.lid, deviceId, 'lid');
  const children: BinaryNode[] = [
    node('device-identity', {}, identityHmac),
    node('platform', { name: 'android' }),
    node('device', { jid, lid }),
  ];
  // `<biz name>` becomes the client's `me.name`; Baileys only announces presence with a name.
  if (account.name) {
    children.push(node('biz', { name: account.name }));
  }
  const reply = await registration.conn.sendIq(
    node('iq', { type: 'set', from: SERVER_JID, t: String(unixNow()) }, [node('pair-success', {}, children)]),
  );
  if (!getBinaryNodeChild(reply, 'pair-device-sign')) {
    registration.linking = false;
    throw new Error('client rejected pair-success');
  }
  ctx.store.addDevice(account, {
    id: deviceId,
    noiseKey: registration.noiseKey,
    registrationId: registration.registrationId,
    identityKey: registration.identityKey,
    signedPreKey: registration.signedPreKey,
    preKeys: [],
    platform: registration.platform,
    pairedAt: Date.now(),
  });
  // 515 = restart required: the client reconnects and logs in as the new device.
  registration.conn.streamError({ code: '515' });
  announceDeviceChange(ctx, account, deviceId, 'add');
  return { phone: account.phone, deviceId, jid, lid };
}

function platformName(deviceProps: Uint8Array | null | undefined): string {
  if (!deviceProps) {
    return 'unknown';
  }
  try {
    return waProto.DeviceProps.decode(deviceProps).os ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
