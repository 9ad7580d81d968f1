import {
  BufferJSON,
  initAuthCreds,
  proto,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
} from '@whiskeysockets/baileys';
import type { Db } from '../db/connection.js';
import { commitDurability } from '../db/durable-commits.js';
import { StagedKeys, type KeyWrites } from './staged-keys.js';

export interface SqliteAuthState {
  state: AuthenticationState;
  /** Persists `state.creds`; call on every `creds.update`. */
  saveCreds(): void;
  /**
   * True once the phone has linked this device. Checked on the signed device identity
   * (`account`), not on `me`: requesting a pairing code sets `me` before anything is linked.
   */
  isLinked(): boolean;
  /** Key writes of decryptions whose messages are not stored yet (see staged-keys.ts). */
  staged: StagedKeys;
  /**
   * Runs `work` (Baileys handling one incoming message) with key writes staged; what is still
   * staged at its end is committed then.
   */
  receiveWindow<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Takes the staged key writes out of memory and returns the function that writes them: call
   * it inside the transaction that stores the decrypted messages. If that transaction rolls
   * back, the writes are gone with it (the database keeps the keys that decrypt the message
   * again when WhatsApp redelivers it).
   */
  takeStaged(): () => void;
}

const serialise = (value: unknown): string => JSON.stringify(value, BufferJSON.replacer);
const deserialise = <T>(text: string): T => JSON.parse(text, BufferJSON.reviver) as T;

/** Key types a decryption changes; the only ones held back in a receive window. */
const DECRYPTION_STATE = new Set(['session', 'identity-key', 'sender-key']);

/**
 * Splits writes made in a receive window: what a decryption changes (sessions, identities,
 * sender keys, consumed one-time prekeys) waits for the message; everything else — new prekeys
 * above all, which are uploaded to WhatsApp right away — is committed at once.
 */
function splitForWindow(data: KeyWrites): { held: KeyWrites; now: KeyWrites } {
  const held: KeyWrites = {};
  const now: KeyWrites = {};
  for (const [type, entries] of Object.entries(data)) {
    for (const [id, value] of Object.entries(entries ?? {})) {
      const consumedPreKey = type === 'pre-key' && (value === null || value === undefined);
      const target = DECRYPTION_STATE.has(type) || consumedPreKey ? held : now;
      (target[type] ??= {})[id] = value ?? null;
    }
  }
  return { held, now };
}

/**
 * Baileys' auth state (credentials and signal keys) kept in SQLite instead of loose files.
 * Every write is one synchronous transaction, so a crash leaves either the old or the new
 * state, never half of a key batch. Raw prepared statements: this is the hottest write path
 * during pairing (hundreds of pre-keys) and message bursts.
 */
export function sqliteAuthState(db: Db, sessionId: string): SqliteAuthState {
  const sqlite = db.$client;
  const durability = commitDurability(sqlite);
  const readCreds = sqlite.prepare<[string], { creds: string }>(
    'SELECT creds FROM wa_auth_creds WHERE session_id = ?',
  );
  const writeCreds = sqlite.prepare<[string, string, string]>(
    `INSERT INTO wa_auth_creds (session_id, creds, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (session_id) DO UPDATE SET creds = excluded.creds, updated_at = excluded.updated_at`,
  );
  const readKey = sqlite.prepare<[string, string, string], { value: string }>(
    'SELECT value FROM wa_auth_keys WHERE session_id = ? AND type = ? AND key_id = ?',
  );
  const writeKey = sqlite.prepare<[string, string, string, string]>(
    `INSERT INTO wa_auth_keys (session_id, type, key_id, value) VALUES (?, ?, ?, ?)
     ON CONFLICT (session_id, type, key_id) DO UPDATE SET value = excluded.value`,
  );
  const deleteKey = sqlite.prepare<[string, string, string]>(
    'DELETE FROM wa_auth_keys WHERE session_id = ? AND type = ? AND key_id = ?',
  );

  const stored = readCreds.get(sessionId);
  const creds: AuthenticationCreds = stored
    ? deserialise<AuthenticationCreds>(stored.creds)
    : initAuthCreds();

  // Staged values are kept serialised, so a read gets a fresh copy as from the database.
  const staged = new StagedKeys();
  const writeSerialised = (data: KeyWrites) => {
    for (const [type, entries] of Object.entries(data)) {
      for (const [id, value] of Object.entries(entries)) {
        if (value === null || value === undefined) deleteKey.run(sessionId, type, id);
        else writeKey.run(sessionId, type, id, value as string);
      }
    }
  };
  const serialiseAll = (data: KeyWrites): KeyWrites =>
    Object.fromEntries(
      Object.entries(data).map(([type, entries]) => [
        type,
        Object.fromEntries(
          Object.entries(entries).map(([id, value]) => [id, value === null ? null : serialise(value)]),
        ),
      ]),
    );
  const setKeys = sqlite.transaction((data: KeyWrites) => writeSerialised(serialiseAll(data)));
  const setSerialised = sqlite.transaction(writeSerialised);

  const state: AuthenticationState = {
    creds,
    keys: {
      get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
        const found: { [id: string]: SignalDataTypeMap[T] } = {};
        for (const id of ids) {
          const pending = staged.read(type, id);
          if (pending === null) continue;
          const text = pending === undefined ? readKey.get(sessionId, type, id)?.value : (pending as string);
          if (text === undefined) continue;
          let value = deserialise<SignalDataTypeMap[T]>(text);
          // Baileys expects a protobuf object here, not the plain JSON it was saved from.
          if (type === 'app-state-sync-key') {
            value = proto.Message.AppStateSyncKeyData.fromObject(
              value as object,
            ) as unknown as SignalDataTypeMap[T];
          }
          found[id] = value;
        }
        return found;
      },
      // Baileys awaits this before what the keys are for leaves the device (a ciphertext: the
      // patch's `commitPending` before `sendNode`; a prekey offered in a receipt or an upload):
      // answered once they are on the disk, so a power cut cannot take back keys a contact
      // already uses (db/durable-commits.ts).
      set(data: SignalDataSet): Promise<void> {
        if (!staged.isOpen) {
          setKeys(data as KeyWrites);
          return durability.flush();
        }
        const { held, now } = splitForWindow(data as KeyWrites);
        staged.stage(serialiseAll(held));
        setKeys(now);
        // Only what was committed needs the disk; held writes go with their message's store.
        return Object.keys(now).length > 0 ? durability.flush() : Promise.resolve();
      },
      clear() {
        clearAuthState(db, sessionId);
      },
    },
  };

  return {
    state,
    saveCreds: () => {
      writeCreds.run(sessionId, serialise(state.creds), new Date().toISOString());
    },
    isLinked: () => Boolean(state.creds.account),
    staged,
    receiveWindow: async (work) => {
      staged.openWindow();
      try {
        return await work();
      } finally {
        setSerialised(staged.closeWindow());
      }
    },
    takeStaged: () => {
      const writes = staged.take();
      return () => writeSerialised(writes);
    },
  };
}

/** Forgets a session's WhatsApp login: the next connect pairs from scratch. */
export function clearAuthState(db: Db, sessionId: string): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM wa_auth_keys WHERE session_id = ?').run(sessionId);
    sqlite.prepare('DELETE FROM wa_auth_creds WHERE session_id = ?').run(sessionId);
    // A new login is a new device: WhatsApp never delivers the old one's messages to it.
    sqlite.prepare('DELETE FROM wa_received_messages WHERE session_id = ?').run(sessionId);
  })();
}
