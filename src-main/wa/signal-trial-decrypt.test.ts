/**
 * Chatdock's libsignal patch (patches/libsignal+6.0.0.patch): a message is tried against each of
 * a contact's sessions on a copy. libsignal-node stepped the ratchet of every session it tried
 * and failed on (new ephemeral key, new root key, receiving chain key deleted) and then stored
 * the whole record when a later session succeeded, so a message decrypted by a closed session
 * broke the open one. After a crash this was the start of the decrypt-failure cascade
 * (docs/RELIABILITY.md, "Session 8"): both sides open a session at once, each decrypts the
 * other's messages on the closed one, and everything sent on the open one fails ("Bad MAC").
 *
 * Two plain libsignal devices, the way Baileys stores sessions (serialised between messages).
 */
import { ProtocolAddress, SessionBuilder, SessionCipher, SessionRecord } from 'libsignal';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyhelper, type KeyPair, type SignedPreKey } from '../../testkit/support/signal-keys.js';

interface Device {
  name: string;
  identity: KeyPair;
  registrationId: number;
  signedPreKey: SignedPreKey;
  preKeys: Map<number, KeyPair>;
  sessions: Map<string, unknown>;
}

function device(name: string): Device {
  const identity = keyhelper.generateIdentityKeyPair();
  const preKeys = new Map<number, KeyPair>();
  for (let id = 1; id <= 3; id++) preKeys.set(id, keyhelper.generatePreKey(id).keyPair);
  return {
    name,
    identity,
    registrationId: keyhelper.generateRegistrationId(),
    signedPreKey: keyhelper.generateSignedPreKey(identity, 1),
    preKeys,
    sessions: new Map(),
  };
}

/** Sessions kept serialised, as Baileys keeps them: a change sticks only when libsignal stores it. */
function storage(of: Device) {
  return {
    loadSession: async (id: string) => {
      const stored = of.sessions.get(id);
      return stored ? SessionRecord.deserialize(stored as never) : undefined;
    },
    storeSession: async (id: string, record: { serialize(): unknown }) => {
      of.sessions.set(id, record.serialize());
    },
    isTrustedIdentity: () => true,
    loadPreKey: async (id: number | string) => of.preKeys.get(Number(id)),
    removePreKey: (id: number) => {
      of.preKeys.delete(id);
    },
    loadSignedPreKey: () => of.signedPreKey.keyPair,
    getOurRegistrationId: () => of.registrationId,
    getOurIdentity: () => of.identity,
  };
}

const address = (of: Device) => new ProtocolAddress(of.name, 1);
const cipher = (from: Device, to: Device) => new SessionCipher(storage(from) as never, address(to));

/** `from` opens a new session with `to`'s key bundle (what a key fetch or a retry receipt gives). */
async function openSession(from: Device, to: Device, preKeyId: number): Promise<void> {
  const preKey = to.preKeys.get(preKeyId)!;
  await new SessionBuilder(storage(from) as never, address(to)).initOutgoing({
    registrationId: to.registrationId,
    identityKey: to.identity.pubKey,
    signedPreKey: {
      keyId: to.signedPreKey.keyId,
      publicKey: to.signedPreKey.keyPair.pubKey,
      signature: to.signedPreKey.signature,
    },
    preKey: { keyId: preKeyId, publicKey: preKey.pubKey },
  });
}

interface Sealed {
  type: number;
  body: Buffer;
}

const send = async (from: Device, to: Device, text: string): Promise<Sealed> => {
  const sealed = (await cipher(from, to).encrypt(Buffer.from(text))) as {
    type: number;
    body: string | Buffer;
  };
  return { type: sealed.type, body: Buffer.from(sealed.body as never, 'binary') };
};

const receive = async (by: Device, from: Device, sealed: Sealed): Promise<string> => {
  const plain = (await (sealed.type === 3
    ? cipher(by, from).decryptPreKeyWhisperMessage(sealed.body)
    : cipher(by, from).decryptWhisperMessage(sealed.body))) as Buffer;
  return plain.toString();
};

describe('decrypting with one of several sessions', () => {
  let clock = Date.parse('2026-12-05T12:00:00Z');
  // libsignal tries the most recently used session first; each step gets its own millisecond.
  const tick = () => vi.setSystemTime((clock += 1000));
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // libsignal prints every session it closes and every failed try; not wanted in the test log.
    for (const method of ['info', 'warn', 'error'] as const)
      vi.spyOn(console, method).mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('leaves the sessions it failed on as they were (both sides opened a session at once)', async () => {
    const shop = device('shop');
    const customer = device('customer');
    tick();
    await openSession(customer, shop, 1); // the customer's session: C
    const first = await send(customer, shop, 'customer 1');
    tick();
    await openSession(shop, customer, 1); // the shop's, at the same time: S
    const hello = await send(shop, customer, 'api 1');
    tick();
    expect(await receive(shop, customer, first)).toBe('customer 1'); // shop: C open, S closed
    tick();
    expect(await receive(customer, shop, hello)).toBe('api 1'); // customer: S open, C closed
    tick();
    // The shop answers on its open session (C); the customer tries its open one (S) first, fails,
    // and decrypts with the closed one.
    expect(await receive(customer, shop, await send(shop, customer, 'api 2'))).toBe('api 2');
    tick();
    // The customer writes on its open session (S): the shop has it (closed) and must decrypt it.
    for (const text of ['customer 2', 'customer 3']) {
      expect(await receive(shop, customer, await send(customer, shop, text))).toBe(text);
      tick();
    }
    // And the conversation goes on both ways.
    expect(await receive(customer, shop, await send(shop, customer, 'api 3'))).toBe('api 3');
    tick();
    expect(await receive(shop, customer, await send(customer, shop, 'customer 4'))).toBe('customer 4');
  });
});
