import type {
  AnyEventEnvelope,
  EventEnvelope,
  EventMap,
  EventStreamGap,
  EventType,
} from '../../../src-shared/contract/events.js';
import { SYSTEM_ACTOR, type Actor } from '../../../src-shared/contract/people.js';
import type { EventBus } from '../../core/event-bus.js';
import { sortAfter, sortableId, sortableIdFloor } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';

/** Writes what must leave the process with an event (webhook deliveries) in the same transaction. */
export type OutboxWriter = (event: AnyEventEnvelope) => void;

/**
 * Events older than this are pruned, except those a webhook delivery still has to send; the
 * WebSocket stream can resume within this window.
 */
export const EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

const EVENT_ID_PREFIX = 'evt';

/**
 * A point in time written like an event id: above every event stored before `millis`, below
 * every one stored from then on. The stream hands it out as a cursor when the log is empty.
 */
export function eventPosition(millis: number): string {
  return sortableIdFloor(EVENT_ID_PREFIX, millis);
}

/** An event id has a sequence and random part after the time; a position is the time alone. */
function isPosition(id: string): boolean {
  return id.length === eventPosition(0).length;
}

/**
 * The one way to publish an event. Inside `transaction()`, the event row and its outbox rows
 * are written with the fact they announce; listeners (WebSocket, UI, automation) hear it only
 * after the transaction committed, so nobody is told about a fact that was rolled back.
 */
export class EventRecorder {
  private readonly outboxWriters: OutboxWriter[] = [];
  private pending: AnyEventEnvelope[] = [];
  /** Work to run once the outermost transaction commits (`afterCommit`). */
  private committed: (() => void)[] = [];
  private flushing = false;
  /** The newest event handed to listeners, or the newest stored one before any was. */
  private lastDispatched: string | null;
  private depth = 0;
  private readonly insert;
  private readonly selectId;
  private readonly deleteOld;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
  ) {
    this.insert = db.$client.prepare<[string, string, string | null, string, string, string | null]>(
      'INSERT INTO events (id, type, session_id, timestamp, data, actor) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.selectId = db.$client.prepare<[string], { id: string }>('SELECT id FROM events WHERE id = ?');
    this.lastDispatched =
      db.$client.prepare<[], { id: string | null }>('SELECT max(id) AS id FROM events').get()?.id ?? null;
    if (this.lastDispatched) sortAfter(this.lastDispatched);
    // Ids sort by time, so "older than" is a range on the primary key. A pending delivery (its
    // receiver down for long, its webhook disabled) and a failed one (it can be retried by hand)
    // still need their event's payload: those events stay. The subquery runs once, over the
    // due index (status = 'pending' / 'failed', i.e. every status but 'succeeded'), not over
    // the succeeded deliveries kept for the list.
    this.deleteOld = db.$client.prepare<[string]>(
      `DELETE FROM events WHERE id < ? AND id NOT IN
         (SELECT event_id FROM webhook_deliveries WHERE status IN ('pending', 'failed'))`,
    );
  }

  addOutboxWriter(writer: OutboxWriter): void {
    this.outboxWriters.push(writer);
  }

  /** Runs `work` in one database transaction; events recorded inside go out after commit. */
  transaction<T>(work: () => T): T {
    // Events queued before (by an enclosing transaction, or still being handed out by a running
    // flush) survive a rollback of this one.
    const queuedBefore = this.pending.length;
    const hooksBefore = this.committed.length;
    this.depth += 1;
    let result: T;
    try {
      result = this.db.$client.transaction(work)();
    } catch (error) {
      // Rolled back (the whole transaction, or a nested one to its savepoint): its events and
      // after-commit work go too.
      this.pending.length = queuedBefore;
      this.committed.length = hooksBefore;
      throw error;
    } finally {
      this.depth -= 1;
    }
    if (this.depth === 0) {
      this.flush();
      this.runCommitted();
    }
    return result;
  }

  /**
   * Runs `work` once the outermost transaction commits (now, outside one); dropped if it rolls
   * back. For what cannot be undone, such as removing a file the transaction stops using: done
   * inside a nested transaction, an enclosing rollback would bring its row back without it.
   */
  afterCommit(work: () => void): void {
    if (this.depth === 0) work();
    else this.committed.push(work);
  }

  /** Every hook runs even if one throws (the first error is thrown after them). */
  private runCommitted(): void {
    let failure: unknown = null;
    for (const hook of this.committed.splice(0)) {
      try {
        hook();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) throw failure;
  }

  /** `actor`: who caused it; WhatsApp's own facts and the core's routines are the system's. */
  record<T extends EventType>(
    type: T,
    session: string | null,
    data: EventMap[T],
    actor: Actor = SYSTEM_ACTOR,
  ): EventEnvelope<T> {
    const event: EventEnvelope<T> = {
      id: sortableId(EVENT_ID_PREFIX),
      type,
      session,
      timestamp: new Date().toISOString(),
      data,
      actor,
    };
    this.transaction(() => {
      this.insert.run(event.id, type, session, event.timestamp, JSON.stringify(data), JSON.stringify(actor));
      for (const writer of this.outboxWriters) writer(event as AnyEventEnvelope);
      this.pending.push(event as AnyEventEnvelope);
    });
    return event;
  }

  /** Events after `afterId` (exclusive), oldest first: how a reconnecting stream catches up. */
  since(afterId: string, limit = 1000): AnyEventEnvelope[] {
    const rows = this.db.$client
      .prepare<
        [string, number],
        {
          id: string;
          type: string;
          session_id: string | null;
          timestamp: string;
          data: string;
          actor: string | null;
        }
      >('SELECT id, type, session_id, timestamp, data, actor FROM events WHERE id > ? ORDER BY id LIMIT ?')
      .all(afterId, limit);
    return rows.map(
      (row) =>
        ({
          id: row.id,
          type: row.type,
          session: row.session_id,
          timestamp: row.timestamp,
          data: JSON.parse(row.data) as unknown,
          // Rows from before every event carried an actor (migration 0013) were the system's.
          actor: row.actor ? (JSON.parse(row.actor) as Actor) : SYSTEM_ACTOR,
        }) as AnyEventEnvelope,
    );
  }

  /**
   * Where a listener that starts now is: after the newest event handed out (not merely stored:
   * one stored in a transaction still open reaches listeners after the commit), or, with none,
   * at this moment as a position. The event stream positions new clients here.
   */
  streamCursor(): string {
    return this.lastDispatched ?? eventPosition(Date.now());
  }

  /**
   * Whether resuming after `afterId` (an event id, or a position not in the future) may miss
   * events, or null when every event after it is still stored. Nothing younger than
   * EVENT_RETENTION_MS is ever pruned; an id that is not stored but younger than that never was
   * stored here.
   */
  resumeGap(afterId: string, now = Date.now()): EventStreamGap | null {
    const horizon = now - EVENT_RETENTION_MS;
    const retainedSince = new Date(horizon).toISOString();
    if (afterId < sortableIdFloor(EVENT_ID_PREFIX, horizon)) {
      return { reason: 'expired', after: afterId, retainedSince };
    }
    const known = isPosition(afterId) ? afterId <= eventPosition(now) : Boolean(this.selectId.get(afterId));
    if (!known) return { reason: 'unknown', after: afterId, retainedSince };
    return null;
  }

  /** Deletes events older than EVENT_RETENTION_MS that no unfinished webhook delivery needs. */
  prune(now = Date.now()): number {
    return this.deleteOld.run(sortableIdFloor(EVENT_ID_PREFIX, now - EVENT_RETENTION_MS)).changes;
  }

  /**
   * Hands committed events to listeners in the order of their ids. A listener may record an
   * event itself (a reply, a status change); that one waits for the events already queued
   * instead of overtaking them, since the stream skips any id older than one it has sent.
   */
  private flush(): void {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let next = 0; next < this.pending.length; next += 1) {
        const event = this.pending[next]!;
        this.lastDispatched = event.id;
        this.bus.dispatch(event);
      }
    } finally {
      this.pending = [];
      this.flushing = false;
    }
  }
}
