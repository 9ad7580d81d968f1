import type { Health } from '../../../src-shared/model.js';
import { APP_VERSION } from '../../core/version.js';

/** Counts of WhatsApp sessions; provided by the session manager once it exists. */
interface SessionCounter {
  counts(): { total: number; connected: number };
}

const NO_SESSIONS: SessionCounter = { counts: () => ({ total: 0, connected: 0 }) };

/** Messages shown as "Waiting for this message…" (content not decrypted yet); the message store. */
interface WaitingCounter {
  waitingCount(): number;
}

export class HealthService {
  private readonly startedAt = Date.now();
  private sessions: SessionCounter = NO_SESSIONS;
  private waiting: WaitingCounter = { waitingCount: () => 0 };

  useSessionCounter(counter: SessionCounter): void {
    this.sessions = counter;
  }

  useWaitingCounter(counter: WaitingCounter): void {
    this.waiting = counter;
  }

  get(): Health {
    return {
      status: 'ok',
      name: 'Chatdock',
      version: APP_VERSION,
      uptimeSeconds: Math.floor((Date.now() - this.startedAt) / 1000),
      sessions: this.sessions.counts(),
      waitingMessages: this.waiting.waitingCount(),
    };
  }
}
