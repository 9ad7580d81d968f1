import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay, decideOnClose } from './reconnect-policy.js';

const base = { linked: true, attempt: 0, random: 0.5 };

describe('decideOnClose', () => {
  it('reconnects at once when WhatsApp asks for a restart (after pairing)', () => {
    expect(decideOnClose({ ...base, statusCode: 515 })).toEqual({
      action: 'reconnect_now',
      reason: 'restart_required',
    });
  });

  it('stops and forgets the login when logged out from the phone', () => {
    expect(decideOnClose({ ...base, statusCode: 401 })).toEqual({
      action: 'stop',
      status: 'logged_out',
      reason: 'logged_out',
      forgetLogin: true,
    });
  });

  it('stops but keeps the login when another WhatsApp Web replaced it', () => {
    expect(decideOnClose({ ...base, statusCode: 440 })).toMatchObject({
      action: 'stop',
      reason: 'replaced',
      forgetLogin: false,
    });
  });

  it('stops asking for QR codes once they expired unscanned', () => {
    expect(decideOnClose({ ...base, linked: false, statusCode: 408 })).toMatchObject({
      action: 'stop',
      status: 'disconnected',
      reason: 'qr_expired',
    });
  });

  it('reconnects with backoff after a network loss of a linked session', () => {
    for (const statusCode of [408, 428, 503, 500, undefined]) {
      const decision = decideOnClose({ ...base, statusCode, attempt: 2 });
      expect(decision.action).toBe('reconnect_later');
    }
    expect(decideOnClose({ ...base, statusCode: 500 })).toMatchObject({ reason: 'bad_session' });
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt, with jitter within the window, and is capped', () => {
    expect(backoffDelay(0, 0)).toBe(500);
    expect(backoffDelay(0, 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(3, 0)).toBe(4000);
    expect(backoffDelay(3, 1)).toBe(8000);
    expect(backoffDelay(30, 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(30, 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});
