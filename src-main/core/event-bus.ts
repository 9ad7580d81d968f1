import type { AnyEventEnvelope } from '../../src-shared/contract/events.js';
import type { Logger } from './logger.js';

export type EventListener = (event: AnyEventEnvelope) => void;

/**
 * The in-process fan-out of events to the WebSocket stream, the UI and automation. Events
 * enter only through EventRecorder (services/event-recorder.ts), after they are stored.
 * A failing listener is logged and never stops the others.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly logger: Logger) {}

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
