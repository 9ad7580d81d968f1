/**
 * Listeners hear events in the order of their ids. The event stream relies on it: it skips any
 * id older than one it has already sent, so an event handed out late would never reach a client.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import { EventBus } from '../../core/event-bus.js';
import { openDatabase, type Db } from '../../db/connection.js';
import { EventRecorder, eventPosition } from './event-recorder.js';

let db: Db;

afterEach(() => db.$client.close());

function recorder(): { events: EventRecorder; heard: AnyEventEnvelope[]; bus: EventBus } {
  db = openDatabase(':memory:');
  const bus = new EventBus({ error: () => undefined } as never);
  const events = new EventRecorder(db, bus);
  const heard: AnyEventEnvelope[] = [];
  bus.subscribe((event) => heard.push(event));
  return { events, heard, bus };
}

function presence(events: EventRecorder, jid: string) {
  return events.record('presence.updated', 'shop', { chat: 'x@s.whatsapp.net', jid, presence: 'paused' });
}

describe('EventRecorder hands out events', () => {
  it('in id order, even when a listener records one while earlier ones are still queued', () => {
    const { events, heard, bus } = recorder();
    // A listener that answers the first event with one of its own (like a webhook reply).
    bus.subscribe((event) => {
      if (event.type === 'presence.updated' && event.data.jid === 'first') presence(events, 'answer');
    });
    events.transaction(() => {
      presence(events, 'first');
      presence(events, 'second');
    });
    const jids = heard.map((event) => (event.type === 'presence.updated' ? event.data.jid : ''));
    expect(jids).toEqual(['first', 'second', 'answer']);
    const ids = heard.map((event) => event.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('keeps the queued events when a listener’s own transaction rolls back', () => {
    const { events, heard, bus } = recorder();
    let rolledBack = false;
    bus.subscribe((event) => {
      if (event.type !== 'presence.updated' || event.data.jid !== 'first') return;
      try {
        events.transaction(() => {
          presence(events, 'rolled back');
          throw new Error('no');
        });
      } catch {
        rolledBack = true;
      }
    });
    events.transaction(() => {
      presence(events, 'first');
      presence(events, 'second');
    });
    expect(rolledBack).toBe(true);
    const jids = heard.map((event) => (event.type === 'presence.updated' ? event.data.jid : ''));
    expect(jids).toEqual(['first', 'second']);
  });

  it('drops the events of a nested transaction rolled back inside one that commits', () => {
    const { events, heard } = recorder();
    events.transaction(() => {
      presence(events, 'kept');
      try {
        events.transaction(() => {
          presence(events, 'rolled back');
          throw new Error('no');
        });
      } catch {
        // The outer work goes on without it.
      }
      presence(events, 'also kept');
    });
    const jids = heard.map((event) => (event.type === 'presence.updated' ? event.data.jid : ''));
    expect(jids).toEqual(['kept', 'also kept']);
    expect(events.since('', 10).map((event) => event.id)).toEqual(heard.map((event) => event.id));
  });
});

describe('EventRecorder.resumeGap for a position in time', () => {
  it('accepts a recent one, and calls one in the future unknown', () => {
    const { events } = recorder();
    const now = Date.now();
    expect(events.resumeGap(eventPosition(now - 60_000), now)).toBeNull();
    expect(events.resumeGap('evt_ffffffffffff', now)).toMatchObject({ reason: 'unknown' });
  });
});
