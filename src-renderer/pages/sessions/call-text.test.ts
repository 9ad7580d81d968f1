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
    expect(callOutcome({ status: 'offer', timestamp: at, rejectMessage: null }, now)).toBe('Ringing');
    expect(callOutcome({ status: 'offer', timestamp: at, rejectMessage: null }, now + 600_000)).toBe(
      'Missed',
    );
    expect(callOutcome({ status: 'timeout', timestamp: at, rejectMessage: null }, now)).toBe('Missed');
    expect(callOutcome({ status: 'reject', timestamp: at, rejectMessage: null }, now)).toBe('Rejected');
    expect(callOutcome({ status: 'reject', timestamp: at, rejectMessage: 'Text us' }, now)).toBe(
      'Rejected, replied “Text us”',
    );
    expect(callOutcome({ status: 'accept', timestamp: at, rejectMessage: null }, now)).toBe('Answered');
  });
});
