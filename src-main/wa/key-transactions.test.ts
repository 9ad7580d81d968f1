/**
 * What Chatdock's Baileys patch changes in Signal key transactions (docs/ARCHITECTURE.md,
 * "Durable receive"); each test fails on an unpatched Baileys:
 * - transactions run one at a time whatever their key, so a message received from a contact
 *   and one sent to them cannot both read a session and the later write undo the earlier one's
 *   ratchet step;
 * - `exclusive` keeps every other flow's transaction out while one incoming message is handled,
 *   and lets that flow's own transactions run inside;
 * - `commitPending` stores what a transaction changed so far (before its ciphertext is sent);
 * - LID mappings keep their own mutex: a flow holding the one mutex may wait for a LID lookup
 *   that another flow started and whose store needs a transaction (this hung a new contact's
 *   first message forever).
 */
import { addTransactionCapability, type SignalDataSet, type SignalKeyStore } from '@whiskeysockets/baileys';
// Baileys' LID store is not in its public index; the file is its own (stable in rc14).
import { LIDMappingStore } from '@whiskeysockets/baileys/lib/Signal/lid-mapping.js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

type PatchedKeyStore = ReturnType<typeof addTransactionCapability> & {
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  commitPending(): Promise<void>;
};

/** A key store over a plain map (what the app's SQLite store is to Baileys). */
function memoryStore() {
  const data = new Map<string, unknown>();
  const store: SignalKeyStore = {
    get: async (type, ids) => {
      const found: Record<string, unknown> = {};
      for (const id of ids) if (data.has(`${type}/${id}`)) found[id] = data.get(`${type}/${id}`);
      return found as never;
    },
    set: async (set: SignalDataSet) => {
      for (const [type, entries] of Object.entries(set))
        for (const [id, value] of Object.entries(entries ?? {})) data.set(`${type}/${id}`, value);
    },
  };
  const keys = addTransactionCapability(store, pino({ level: 'silent' }), {
    maxCommitRetries: 1,
    delayBetweenTriesMs: 0,
  }) as PatchedKeyStore;
  return { data, keys };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

/** A read-modify-write of one session, like a ratchet step: appends `step` to its value. */
async function ratchet(keys: PatchedKeyStore, step: string, pause: () => Promise<void>) {
  const { alice } = await keys.get('session', ['alice']);
  await pause();
  await keys.set({ session: { alice: Buffer.from(`${alice ? Buffer.from(alice).toString() : ''}${step}`) } });
}

describe('Signal key transactions (patched Baileys)', () => {
  it('run one at a time across keys: neither of two ratchet steps on one session is lost', async () => {
    const { data, keys } = memoryStore();
    // A decryption keyed by the contact's address and an encryption keyed by our own id, at once.
    await Promise.all([
      keys.transaction(() => ratchet(keys, 'r', tick), '15550001:1@s.whatsapp.net'),
      keys.transaction(() => ratchet(keys, 's', tick), '15550002:1@s.whatsapp.net'),
    ]);
    expect(Buffer.from(data.get('session/alice') as Uint8Array).toString()).toBe('rs');
  });

  it('exclusive: no other transaction runs until it ends, its own run inside it', async () => {
    const { data, keys } = memoryStore();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const receiving = keys.exclusive(async () => {
      await keys.transaction(() => ratchet(keys, 'r', tick), 'contact');
      order.push('decrypted');
      await gate; // storing the message, sending its receipt…
      order.push('receipt');
    });
    await tick();
    const sending = keys.transaction(async () => {
      order.push('encrypt');
      await ratchet(keys, 's', tick);
    }, 'me');
    await tick();
    release();
    await Promise.all([receiving, sending]);
    expect(order).toEqual(['decrypted', 'receipt', 'encrypt']);
    expect(Buffer.from(data.get('session/alice') as Uint8Array).toString()).toBe('rs');
  });

  it('exclusive: a timer started inside it waits for the mutex like any other flow', async () => {
    const { keys } = memoryStore();
    let later!: Promise<string>;
    await keys.exclusive(async () => {
      later = new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
        keys.transaction(async () => 'ran after the window', 'me'),
      );
    });
    await expect(later).resolves.toBe('ran after the window');
  });

  it('commitPending stores what a transaction changed so far, before it ends', async () => {
    const { data, keys } = memoryStore();
    await keys.transaction(async () => {
      await keys.set({ session: { alice: Buffer.from('sent') } });
      expect(data.has('session/alice')).toBe(false);
      await keys.commitPending();
      // Now the ciphertext may leave: a crash from here on keeps the state it was made with.
      expect(Buffer.from(data.get('session/alice') as Uint8Array).toString()).toBe('sent');
      await keys.set({ session: { bob: Buffer.from('later') } });
    }, 'me');
    expect(data.has('session/bob')).toBe(true);
  });

  it('a send holding the mutex gets a LID lookup that another flow started (no deadlock)', async () => {
    const { data, keys } = memoryStore();
    // The usync answer for a new contact's number comes a moment later, like the server's.
    const usync = async (pns: string[]) => {
      await tick();
      return pns.map((pn) => ({ pn, lid: '98765@lid' }));
    };
    const lids = new LIDMappingStore(keys, pino({ level: 'silent' }), usync);
    // Flow 1 (e.g. a message from the contact) looks the number up; its store needs a transaction.
    const lookup = lids.getLIDForPN('15550001@s.whatsapp.net');
    // Flow 2 (a send) holds the mutex and asks for the same number: Baileys hands it flow 1's lookup.
    const sent = keys.transaction(() => lids.getLIDForPN('15550001@s.whatsapp.net'), 'me');
    await expect(Promise.all([lookup, sent])).resolves.toEqual(['98765@lid', '98765@lid']);
    expect(data.get('lid-mapping/15550001')).toBe('98765');
  });
});
