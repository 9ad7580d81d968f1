/**
 * The key store's part of durable receive: inside a receive window, Signal key writes wait in
 * memory until the transaction that stores the message writes them (or are committed when the
 * window closes without one); a rolled-back store keeps none of them.
 */
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/connection.js';
import { commitDurability } from '../db/durable-commits.js';
import { sqliteAuthState } from './auth-store.js';

function setup() {
  const db = openDatabase(':memory:');
  db.$client.prepare("INSERT INTO sessions (id, name) VALUES ('shop', 'Shop')").run();
  const auth = sqliteAuthState(db, 'shop');
  const stored = (id: string) =>
    db.$client
      .prepare<[string], { value: string }>(
        "SELECT value FROM wa_auth_keys WHERE session_id = 'shop' AND type = 'session' AND key_id = ?",
      )
      .get(id)?.value;
  const read = async (id: string) => (await auth.state.keys.get('session', [id]))[id];
  return { db, auth, stored, read };
}

describe('key writes while receiving a message', () => {
  it('outside a receive window, a write is committed at once', async () => {
    const { auth, stored } = setup();
    await auth.state.keys.set({ session: { alice: Buffer.from('v1') } });
    expect(stored('alice')).toBeDefined();
  });

  it('a committed write is answered once it is on the disk (Baileys sends what the keys are for after it)', async () => {
    const { db, auth, stored } = setup();
    let diskConfirms!: () => void;
    const disk = new Promise<void>((resolve) => (diskConfirms = resolve));
    const flush = vi.spyOn(commitDurability(db.$client), 'flush').mockImplementation(() => disk);
    let answered = false;
    const write = Promise.resolve(auth.state.keys.set({ session: { alice: Buffer.from('v1') } })).then(
      () => (answered = true),
    );
    expect(stored('alice')).toBeDefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    diskConfirms();
    await write;
    expect(answered).toBe(true);
    // A decryption's writes, held for its message, have nothing on the disk to wait for.
    flush.mockClear();
    await auth.receiveWindow(async () => {
      await auth.state.keys.set({ session: { alice: Buffer.from('v2') } });
      expect(flush).not.toHaveBeenCalled();
      auth.takeStaged();
    });
  });

  it('after decrypt, before store: the new state is readable but not in the database (a crash loses it)', async () => {
    const { auth, stored, read } = setup();
    await auth.state.keys.set({ session: { alice: Buffer.from('v1') } });
    const committedBefore = stored('alice');
    await auth.receiveWindow(async () => {
      await auth.state.keys.set({ session: { alice: Buffer.from('v2') } });
      expect(Buffer.from((await read('alice')) as Uint8Array).toString()).toBe('v2');
      expect(stored('alice')).toBe(committedBefore);
      // Stored with the message: now both are in the database.
      const writeKeys = auth.takeStaged();
      expect(stored('alice')).toBe(committedBefore);
      writeKeys();
      expect(stored('alice')).not.toBe(committedBefore);
    });
  });

  it('a store that rolls back takes the staged writes with it', async () => {
    const { db, auth, stored, read } = setup();
    await auth.state.keys.set({ session: { alice: Buffer.from('v1') } });
    const committedBefore = stored('alice');
    await auth.receiveWindow(async () => {
      await auth.state.keys.set({ session: { alice: Buffer.from('v2') }, 'pre-key': { '7': null } });
      const writeKeys = auth.takeStaged();
      expect(() =>
        db.$client.transaction(() => {
          writeKeys();
          throw new Error('the message could not be stored');
        })(),
      ).toThrow();
    });
    expect(stored('alice')).toBe(committedBefore);
    expect(Buffer.from((await read('alice')) as Uint8Array).toString()).toBe('v1');
  });

  it('new prekeys are committed at once even inside a window (they are uploaded right away)', async () => {
    const { db, auth } = setup();
    await auth.receiveWindow(async () => {
      await auth.state.keys.set({
        'pre-key': { '42': { public: Buffer.alloc(32), private: Buffer.alloc(32) } },
      });
      const row = db.$client
        .prepare("SELECT 1 AS found FROM wa_auth_keys WHERE type = 'pre-key' AND key_id = '42'")
        .get();
      expect(row).toEqual({ found: 1 });
    });
  });

  it('writes still staged when the window closes (no message to store) are committed then', async () => {
    const { auth, stored } = setup();
    await auth.receiveWindow(async () => {
      await auth.state.keys.set({ session: { bob: Buffer.from('retry keys') } });
      expect(stored('bob')).toBeUndefined();
    });
    expect(stored('bob')).toBeDefined();
  });

  it('a deletion staged in the window hides the key from reads until it is committed', async () => {
    const { auth, stored, read } = setup();
    await auth.state.keys.set({ session: { carol: Buffer.from('v1') } });
    await auth.receiveWindow(async () => {
      await auth.state.keys.set({ session: { carol: null } });
      expect(await read('carol')).toBeUndefined();
      expect(stored('carol')).toBeDefined();
    });
    expect(stored('carol')).toBeUndefined();
  });
});
