/**
 * Signal key writes made while Baileys handles an incoming message, held back until the message
 * itself is stored: then both are committed in one SQLite transaction (auth-store.ts
 * `takeStaged`, called from the `persistIncomingMessage` hook). A crash before that leaves the
 * old keys, which decrypt the message WhatsApp delivers again (it was never acknowledged); a
 * crash after it leaves the message.
 *
 * The window is opened by Baileys' `receiveWindow` hook (durable-receive.ts) around the part of
 * its receive path that decrypts, stores and acknowledges one message; Baileys runs those one at
 * a time. Every write in the window of the kinds a decryption makes (auth-store.ts
 * `splitForWindow`: sessions, identities, sender keys, consumed prekeys) is staged, whatever
 * flow made it: libsignal runs the jobs of one address (a decryption, an encryption to the same
 * contact) on one queue, so which flow a write belongs to cannot be told apart reliably. New
 * prekeys are never held (they are uploaded at once). Writes left staged when the window closes
 * (a message that was not stored: undecryptable, or not a message at all) are committed then.
 * Reads see staged writes first.
 */

/** type → id → value (null: delete), the shape of Baileys' `SignalDataSet`. */
export type KeyWrites = Record<string, Record<string, unknown>>;

export class StagedKeys {
  private open = false;
  private staged = new Map<string, Map<string, unknown>>();

  get isOpen(): boolean {
    return this.open;
  }

  openWindow(): void {
    this.open = true;
  }

  /** Closes the window and hands over what is still staged (to be committed now). */
  closeWindow(): KeyWrites {
    this.open = false;
    return this.take();
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

  /** Hands every staged write over (to be committed) and forgets them. */
  take(): KeyWrites {
    const taken: KeyWrites = {};
    for (const [type, forType] of this.staged) taken[type] = Object.fromEntries(forType);
    this.staged = new Map();
    return taken;
  }
}
