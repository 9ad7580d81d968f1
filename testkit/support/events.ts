import type { AnyEventEnvelope } from '../../src-shared/contract/events.js';
import type { EventBus } from '../../src-main/core/event-bus.js';

/** Resolves with the first event matching `predicate`, published after this call. */
export function nextEvent(
  bus: EventBus,
  predicate: (event: AnyEventEnvelope) => boolean,
  timeoutMs = 20_000,
): Promise<AnyEventEnvelope> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no matching event within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = bus.subscribe((event) => {
      if (!predicate(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}

/** The next `session.status` event of `sessionId` whose status is `status`. */
export async function sessionReaches(bus: EventBus, sessionId: string, status: string, timeoutMs?: number) {
  const event = await nextEvent(
    bus,
    (e) => e.type === 'session.status' && e.session === sessionId && e.data.session.status === status,
    timeoutMs,
  );
  if (event.type !== 'session.status') throw new Error('unreachable');
  return event.data;
}
