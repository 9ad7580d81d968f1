import type { Session } from '../../../src-shared/model.js';

/** What `POST /sessions/{id}/connect?wait=` waits for. */
export type ConnectWait = 'qr' | 'connected';

/**
 * Lets a caller wait until a session reaches a state (its QR code is shown, or it is connected),
 * or stops trying (logged out, disconnected, the QR codes ran out), or a timeout passes. The
 * session service calls `changed` after every status it stores.
 */
export class SessionWaiters {
  private readonly waiters = new Set<{ id: string; done: (session: Session) => boolean }>();

  changed(session: Session): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.id === session.id && waiter.done(session)) this.waiters.delete(waiter);
    }
  }

  /** Resolves with the session once `wait` is reached or cannot be any more, or null on timeout. */
  until(id: string, wait: ConnectWait, timeoutMs: number): Promise<Session | null> {
    return new Promise((resolve) => {
      const waiter = {
        id,
        done: (session: Session) => {
          if (!settles(session, wait)) return false;
          clearTimeout(timer);
          resolve(session);
          return true;
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(null);
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}

/** Whether a session state answers the wait: reached, or a state from which it will not come by itself. */
export function settles(session: Session, wait: ConnectWait): boolean {
  if (session.status === 'connected') return true;
  if (wait === 'qr' && (session.status === 'qr' || session.status === 'pairing')) return true;
  return session.status === 'logged_out' || session.status === 'disconnected';
}
