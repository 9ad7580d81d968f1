import type { EventBus } from '../../core/event-bus.js';

/**
 * Numbers a sending loop (scheduler, campaign runner) found offline or failing: their sends are
 * held back until the number connects (its `session.status` event wakes the loop at once) or
 * until a retry time, whichever comes first.
 */
export class OfflineSessions {
  private readonly retryAt = new Map<string, number>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly retryMs: number,
  ) {}

  /** Calls `onConnected` whenever a number held back connects (and stops holding it back). */
  watch(onConnected: () => void): void {
    this.unsubscribe = this.bus.subscribe((event) => {
      if (event.type !== 'session.status' || event.data.session.status !== 'connected' || !event.session)
        return;
      if (this.retryAt.delete(event.session)) onConnected();
    });
  }

  unwatch(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Holds `session` back until it connects or `now` plus the retry pause has passed. */
  holdBack(session: string, now: number): void {
    this.retryAt.set(session, now + this.retryMs);
  }

  /** When `session` may be tried again, if it is held back at `now`; otherwise (and from then on) null. */
  heldUntil(session: string, now: number): number | null {
    const until = this.retryAt.get(session);
    if (until === undefined) return null;
    if (until > now) return until;
    this.retryAt.delete(session);
    return null;
  }
}
