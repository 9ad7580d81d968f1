/**
 * Settings → Audit's filter form and how it becomes the `audit.list` / `audit.export` query.
 * Dates are whole local days: `from` starts at the day's first millisecond, `to` ends at its last.
 */
export interface AuditFilterForm {
  /** A person's or key's id or name, as typed or picked (empty: everyone). */
  actor: string;
  /** One of AUDIT_ACTION_GROUPS' prefixes (empty: every action). */
  action: string;
  /** `YYYY-MM-DD` from a date input, or empty. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilterForm = { actor: '', action: '', from: '', to: '' };

/** The action groups the form offers; a prefix ending in "." matches the whole group. */
export const AUDIT_ACTION_GROUPS = [
  'auth.',
  'user.',
  'team.',
  'permissions.',
  'session.',
  'key.',
  'token.',
  'webhook.',
  'export.',
  'backup.',
  'schedule.',
  'campaign.',
  'settings.',
  'audit.',
] as const;

export interface AuditQueryFilters {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

export type AuditFilterResult =
  { ok: true; query: AuditQueryFilters } | { ok: false; field: 'from' | 'to'; reason: 'invalid' | 'order' };

/** The query for the form, or which field is wrong (a bad date, or an end before the start). */
export function auditQueryOf(form: AuditFilterForm): AuditFilterResult {
  const query: AuditQueryFilters = {};
  const actor = form.actor.trim();
  if (actor) query.actor = actor;
  if (form.action) query.action = form.action;
  const from = form.from ? localDayEdge(form.from, 'start') : null;
  const to = form.to ? localDayEdge(form.to, 'end') : null;
  if (form.from && !from) return { ok: false, field: 'from', reason: 'invalid' };
  if (form.to && !to) return { ok: false, field: 'to', reason: 'invalid' };
  if (from && to && from > to) return { ok: false, field: 'to', reason: 'order' };
  if (from) query.from = from;
  if (to) query.to = to;
  return { ok: true, query };
}

function localDayEdge(day: string, edge: 'start' | 'end'): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
