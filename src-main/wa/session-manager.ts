import type { WASocket } from '@whiskeysockets/baileys';
import type { SessionReason } from '../../src-shared/model.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/connection.js';
import { WaLayerLoader, type WaLayer } from './lazy-layer.js';
import { hasSavedLogin } from './saved-login.js';
import { trustedRootKey, type WaServerOptions } from './server-options.js';
import type { LinkedIdentity, SessionRunner, SocketAttachment, StatusChange } from './session-runner.js';

interface SessionEventsListener {
  onStatus(sessionId: string, change: StatusChange): void;
  onLinked(sessionId: string, identity: LinkedIdentity): void;
}

/** Given each new socket, with the loaded WhatsApp layer to attach its event handlers from. */
type SocketHandler<R> = (sessionId: string, socket: WASocket, layer: WaLayer) => R;

/**
 * Owns one SessionRunner per WhatsApp number. The services tell it what to do; it tells
 * them what happened through the listener. The only entry point to Baileys' sockets.
 *
 * Runners come from the lazily loaded WhatsApp layer (`lazy-layer.ts`): commands that need one
 * wait for the layer; questions about a number that has none yet (its QR, its socket) answer
 * "none" without loading it.
 */
export class WaSessionManager {
  private readonly runners = new Map<string, SessionRunner>();
  private listener: SessionEventsListener | null = null;
  private socketHandler: SocketHandler<SocketAttachment | void> | null = null;
  private readonly socketWatchers: SocketHandler<void>[] = [];
  /** The WhatsApp layer's loader; the composition root shares it with the WhatsApp ports. */
  readonly layer: WaLayerLoader;

  constructor(
    private readonly deps: {
      db: Db;
      logger: Logger;
      server: WaServerOptions;
      random?: () => number;
      storedMessage?: (sessionId: string, chatJid: string, id: string) => Buffer | null;
      /** By default a loader of its own, not held. */
      layer?: WaLayerLoader;
    },
  ) {
    trustedRootKey(deps.server); // a bad root key fails the start, not the first connection
    this.layer = deps.layer ?? new WaLayerLoader();
    this.layer.beforeUse((layer) => layer.applyServerTrust(deps.server));
  }

  setListener(listener: SessionEventsListener): void {
    this.listener = listener;
  }

  /** Called with every new socket, so the messaging layer can attach to its events. */
  onSocket(handler: SocketHandler<SocketAttachment | void>): void {
    this.socketHandler = handler;
  }

  /**
   * Also called with every new socket, after `onSocket`'s handler: for domains built after
   * messaging that listen to events of their own (WhatsApp Business labels, wa/label-events.ts).
   */
  watchSockets(watcher: SocketHandler<void>): void {
    this.socketWatchers.push(watcher);
  }

  /** The number's runner, made once the WhatsApp layer is loaded (loading it if need be). */
  private async runner(sessionId: string): Promise<SessionRunner> {
    const layer = this.layer.current ?? (await this.layer.load());
    let runner = this.runners.get(sessionId);
    if (!runner) {
      runner = new layer.SessionRunner(sessionId, {
        ...this.deps,
        listener: {
          onStatus: (change) => this.listener?.onStatus(sessionId, change),
          onLinked: (identity) => this.listener?.onLinked(sessionId, identity),
          onSocket: (socket) => {
            const attachment = this.socketHandler?.(sessionId, socket, layer);
            for (const watcher of this.socketWatchers) watcher(sessionId, socket, layer);
            return attachment;
          },
        },
      });
      this.runners.set(sessionId, runner);
    }
    return runner;
  }

  /** Starts connecting; resolves once it has (the first time, after the layer loaded). */
  async connect(sessionId: string, reason: SessionReason): Promise<void> {
    (await this.runner(sessionId)).start(reason);
  }

  async disconnect(sessionId: string, reason: SessionReason): Promise<void> {
    await (await this.runner(sessionId)).stop(reason);
  }

  async logout(sessionId: string, reason: SessionReason): Promise<void> {
    await (await this.runner(sessionId)).logout(reason);
  }

  async requestPairingCode(sessionId: string, phone: string): Promise<string> {
    return (await this.runner(sessionId)).requestPairingCode(phone);
  }

  /** Whether the number has a saved login; read from the database, the layer is not needed. */
  isLinked(sessionId: string): boolean {
    return hasSavedLogin(this.deps.db, sessionId);
  }

  qr(sessionId: string): string | null {
    return this.runners.get(sessionId)?.currentQr ?? null;
  }

  pairingCode(sessionId: string): string | null {
    return this.runners.get(sessionId)?.currentPairingCode ?? null;
  }

  /** The open socket of a connected session, or null. */
  socket(sessionId: string): WASocket | null {
    return this.runners.get(sessionId)?.activeSocket ?? null;
  }

  /** Stops the session and forgets its runner (the session is being deleted). */
  async remove(sessionId: string): Promise<void> {
    const runner = this.runners.get(sessionId);
    if (!runner) return;
    await runner.stop('user_disconnect');
    this.runners.delete(sessionId);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop('shutdown')));
  }
}
