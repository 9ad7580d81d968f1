/**
 * The emulator's two certificate worlds:
 *
 * 1. Noise certificates (WhatsApp's own format). The ServerHello carries a `CertChain`:
 *    an intermediate certificate signed by the root key and a leaf certificate (holding the
 *    server's static Noise key) signed by the intermediate. Baileys checks both signatures and
 *    that the intermediate's `issuerSerial` is 0 (`WA_CERT_DETAILS.SERIAL`); the root public key
 *    it checks against is `WA_CERT_DETAILS.PUBLIC_KEY`, an exported mutable object that clients of
 *    this emulator set to `rootKeyHex`. The root key is derived from a fixed seed, so it is the
 *    same on every run and an app configured once keeps working after restarts.
 *
 * 2. TLS for the media server (Baileys hard-codes https for media). A TEST-ONLY CA and a
 *    server certificate for 127.0.0.1/localhost live in `certs/` (see certs/generate.sh);
 *    processes trust it through NODE_EXTRA_CA_CERTS=caCertPath, read by Node at startup only.
 */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { KeyPair } from '@whiskeysockets/baileys';
import { Curve, proto } from '@whiskeysockets/baileys';

const CERTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'certs');

export const TLS_FILES = {
  caCertPath: join(CERTS_DIR, 'ca.pem'),
  serverCertPath: join(CERTS_DIR, 'server.pem'),
  serverKeyPath: join(CERTS_DIR, 'server.key'),
} as const;

export function loadMediaTlsOptions(): { cert: Buffer; key: Buffer } {
  return { cert: readFileSync(TLS_FILES.serverCertPath), key: readFileSync(TLS_FILES.serverKeyPath) };
}

const DEFAULT_ROOT_SEED = 'chatdock wa-emulator noise root key v1 (test only)';
// DER prefix of a PKCS#8 X25519 private key; lets node:crypto derive the public key.
const X25519_PKCS8_PREFIX = Buffer.from([48, 46, 2, 1, 0, 48, 5, 6, 3, 43, 101, 110, 4, 34, 4, 32]);

/** A Curve25519 key pair derived deterministically from a seed string. */
export function keyPairFromSeed(seed: string): KeyPair {
  const privateKey = createHash('sha256').update(seed).digest();
  // Clamp like every X25519 private key, so XEdDSA signatures match the derived public key.
  privateKey[0] = privateKey[0]! & 248;
  privateKey[31] = (privateKey[31]! & 127) | 64;
  const spki = createPublicKey(
    createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, privateKey]), format: 'der', type: 'pkcs8' }),
  ).export({ format: 'der', type: 'spki' });
  return { private: privateKey, public: Buffer.from(spki.subarray(spki.length - 32)) };
}

export interface NoiseIdentity {
  rootKey: KeyPair;
  /** The static key the server proves in the handshake (leaf certificate key). */
  staticKey: KeyPair;
  /** Encoded `CertChain` sent (encrypted) inside every ServerHello. */
  certChain: Buffer;
}

const INTERMEDIATE_SERIAL = 1;
const LEAF_SERIAL = 2;
const TEN_YEARS_S = 10 * 365 * 24 * 3600;

function signedCertificate(
  details: proto.CertChain.NoiseCertificate.IDetails,
  signer: KeyPair,
): proto.CertChain.INoiseCertificate {
  const encoded = proto.CertChain.NoiseCertificate.Details.encode(details).finish();
  return { details: encoded, signature: Curve.sign(signer.private, encoded) };
}

export function createNoiseIdentity(rootSeed = DEFAULT_ROOT_SEED): NoiseIdentity {
  const rootKey = keyPairFromSeed(rootSeed);
  const intermediateKey = keyPairFromSeed(`${rootSeed}/intermediate`);
  const staticKey = keyPairFromSeed(`${rootSeed}/server-static`);
  const notBefore = Math.floor(Date.now() / 1000) - 3600;
  const notAfter = notBefore + TEN_YEARS_S;
  // issuerSerial 0 = "signed by the root"; Baileys rejects any other value on the intermediate.
  const intermediate = signedCertificate(
    { serial: INTERMEDIATE_SERIAL, issuerSerial: 0, key: intermediateKey.public, notBefore, notAfter },
    rootKey,
  );
  const leaf = signedCertificate(
    { serial: LEAF_SERIAL, issuerSerial: INTERMEDIATE_SERIAL, key: staticKey.public, notBefore, notAfter },
    intermediateKey,
  );
  const certChain = Buffer.from(proto.CertChain.encode({ leaf, intermediate }).finish());
  return { rootKey, staticKey, certChain };
}
