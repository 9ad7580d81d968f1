/**
 * Signal key writes made while decrypting an incoming message, held back until the message
 * itself is stored: then both are committed in one SQLite transaction (auth-store.ts
 * `commitIncoming`). A crash before that leaves the old keys, which can decrypt the message
 * WhatsApp delivers again (it was never acknowledged); a crash after it leaves the message.
 *
 * Which writes belong to a decryption is known from the async context: the socket's signal
 * repository runs each decrypt inside `duringDecryption` (staged-repository.ts), and Baileys
 * commits a decryption's key transaction inside that call. Writes outside a decryption go to
 * the database at once, except writes to a key that is already staged: the newer value is built
 * on the staged one, so it waits with it (an outgoing encryption that follows a not yet stored
 * decryption must not commit the decryption's ratchet step ahead of the message).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** type → id → value (null: delete), the shape of Baileys' `SignalDataSet`. */
export type KeyWrites = Record<string, Record<string, unknown>>;

export class StagedKeys {
  private readonly decrypting = new AsyncLocalStorage<true>();
  private staged = new Map<string, Map<string, unknown>>();

  /** Runs `work` (a decryption) so that the key writes it makes are staged. */
  duringDecryption<T>(work: () => Promise<T>): Promise<T> {
    return this.decrypting.run(true, work);
  }

  /** Splits writes into those to stage and those to write now (see the file comment). */
  split(data: KeyWrites): { staged: KeyWrites; direct: KeyWrites } {
    const all = this.decrypting.getStore() === true;
    const staged: KeyWrites = {};
    const direct: KeyWrites = {};
    for (const [type, entries] of Object.entries(data)) {
      for (const [id, value] of Object.entries(entries ?? {})) {
        const target = all || this.staged.get(type)?.has(id) ? staged : direct;
        (target[type] ??= {})[id] = value ?? null;
      }
    }
    return { staged, direct };
  }

  stage(data: KeyWrites): void {
    for (const [type, entries] of Object.entries(data)) {
      const forType = this.staged.get(type) ?? new Map<string, unknown>();
      for (const [id, value] of Object.entries(entries)) forType.set(id, value);
      this.staged.set(type, forType);
    }
  }

  /** A staged value (null: staged as deleted), or undefined when the key is not staged. */
  read(type: string, id: string): unknown {
    return this.staged.get(type)?.get(id);
  }

  get size(): number {
    let count = 0;
    for (const forType of this.staged.values()) count += forType.size;
    return count;
  }

  /** Hands every staged write over (to be committed) and forgets them. */
  take(): KeyWrites {
    const taken: KeyWrites = {};
    for (const [type, forType] of this.staged) taken[type] = Object.fromEntries(forType);
    this.staged = new Map();
    return taken;
  }
}
