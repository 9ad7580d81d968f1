import type { AutomationSettings } from '../../../src-shared/contract/automation';
import { WEEKDAYS } from '../../../src-shared/widget-hours';
import type { DayHours } from '../widget/draft';

/** The editor keeps every weekday as a list (the widget's hours grid works on that shape). */
export type AutomationDraft = Omit<AutomationSettings, 'hours'> & { hours: DayHours };

export function toDraft(settings: AutomationSettings): AutomationDraft {
  const hours: DayHours = { MO: [], TU: [], WE: [], TH: [], FR: [], SA: [], SU: [] };
  for (const day of WEEKDAYS) hours[day] = [...(settings.hours[day] ?? [])];
  return { ...settings, hours };
}

export function toSettings(draft: AutomationDraft): AutomationSettings {
  const hours: AutomationSettings['hours'] = {};
  for (const day of WEEKDAYS) if (draft.hours[day].length > 0) hours[day] = draft.hours[day];
  return { ...draft, hours };
}

/** A rule id the server accepts; unique enough within one number's rules. */
export function newRuleId(): string {
  return `rule_${Math.random().toString(36).slice(2, 10)}`;
}

/** The next free digit (1–9) of one menu level, or null when all nine are used. */
export function nextKey(used: readonly { key: string }[]): string | null {
  for (let digit = 1; digit <= 9; digit++)
    if (!used.some((o) => o.key === String(digit))) return String(digit);
  return null;
}

export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}
