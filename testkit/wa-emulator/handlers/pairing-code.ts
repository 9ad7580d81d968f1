/**
 * Linking with a pairing code instead of a QR (Baileys `requestPairingCode`, `Socket/socket.js`,
 * and the `link_code_companion_reg` notification handler in `Socket/messages-recv.js`).
 *
 * 1. companion_hello (client iq `md`): the companion's ephemeral public key, wrapped as
 *    salt(32) ‖ iv(16) ‖ AES-CTR(key = PBKDF2-SHA256(code, salt, 2^17 rounds), pub).
 * 2. The user types the code on the phone (`confirmPairingCode`). The phone unwraps the companion
 *    key, wraps its own ephemeral key the same way, and sends a `link_code_companion_reg`
 *    notification with its identity public key (`primary_identity_pub`).
 * 3. companion_finish (client iq): salt(32) ‖ iv(12) ‖ AES-GCM(key = HKDF(DH(ephemerals), salt,
 *    "link_code_pairing_key_bundle_encryption_key"), companionIdentity ‖ primaryIdentity ‖ random).
 *    Both sides derive advSecret = HKDF(DH(ephemerals) ‖ DH(identities) ‖ random, "adv_secret"),
 *    then linking continues exactly like a QR scan (pair-success signed with that secret).
 * A wrong code makes step 3 fail to decrypt, which is how the phone notices it.
 */
import { randomBytes } from 'node:crypto';

import type { BinaryNode, KeyPair } from '@whiskeysockets/baileys';
import {
  aesDecryptCTR,
  aesDecryptGCM,
  aesEncryptCTR,
  Curve,
  derivePairingCodeKey,
  getBinaryNodeChild,
  getBinaryNodeChildBuffer,
  hkdf,
} from '@whiskeysockets/baileys';

import { iqError, iqResult, node } from '../binary.js';
import { newStanzaId } from '../connection.js';
import type { EmulatorContext } from '../context.js';
import { normalizePhone, parseUserJid, SERVER_JID, unixNow } from '../jids.js';
import type { LinkedDevice, PendingRegistration } from './pairing.js';
import { linkDevice } from './pairing.js';

const CONFIRM_TIMEOUT_MS = 30_000;
const CODE_REQUEST_WAIT_MS = 5_000;

export interface PairingCodeRequest {
  phone: string;
  ref: string;
  wrappedCompanionEphemeral: Buffer;
  /** Set once the phone confirmed the code and is waiting for companion_finish. */
  confirmation?: {
    code: string;
    primaryEphemeral: KeyPair;
    companionEphemeral: Buffer;
    resolve: (device: LinkedDevice) => void;
    reject: (error: Error) => void;
  };
}

/** Handles `<iq xmlns="md"><link_code_companion_reg stage=…>` from a registering client. */
export async function handleLinkCodeIq(
  ctx: EmulatorContext,
  registration: PendingRegistration,
  iq: BinaryNode,
): Promise<void> {
  const reg = getBinaryNodeChild(iq, 'link_code_companion_reg');
  const stage = reg?.attrs.stage;
  if (!reg || stage === 'companion_hello') {
    const phone = parseUserJid(reg?.attrs.jid)?.user;
    const wrapped = getBinaryNodeChildBuffer(reg, 'link_code_pairing_wrapped_companion_ephemeral_pub');
    if (!phone || !wrapped || wrapped.length < 80) {
      registration.conn.send(iqError(iq, 400, 'bad-request'));
      return;
    }
    const ref = randomBytes(16).toString('base64');
    registration.codeRequest = {
      phone: normalizePhone(phone),
      ref,
      wrappedCompanionEphemeral: Buffer.from(wrapped),
    };
    registration.conn.send(
      iqResult(iq, [
        node('link_code_companion_reg', {}, [node('link_code_pairing_ref', {}, Buffer.from(ref))]),
      ]),
    );
    ctx.pairing.emit('codeRequest', registration);
    return;
  }
  if (stage === 'companion_finish') {
    await finishCodePairing(ctx, registration, iq, reg);
    return;
  }
  registration.conn.send(iqResult(iq));
}

/** The user typed `code` into the phone `phone`. Resolves once the client is linked. */
export async function confirmPairingCode(
  ctx: EmulatorContext,
  phone: string,
  code: string,
  name?: string,
): Promise<LinkedDevice> {
  const digits = normalizePhone(phone);
  const registration = await ctx.pairing.waitForCodeRequest(digits, CODE_REQUEST_WAIT_MS);
  const request = registration?.codeRequest;
  if (!registration || !request || registration.conn.closed) {
    throw new Error(`no client is waiting for a pairing code for ${digits}`);
  }
  const normalizedCode = code.replace(/[\s-]/g, '').toUpperCase();
  const wrapped = request.wrappedCompanionEphemeral;
  const companionKey = await derivePairingCodeKey(normalizedCode, wrapped.subarray(0, 32));
  const companionEphemeral = aesDecryptCTR(wrapped.subarray(48, 80), companionKey, wrapped.subarray(32, 48));

  const primaryEphemeral = Curve.generateKeyPair();
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  const primaryKey = await derivePairingCodeKey(normalizedCode, salt);
  const wrappedPrimary = Buffer.concat([salt, iv, aesEncryptCTR(primaryEphemeral.public, primaryKey, iv)]);
  const account = ctx.store.ensureAccount(digits, name);

  const linked = new Promise<LinkedDevice>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('client did not finish code pairing in time')),
      CONFIRM_TIMEOUT_MS,
    );
    request.confirmation = {
      code: normalizedCode,
      primaryEphemeral,
      companionEphemeral,
      resolve: (device) => {
        clearTimeout(timer);
        resolve(device);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    };
    registration.conn.once('closed', () => {
      // Once linking started, linkDevice() settles the promise (it closes the socket itself: 515).
      if (!registration.linking) {
        reject(new Error('client disconnected during code pairing'));
      }
    });
  });
  registration.conn.send(
    node(
      'notification',
      { from: SERVER_JID, type: 'link_code_companion_reg', id: newStanzaId('lc'), t: String(unixNow()) },
      [
        node('link_code_companion_reg', { stage: 'primary_hello' }, [
          node('link_code_pairing_ref', {}, Buffer.from(request.ref)),
          node('primary_identity_pub', {}, account.identity.public),
          node('link_code_pairing_wrapped_primary_ephemeral_pub', {}, wrappedPrimary),
        ]),
      ],
    ),
  );
  return linked;
}

async function finishCodePairing(
  ctx: EmulatorContext,
  registration: PendingRegistration,
  iq: BinaryNode,
  reg: BinaryNode,
): Promise<void> {
  const confirmation = registration.codeRequest?.confirmation;
  const bundle = getBinaryNodeChildBuffer(reg, 'link_code_pairing_wrapped_key_bundle');
  if (!confirmation || !registration.codeRequest || !bundle) {
    registration.conn.send(iqError(iq, 400, 'bad-request'));
    return;
  }
  const account = ctx.store.ensureAccount(registration.codeRequest.phone);
  const ephemeralShared = Curve.sharedKey(
    confirmation.primaryEphemeral.private,
    confirmation.companionEphemeral,
  );
  const bundleBytes = Buffer.from(bundle);
  const bundleKey = hkdf(ephemeralShared, 32, {
    salt: bundleBytes.subarray(0, 32),
    info: 'link_code_pairing_key_bundle_encryption_key',
  });
  let plaintext: Buffer;
  try {
    plaintext = aesDecryptGCM(
      bundleBytes.subarray(44),
      bundleKey,
      bundleBytes.subarray(32, 44),
      Buffer.alloc(0),
    );
  } catch {
    registration.conn.send(iqError(iq, 401, 'not-authorized'));
    confirmation.reject(new Error('pairing code does not match the one the client shows'));
    return;
  }
  const companionIdentity = plaintext.subarray(0, 32);
  if (!companionIdentity.equals(registration.identityKey)) {
    registration.conn.send(iqError(iq, 401, 'not-authorized'));
    confirmation.reject(new Error('companion identity in the key bundle does not match its registration'));
    return;
  }
  const identityShared = Curve.sharedKey(account.identity.private, companionIdentity);
  const advSecret = Buffer.from(
    hkdf(Buffer.concat([ephemeralShared, identityShared, plaintext.subarray(64, 96)]), 32, {
      info: 'adv_secret',
    }),
  );
  registration.conn.send(iqResult(iq));
  // Linking waits for the client's answer to pair-success, so it must not block stanza handling.
  linkDevice(ctx, registration, account, advSecret).then(confirmation.resolve, confirmation.reject);
}
