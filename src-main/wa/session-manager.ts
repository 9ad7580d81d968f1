import type { WASocket } from '@whiskeysockets/baileys';
import type { SessionReason } from '../../src-shared/model.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/connection.js';
import { applyServerTrust, type WaServerOptions } from './server-options.js';
import {
  SessionRunner,
  type LinkedIdentity,
  type SocketAttachment,
  type StatusChange,
} from './session-runner.js';

interface SessionEventsListener {
  onStatus(sessionId: string, change: StatusChange): void;
  onLinked(sessionId: string, identity: LinkedIdentity): void;
}

/**
 * Owns one SessionRunner per WhatsApp number. The services tell it what to do; it tells
 * them what happened through the listener. The only entry point to Baileys' sockets.
 */
export class WaSessionManager {
  private readonly runners = new Map<string, SessionRunner>();
  private listener: SessionEventsListener | null = null;
  private socketHandler: ((sessionId: string, socket: WASocket) => SocketAttachment | void) | null = null;
  private readonly socketWatchers: ((sessionId: string, socket: WASocket) => void)[] = [];

  constructor(
    private readonly deps: {
      db: Db;
      logger: Logger;
      server: WaServerOptions;
      random?: () => number;
      storedMessage?: (sessionId: string, chatJid: string, id: string) => Buffer | null;
    },
  ) {
    applyServerTrust(deps.server);
  }

  setListener(listener: SessionEventsListener): void {
    this.listener = listener;
  }

  /** Called with every new socket, so the messaging layer can attach to its events. */
  onSocket(handler: (sessionId: string, socket: WASocket) => SocketAttachment | void): void {
    this.socketHandler = handler;
  }

  /**
   * Also called with every new socket, after `onSocket`'s handler: for domains built after
   * messaging that listen to events of their own (WhatsApp Business labels, wa/label-events.ts).
   */
  watchSockets(watcher: (sessionId: string, socket: WASocket) => void): void {
    this.socketWatchers.push(watcher);
  }

  private runner(sessionId: string): SessionRunner {
    let runner = this.runners.get(sessionId);
    if (!runner) {
      runner = new SessionRunner(sessionId, {
        ...this.deps,
        listener: {
          onStatus: (change) => this.listener?.onStatus(sessionId, change),
          onLinked: (identity) => this.listener?.onLinked(sessionId, identity),
          onSocket: (socket) => {
            const attachment = this.socketHandler?.(sessionId, socket);
            for (const watcher of this.socketWatchers) watcher(sessionId, socket);
            return attachment;
          },
        },
      });
      this.runners.set(sessionId, runner);
    }
    return runner;
  }

  connect(sessionId: string, reason: SessionReason): void {
    this.runner(sessionId).start(reason);
  }

  disconnect(sessionId: string, reason: SessionReason): Promise<void> {
    return this.runner(sessionId).stop(reason);
  }

  logout(sessionId: string, reason: SessionReason): Promise<void> {
    return this.runner(sessionId).logout(reason);
  }

  requestPairingCode(sessionId: string, phone: string): Promise<string> {
    return this.runner(sessionId).requestPairingCode(phone);
  }

  isLinked(sessionId: string): boolean {
    return this.runner(sessionId).isLinked();
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
