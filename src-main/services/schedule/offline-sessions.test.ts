import { describe, expect, it } from 'vitest';
import type { AnyEventEnvelope } from '../../../src-shared/contract/events.js';
import { EventBus } from '../../core/event-bus.js';
import { OfflineSessions } from './offline-sessions.js';

function connected(session: string): AnyEventEnvelope {
  return {
    id: 'evt_1',
    type: 'session.status',
    session,
    timestamp: '2026-11-21T10:00:00.000Z',
    data: { session: { id: session, status: 'connected' }, qr: null, pairingCode: null },
  } as unknown as AnyEventEnvelope;
}

describe('OfflineSessions', () => {
  it('holds a number back until the retry time, then lets it go', () => {
    const offline = new OfflineSessions(new EventBus({} as never), 30_000);
    offline.holdBack('shop', 1_000);
    expect(offline.heldUntil('shop', 20_000)).toBe(31_000);
    expect(offline.heldUntil('desk', 20_000)).toBeNull();
    expect(offline.heldUntil('shop', 31_000)).toBeNull();
    expect(offline.heldUntil('shop', 1_000)).toBeNull();
  });

  it('wakes the loop when a held-back number connects, and only then', () => {
    const bus = new EventBus({} as never);
    const offline = new OfflineSessions(bus, 30_000);
    let wakes = 0;
    offline.watch(() => (wakes += 1));
    bus.dispatch(connected('shop'));
    expect(wakes).toBe(0);
    offline.holdBack('shop', 1_000);
    bus.dispatch(connected('shop'));
    expect(wakes).toBe(1);
    expect(offline.heldUntil('shop', 2_000)).toBeNull();
    offline.unwatch();
    offline.holdBack('shop', 1_000);
    bus.dispatch(connected('shop'));
    expect(wakes).toBe(1);
  });
});
