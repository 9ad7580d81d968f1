/**
 * Chatdock's libsignal patch (patches/libsignal+6.0.0.patch, `queue_job.js`): a Signal job runs
 * in the async context of whoever queued it.
 *
 * libsignal serialises the work on one device in a queue named by the device's address only, and
 * those queues are global to the process. Two Baileys sockets in one process (two linked numbers
 * in the app, or a test's customer beside the simulated phone of the number it writes to) share
 * them. A job queued while the other socket's job held the queue ran in the other socket's async
 * context, where its own key transaction (an AsyncLocalStorage) was not found: the session it
 * opened was written past the transaction, and the transaction then encrypted from its own copy
 * of the keys. The message went out without that device ("No sessions"): a customer's first
 * message never reached the app's linked device (the flaky e2e test of session 21).
 */
import {
  addTransactionCapability,
  initAuthCreds,
  type SignalDataSet,
  type SignalKeyStore,
} from '@whiskeysockets/baileys';
// Baileys' Signal repository is not in its public index; the file is its own (stable in rc14).
import { makeLibSignalRepository } from '@whiskeysockets/baileys/lib/Signal/libsignal.js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { keyhelper } from '../../testkit/support/signal-keys.js';

const silent = pino({ level: 'silent' });

/** The key bundle the server hands out for a device (what `parseAndInjectE2ESessions` injects). */
function deviceBundle() {
  const identity = keyhelper.generateIdentityKeyPair();
  const signed = keyhelper.generateSignedPreKey(identity, 1);
  const preKey = keyhelper.generatePreKey(7);
  return {
    registrationId: keyhelper.generateRegistrationId(),
    identityKey: identity.pubKey,
    signedPreKey: { keyId: signed.keyId, publicKey: signed.keyPair.pubKey, signature: signed.signature },
    preKey: { keyId: preKey.keyId, publicKey: preKey.keyPair.pubKey },
  };
}

/**
 * One socket's keys over a plain map. `get` answers null for a missing key, as Baileys' own file
 * store does (the one the test customers use), and waits for `reads` when one is given.
 */
function socketKeys(reads?: Promise<void>) {
  const data = new Map<string, unknown>();
  const store: SignalKeyStore = {
    get: async (type, ids) => {
      await reads;
      const found: Record<string, unknown> = {};
      for (const id of ids) found[id] = data.get(`${type}/${id}`) ?? null;
      return found as never;
    },
    set: async (set: SignalDataSet) => {
      for (const [type, entries] of Object.entries(set))
        for (const [id, value] of Object.entries(entries ?? {})) data.set(`${type}/${id}`, value);
    },
  };
  const keys = addTransactionCapability(store, silent, { maxCommitRetries: 1, delayBetweenTriesMs: 0 });
  const repository = makeLibSignalRepository({ creds: initAuthCreds(), keys }, silent, async () => []);
  return { data, keys, repository };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('Signal jobs of two sockets in one process', () => {
  it("a session opened while another socket holds the device's queue is the one the message is encrypted with", async () => {
    const device = '972520000402:1@lid';
    // The other socket starts first and holds the device's queue until its keys are read.
    let letOtherRead!: () => void;
    const other = socketKeys(new Promise<void>((resolve) => (letOtherRead = resolve)));
    const otherOpens = other.repository.injectE2ESession({ jid: device, session: deviceBundle() });
    await tick();

    const sender = socketKeys();
    // Baileys' send: see there is no session, open one from the fetched bundle, encrypt, all in
    // one key transaction.
    const sent = sender.keys.transaction(async () => {
      expect((await sender.repository.validateSession(device)).exists).toBe(false);
      await sender.repository.injectE2ESession({ jid: device, session: deviceBundle() });
      return sender.repository.encryptMessage({ jid: device, data: Buffer.from('Are you open?') });
    }, device);
    await tick();
    letOtherRead();

    await expect(sent).resolves.toMatchObject({ type: 'pkmsg' });
    await otherOpens;
    // Each socket stored its own session for the device, in its own keys.
    expect(sender.data.get('session/972520000402_1.1')).toBeTruthy();
    expect(other.data.get('session/972520000402_1.1')).toBeTruthy();
  });
});
