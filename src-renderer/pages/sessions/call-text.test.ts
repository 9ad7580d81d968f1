import { describe, expect, it } from 'vitest';
import { callerText, callOutcome } from './call-text';

describe('call log texts', () => {
  it('names the caller with the number, or the number alone', () => {
    expect(callerText({ from: '972501234567@s.whatsapp.net', name: 'Dana' })).toBe('Dana (+972 50 123 4567)');
    expect(callerText({ from: '972501234567@s.whatsapp.net', name: null })).toBe('+972 50 123 4567');
    expect(callerText({ from: '1234567890@lid', name: null })).toBe('1234567890@lid');
  });

  it('says what became of a call', () => {
    const at = '2026-01-01T10:00:00.000Z';
    const now = Date.parse(at) + 30_000;
    const outcome = (status: string, rejectMessage: string | null = null, when = now) =>
      callOutcome({ status, timestamp: at, rejectMessage }, when);
    expect(outcome('offer')?.id).toBe('sessions.callLog.outcome.ringing');
    expect(outcome('offer', null, now + 600_000)?.id).toBe('sessions.callLog.outcome.missed');
    expect(outcome('timeout')?.id).toBe('sessions.callLog.outcome.missed');
    expect(outcome('reject')).toEqual({ id: 'sessions.callLog.outcome.rejected' });
    expect(outcome('reject', 'Text us')).toEqual({
      id: 'sessions.callLog.outcome.rejectedReplied',
      values: { reply: 'Text us' },
    });
    expect(outcome('accept')?.id).toBe('sessions.callLog.outcome.answered');
    expect(outcome('terminate')?.id).toBe('sessions.callLog.outcome.ended');
    expect(outcome('relayed')).toBeNull();
  });
});
