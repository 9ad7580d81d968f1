/**
 * libsignal's key helpers, typed: the package's declarations leave them out. For tests that make
 * plain Signal devices (identity, signed pre-key, one-time pre-keys).
 */
import { createRequire } from 'node:module';

export interface KeyPair {
  pubKey: Buffer;
  privKey: Buffer;
}

export interface SignedPreKey {
  keyId: number;
  keyPair: KeyPair;
  signature: Buffer;
}

export const { keyhelper } = createRequire(import.meta.url)('libsignal') as {
  keyhelper: {
    generateIdentityKeyPair(): KeyPair;
    generateRegistrationId(): number;
    generatePreKey(keyId: number): { keyId: number; keyPair: KeyPair };
    generateSignedPreKey(identity: KeyPair, keyId: number): SignedPreKey;
  };
};
