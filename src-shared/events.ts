/**
 * Every event the core pushes, with its data type. The envelope is identical for webhooks,
 * the WebSocket stream and the UI (see docs/API.md).
 */
import type { SessionStatusEvent, Settings } from './model.js';

export interface EventMap {
  'settings.updated': Settings;
  'session.status': SessionStatusEvent;
}

export type EventType = keyof EventMap;

export interface EventEnvelope<T extends EventType = EventType> {
  /** `evt_` + a sortable unique id. */
  id: string;
  type: T;
  /** The WhatsApp session the event belongs to, or null for app-wide events. */
  session: string | null;
  /** UTC ISO-8601. */
  timestamp: string;
  data: EventMap[T];
}

export type AnyEventEnvelope = { [T in EventType]: EventEnvelope<T> }[EventType];
