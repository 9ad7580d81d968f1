import { describe, expect, it } from 'vitest';
import { auditQueryOf, EMPTY_AUDIT_FILTERS } from './audit-query';

describe('the audit filter form as a query', () => {
  it('sends nothing for an empty form, and trims the person', () => {
    expect(auditQueryOf(EMPTY_AUDIT_FILTERS)).toEqual({ ok: true, query: {} });
    expect(auditQueryOf({ ...EMPTY_AUDIT_FILTERS, actor: '  Dana  ', action: 'auth.' })).toEqual({
      ok: true,
      query: { actor: 'Dana', action: 'auth.' },
    });
  });

  it('covers whole local days from the first to the last millisecond', () => {
    const result = auditQueryOf({ ...EMPTY_AUDIT_FILTERS, from: '2026-12-01', to: '2026-12-01' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new Date(result.query.from!).getTime()).toBe(new Date('2026-12-01T00:00:00.000').getTime());
    expect(new Date(result.query.to!).getTime()).toBe(new Date('2026-12-01T23:59:59.999').getTime());
  });

  it('names the wrong field: a broken date, or an end before the start', () => {
    expect(auditQueryOf({ ...EMPTY_AUDIT_FILTERS, from: '2026-13-45' })).toEqual({
      ok: false,
      field: 'from',
      reason: 'invalid',
    });
    expect(auditQueryOf({ ...EMPTY_AUDIT_FILTERS, from: '2026-12-05', to: '2026-12-01' })).toEqual({
      ok: false,
      field: 'to',
      reason: 'order',
    });
  });
});
