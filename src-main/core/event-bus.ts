import type { AnyEventEnvelope, EventEnvelope, EventMap, EventType } from '../../src-shared/events.js';
import { sortableId } from './ids.js';
import type { Logger } from './logger.js';

export type EventListener = (event: AnyEventEnvelope) => void;

/**
 * The in-process event bus. Services publish a fact once, after it is stored; the bus
 * fans it out to the WebSocket stream, the UI and automation. A failing listener is logged
 * and never stops the others.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly logger: Logger) {}

  /** Builds the envelope for an event without publishing it (the outbox stores it first). */
  envelope<T extends EventType>(type: T, session: string | null, data: EventMap[T]): EventEnvelope<T> {
    return { id: sortableId('evt'), type, session, timestamp: new Date().toISOString(), data };
  }

  publish<T extends EventType>(type: T, session: string | null, data: EventMap[T]): EventEnvelope<T> {
    const event = this.envelope(type, session, data);
    this.dispatch(event as AnyEventEnvelope);
    return event;
  }

  dispatch(event: AnyEventEnvelope): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error({ err: error, eventType: event.type }, 'event listener failed');
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
