import makeWASocket, {
  makeCacheableSignalKeyStore,
  type CacheStore,
  type WAMessage,
  type WASocket,
} from '@whiskeysockets/baileys';
import { AppError } from '../../src-shared/errors.js';
import type { SessionReason, SessionStatus } from '../../src-shared/model.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/connection.js';
import { commitDurability } from '../db/durable-commits.js';
import { clearAuthState, sqliteAuthState, type SqliteAuthState } from './auth-store.js';
import { chatJidOf, decodeRawMessage } from './message-mapping.js';
import { receivedMessages } from './received-messages.js';
import { hasSavedLogin } from './saved-login.js';
import {
  durableReceivePatched,
  type DurableReceiveConfig,
  type DurableSocketConfig,
  type ReceiptUpdates,
} from './durable-receive.js';
import { decideOnClose } from './reconnect-policy.js';
import type { WaServerOptions } from './server-options.js';
import { socketConfig } from './socket-config.js';
import { askPhoneForWaiting } from './waiting-resend.js';
import { pendingHistory, storeLeftHistory, type HistorySlice } from './pending-history.js';
import { callWhatsApp } from './wa-errors.js';

/** Who the linked phone is, from the credentials WhatsApp gave this device. */
export interface LinkedIdentity {
  jid: string;
  lid: string | null;
  phone: string;
  pushName: string | null;
}

export interface StatusChange {
  status: SessionStatus;
  reason: SessionReason;
  qr: string | null;
  pairingCode: string | null;
  /** When the next automatic reconnect happens, while waiting after a network loss. */
  reconnectAt: Date | null;
}

interface RunnerListener {
  onStatus(change: StatusChange): void;
  onLinked(identity: LinkedIdentity): void;
  /**
   * Every new socket, so the message layer can attach its own event handlers. It answers how
   * an incoming message is stored before WhatsApp is told it arrived (durable-receive.ts).
   */
  onSocket?(socket: WASocket): SocketAttachment | void;
}

export interface SocketAttachment {
  /**
   * Stores one decrypted incoming message, calling `writeKeys` (the Signal key writes of its
   * decryption) inside the same transaction; throws if it cannot be stored.
   */
  storeIncoming(message: WAMessage, writeKeys: () => void): void;
  /** Stores the statuses one receipt carries; throws if it cannot (it is then not acknowledged). */
  storeReceipt(updates: ReceiptUpdates): void;
  /** Stores one downloaded history slice (before Baileys announces it; pending-history.ts). */
  storeHistorySlice(slice: HistorySlice): Promise<void>;
}

interface RunnerDeps {
  db: Db;
  logger: Logger;
  server: WaServerOptions;
  listener: RunnerListener;
  /** Injectable for tests; Math.random by default. */
  random?: () => number;
  /**
   * The stored raw WebMessageInfo of a message, so Baileys can answer a recipient's retry
   * request (re-encrypt and resend) from our database instead of its small in-memory cache.
   */
  storedMessage?: (sessionId: string, chatJid: string, id: string) => Buffer | null;
}

/** Checked once: without Chatdock's patch Baileys acknowledges messages before they are stored. */
const baileysPatched = durableReceivePatched();

/** Signal keys kept in memory per socket (Baileys' own default cache expires them after 5 min). */
const KEY_CACHE_ENTRIES = 5_000;

/** A key cache that can be emptied at once (after a rolled-back store); starts over when full. */
function boundedCache(limit: number): CacheStore {
  const entries = new Map<string, unknown>();
  return {
    get: <T>(key: string) => entries.get(key) as T | undefined,
    set: (key, value) => {
      if (entries.size >= limit && !entries.has(key)) entries.clear();
      entries.set(key, value);
    },
    del: (key) => entries.delete(key),
    flushAll: () => entries.clear(),
  };
}

/** How long `requestPairingCode` waits for the socket to reach the QR stage. */
const PAIRING_READY_TIMEOUT_MS = 20_000;

/**
 * One WhatsApp number's connection: creates Baileys sockets, keeps the auth state in
 * SQLite, and decides after every close whether to reconnect (see reconnect-policy.ts).
 */
export class SessionRunner {
  private socket: WASocket | null = null;
  private auth: SqliteAuthState | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private failedAttempts = 0;
  /** Set while we close the socket on purpose, so its close event is not treated as a loss. */
  private closingOnPurpose = false;
  private pairingCode: string | null = null;
  private lastQr: string | null = null;
  private status: SessionStatus = 'disconnected';
  /** Pairing-code requests waiting for the QR stage; told when the connection closes first. */
  private readonly qrWaiters = new Set<{ ready: () => void; closed: (error: AppError) => void }>();

  constructor(
    readonly sessionId: string,
    private readonly deps: RunnerDeps,
  ) {}

  get currentStatus(): SessionStatus {
    return this.status;
  }

  get currentQr(): string | null {
    return this.status === 'qr' ? this.lastQr : null;
  }

  get currentPairingCode(): string | null {
    return this.status === 'pairing' ? this.pairingCode : null;
  }

  get activeSocket(): WASocket | null {
    return this.status === 'connected' ? this.socket : null;
  }

  /** Whether this number has a saved login (it can reconnect without a new QR). */
  isLinked(): boolean {
    return hasSavedLogin(this.deps.db, this.sessionId);
  }

  /** Opens a connection unless one is open or opening. */
  start(reason: SessionReason): void {
    this.cancelReconnect();
    if (this.socket) return;
    this.openSocket(reason);
  }

  /** Closes the connection and keeps the login, so `start` needs no new QR. */
  async stop(reason: SessionReason): Promise<void> {
    this.cancelReconnect();
    await this.closeSocket();
    this.emit('disconnected', reason);
  }

  /** Unlinks this device from the phone (when connected) and forgets the login. */
  async logout(reason: SessionReason): Promise<void> {
    this.cancelReconnect();
    const socket = this.socket;
    if (socket && this.status === 'connected') {
      this.closingOnPurpose = true;
      try {
        await socket.logout();
      } catch (error) {
        this.deps.logger.warn(
          { err: error, session: this.sessionId },
          'logout request failed; forgetting the login anyway',
        );
      }
    }
    await this.closeSocket();
    clearAuthState(this.deps.db, this.sessionId);
    this.emit('logged_out', reason);
  }

  /**
   * Links by phone number instead of QR: WhatsApp shows a notification on that phone, where
   * the user types the returned 8-character code.
   */
  async requestPairingCode(phone: string): Promise<string> {
    if (!this.socket || this.status === 'disconnected' || this.status === 'logged_out')
      this.start('user_connect');
    // While a code is shown the socket stays at the QR stage (no new QR comes to wait for): a
    // second request asks for a new code at once.
    const atQrStage = this.status === 'qr' || (this.status === 'pairing' && this.socket !== null);
    if (!atQrStage) await this.waitForQrStage();
    const socket = this.socket;
    if (!socket) {
      throw new AppError(
        'WA_CONNECTION_CLOSED',
        'the connection to WhatsApp closed before the pairing code could be requested; try again',
      );
    }
    const code = await callWhatsApp(() => socket.requestPairingCode(phone), 'phone');
    this.pairingCode = code;
    this.emit('pairing', 'pairing_code_shown');
    return code;
  }

  private waitForQrStage(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.qrWaiters.delete(waiter);
        reject(new AppError('WA_UNAVAILABLE', 'WhatsApp did not get ready for pairing in time'));
      }, PAIRING_READY_TIMEOUT_MS);
      const waiter = {
        ready: () => {
          clearTimeout(timer);
          resolve();
        },
        closed: (error: AppError) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.qrWaiters.add(waiter);
    });
  }

  private openSocket(reason: SessionReason): void {
    const { db, logger, server, listener } = this.deps;
    this.auth = sqliteAuthState(db, this.sessionId);
    const auth = this.auth;
    const baileysLogger = logger.child({ session: this.sessionId, module: 'baileys' });
    baileysLogger.level = logger.isLevelEnabled('debug') ? logger.level : 'warn';
    const durable = server.durableReceive !== false;
    if (durable && !baileysPatched)
      logger.error(
        { session: this.sessionId },
        "Baileys is installed without Chatdock's receive patch (npm install runs patch-package): " +
          'messages may be acknowledged before they are stored',
      );
    let attachment: SocketAttachment | null = null;
    const keyCache = boundedCache(KEY_CACHE_ENTRIES);
    const received = receivedMessages(db, this.sessionId);
    received.prune();
    const history = pendingHistory(db, this.sessionId);
    const durability = commitDurability(db.$client);
    // On unless CHATDOCK_DURABLE_RECEIVE=0: then Baileys stores and acknowledges as it always did.
    const durableHooks: DurableReceiveConfig = {
      receiveWindow: (work) => auth.receiveWindow(work),
      isIncomingStored: async (message) => received.has(message),
      persistIncomingMessage: async (message) => {
        const writeKeys = auth.takeStaged();
        // The key writes of its decryption and the record that it arrived, in its transaction.
        const inTransaction = () => {
          writeKeys();
          received.record(message);
          history.record(message); // a history notification: kept until its slice is stored
        };
        if (!attachment) {
          // Nothing stores messages for this socket (no messaging layer attached): keep the keys.
          db.$client.transaction(inTransaction)();
        } else {
          try {
            attachment.storeIncoming(message, inTransaction);
          } catch (error) {
            // The staged key writes were rolled back with the message: forget the cached copies
            // too, so the keys that decrypt WhatsApp's redelivery are read from the database.
            keyCache.flushAll();
            throw error;
          }
        }
        // WhatsApp forgets the message once it has the receipt: on the disk first, not only
        // committed (a power cut can take back commits the checkpoint has not synced yet).
        await durability.flush();
      },
      persistReceiptUpdates: async (updates) => {
        attachment?.storeReceipt(updates);
        await durability.flush();
      },
      persistHistorySlice: async (message, slice) => {
        try {
          await attachment?.storeHistorySlice(slice);
        } catch (error) {
          history.failed(message);
          throw error;
        }
        history.stored(message);
      },
    };
    const config: DurableSocketConfig = {
      ...socketConfig(server),
      logger: baileysLogger,
      auth: {
        creds: auth.state.creds,
        keys: makeCacheableSignalKeyStore(auth.state.keys, baileysLogger, keyCache),
      },
      ...(durable ? durableHooks : {}),
      getMessage: async (key) => {
        if (!key.id || !key.remoteJid || !this.deps.storedMessage) return undefined;
        const raw = this.deps.storedMessage(this.sessionId, chatJidOf(key), key.id);
        return raw ? (decodeRawMessage(raw).message ?? undefined) : undefined;
      },
    };
    const socket = makeWASocket(config);
    this.socket = socket;
    this.pairingCode = null;
    this.emit('connecting', reason);

    socket.ev.on('creds.update', () => {
      auth.saveCreds();
      const identity = linkedIdentity(auth);
      if (identity) listener.onLinked(identity);
    });
    socket.ev.on('connection.update', (update) => {
      if (socket !== this.socket) return;
      if (update.qr) this.onQr(update.qr);
      if (update.connection === 'open') {
        this.failedAttempts = 0;
        this.emit('connected', 'opened');
        askPhoneForWaiting(socket, db, this.sessionId, logger);
        if (durable)
          void storeLeftHistory(socket, history, durableHooks.persistHistorySlice, {
            fetchOptions: config.options,
            logger,
            sessionId: this.sessionId,
          });
      }
      if (update.connection === 'close') this.onClose(update.lastDisconnect?.error);
    });
    attachment = listener.onSocket?.(socket) ?? null;
  }

  private onQr(qr: string): void {
    this.lastQr = qr;
    // While the user types a pairing code, the rotating QR codes are not what they look at.
    if (this.status !== 'pairing') this.emit('qr', 'qr_shown');
    for (const waiter of this.qrWaiters) waiter.ready();
    this.qrWaiters.clear();
  }

  /** The connection closed (and is not reopened at once): waiting pairing requests fail now. */
  private failQrWaiters(): void {
    const error = new AppError(
      'WA_CONNECTION_CLOSED',
      'the connection to WhatsApp closed before it was ready for pairing; try again',
    );
    for (const waiter of this.qrWaiters) waiter.closed(error);
    this.qrWaiters.clear();
  }

  private onClose(error: Error | undefined): void {
    this.socket = null;
    if (this.closingOnPurpose) {
      this.failQrWaiters();
      return;
    }
    const statusCode = boomStatusCode(error);
    const linked = this.auth?.isLinked() ?? false;
    const decision = decideOnClose({
      statusCode,
      linked,
      attempt: this.failedAttempts,
      random: (this.deps.random ?? Math.random)(),
    });
    this.deps.logger.info(
      { session: this.sessionId, statusCode, decision: decision.action, reason: decision.reason },
      'WhatsApp connection closed',
    );
    switch (decision.action) {
      case 'reconnect_now':
        this.openSocket(decision.reason);
        return;
      case 'reconnect_later': {
        this.failQrWaiters();
        this.failedAttempts += 1;
        const reconnectAt = new Date(Date.now() + decision.delayMs);
        this.reconnectTimer = setTimeout(() => {
          this.reconnectTimer = null;
          this.openSocket(decision.reason);
        }, decision.delayMs);
        this.emit('connecting', decision.reason, reconnectAt);
        return;
      }
      case 'stop':
        this.failQrWaiters();
        // A pairing that never completed leaves half-made credentials (a pairing code sets
        // `me`); drop them so the next attempt starts clean.
        if (decision.forgetLogin || !linked) clearAuthState(this.deps.db, this.sessionId);
        this.emit(decision.status, decision.reason);
        return;
    }
  }

  private async closeSocket(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.closingOnPurpose = true;
    try {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        socket.ev.on('connection.update', (update) => {
          if (update.connection === 'close') {
            clearTimeout(timer);
            resolve();
          }
        });
        socket.end(undefined);
      });
    } finally {
      this.socket = null;
      this.closingOnPurpose = false;
    }
  }

  private cancelReconnect(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private emit(status: SessionStatus, reason: SessionReason, reconnectAt: Date | null = null): void {
    this.status = status;
    this.deps.listener.onStatus({
      status,
      reason,
      qr: status === 'qr' ? this.lastQr : null,
      pairingCode: status === 'pairing' ? this.pairingCode : null,
      reconnectAt,
    });
  }
}

function linkedIdentity(auth: SqliteAuthState): LinkedIdentity | null {
  const me = auth.state.creds.me;
  if (!auth.isLinked() || !me?.id) return null;
  const phone = me.id.split('@')[0]?.split(':')[0] ?? '';
  return { jid: `${phone}@s.whatsapp.net`, lid: me.lid ?? null, phone, pushName: me.name ?? null };
}

/** The status code Baileys puts on its Boom errors (`output.statusCode`); none for plain errors. */
function boomStatusCode(error: unknown): number | undefined {
  const output = (error as { output?: { statusCode?: unknown } } | undefined)?.output;
  return typeof output?.statusCode === 'number' ? output.statusCode : undefined;
}
