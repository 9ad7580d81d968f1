import type { Db } from '../../db/connection.js';
import type { EventRecorder } from '../events/event-recorder.js';

/** Idempotency keys are remembered this long; a key used again later starts afresh. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Where one request's answer is remembered. The scope says what the key was used for and in
 * which session (`send:shop`, `schedule:shop`, `campaign:shop`), so the same key may serve
 * different operations without one answering for the other.
 */
interface IdempotencySlot {
  scope: string;
  key: string;
}

/** The slot of a request, or null when it carried no key (then nothing is remembered). */
export function idempotencySlot(scope: string, key: string | undefined): IdempotencySlot | null {
  return key ? { scope, key } : null;
}

/**
 * The one implementation of `Idempotency-Key`: a request's first answer is kept in
 * `idempotency_keys` for a day, and a retry with the same key gets that answer back instead of
 * doing the work again. The key alone identifies the request: a retry with a different body
 * still gets the first answer (as the send endpoint always did).
 */
export class IdempotencyKeys {
  private readonly select;
  private readonly upsert;
  private readonly deleteOlder;

  constructor(
    db: Db,
    private readonly events: EventRecorder,
  ) {
    this.select = db.$client.prepare<[string, string], { response: string; created_at: number }>(
      'SELECT response, created_at FROM idempotency_keys WHERE scope = ? AND key = ?',
    );
    this.upsert = db.$client.prepare<[string, string, string, number]>(
      'INSERT OR REPLACE INTO idempotency_keys (scope, key, response, created_at) VALUES (?, ?, ?, ?)',
    );
    // A scan of a small table, once an hour: not worth an index.
    this.deleteOlder = db.$client.prepare<[number]>('DELETE FROM idempotency_keys WHERE created_at < ?');
  }

  /**
   * The answer remembered for this slot, if it is younger than a day. The caller names what
   * its scope stores (`T`): every scope is written by one service only.
   */
  recall<T>(slot: IdempotencySlot | null): T | undefined {
    if (!slot) return undefined;
    const row = this.select.get(slot.scope, slot.key);
    if (!row || Date.now() - row.created_at > IDEMPOTENCY_TTL_MS) return undefined;
    return JSON.parse(row.response) as T;
  }

  /** Forgets answers older than a day (they no longer answer anything); returns how many. */
  prune(now = Date.now()): number {
    return this.deleteOlder.run(now - IDEMPOTENCY_TTL_MS).changes;
  }

  /** Remembers (or replaces) the answer of a slot; outside a transaction it is one write. */
  remember(slot: IdempotencySlot | null, answer: unknown): void {
    if (slot) this.upsert.run(slot.scope, slot.key, JSON.stringify(answer), Date.now());
  }

  /**
   * Creates something at most once per slot: `create` runs and its answer is remembered in one
   * transaction, so there is never a created thing whose key was lost (a retry would create it
   * again) nor a remembered answer for work that was rolled back. When the slot already has an
   * answer (an earlier request, or a concurrent retry that got here first), that answer is
   * returned and `create` does not run. Events recorded by `create` go out after the commit.
   */
  once<T>(slot: IdempotencySlot | null, create: () => T): T {
    return this.events.transaction(() => {
      const earlier = this.recall<T>(slot);
      if (earlier !== undefined) return earlier;
      const answer = create();
      this.remember(slot, answer);
      return answer;
    });
  }
}
