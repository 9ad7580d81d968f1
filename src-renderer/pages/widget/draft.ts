/**
 * The editor's working copy of a widget. Every field is a plain string/boolean the form can hold
 * while the user types (an invalid colour included); `toSettings` turns it into the API document
 * and `toPreview` into what the widget script renders.
 */
import type { WidgetRecord } from '../../../src-shared/contract/widgets';
import type { PublicWidget, WidgetPosition, WidgetSettingsInput } from '../../../src-shared/widget';
import { workingDays } from '../../i18n/week';
import { WEEKDAYS, type TimeRange, type Weekday } from '../../../src-shared/widget-hours';

export type DayHours = Record<Weekday, TimeRange[]>;

export interface OperatorDraft {
  /** React key only; never sent. */
  key: string;
  number: string;
  name: string;
  role: string;
  iconUrl: string;
  prefill: string;
  active: boolean;
  hours: DayHours;
}

export interface WidgetDraft {
  businessName: string;
  timeZone: string;
  active: boolean;
  color: string;
  textColor: string;
  position: WidgetPosition;
  openByDefault: boolean;
  buttonMessage: string;
  widgetMessage: string;
  iconUrl: string;
  operators: OperatorDraft[];
}

/**
 * The words a new widget starts with and the preview's stand-ins for blank names, in the owner's
 * language (`useWidgetDefaults`): once saved, the button and greeting are the owner's own text.
 */
export interface WidgetDefaults {
  buttonMessage: string;
  widgetMessage: string;
  businessName: string;
  operatorName: string;
}

let keys = 0;
const nextKey = () => `op-${++keys}`;

function emptyHours(): DayHours {
  return { MO: [], TU: [], WE: [], TH: [], FR: [], SA: [], SU: [] };
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function newDraft(defaults: WidgetDefaults): WidgetDraft {
  return {
    businessName: '',
    timeZone: browserTimeZone(),
    active: true,
    color: '#25d366',
    textColor: '#ffffff',
    position: 'right',
    openByDefault: false,
    buttonMessage: defaults.buttonMessage,
    widgetMessage: defaults.widgetMessage,
    iconUrl: '',
    operators: [],
  };
}

/**
 * A new operator, by default working 09:00–17:00 on the working days of the reader's `locale`
 * (Sunday–Thursday in Hebrew, Monday–Friday in most languages).
 */
export function newOperator(locale = 'en'): OperatorDraft {
  const hours = emptyHours();
  for (const iso of workingDays(locale)) {
    hours[WEEKDAYS[iso - 1] ?? 'MO'] = [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }];
  }
  return { key: nextKey(), number: '', name: '', role: '', iconUrl: '', prefill: '', active: true, hours };
}

export function draftFromRecord(widget: WidgetRecord): WidgetDraft {
  return {
    businessName: widget.businessName,
    timeZone: widget.timeZone,
    active: widget.active,
    color: widget.color,
    textColor: widget.textColor,
    position: widget.position,
    openByDefault: widget.openByDefault,
    buttonMessage: widget.buttonMessage,
    widgetMessage: widget.widgetMessage,
    iconUrl: widget.iconUrl ?? '',
    operators: widget.operators.map((operator) => {
      const hours = emptyHours();
      for (const day of WEEKDAYS) hours[day] = (operator.hours[day] ?? []).map((range) => ({ ...range }));
      return {
        key: nextKey(),
        number: operator.number,
        name: operator.name,
        role: operator.role,
        iconUrl: operator.iconUrl ?? '',
        prefill: operator.prefill ?? '',
        active: operator.active,
        hours,
      };
    }),
  };
}

/** The API document. Empty optional texts are left out; indexes stay as in the form so error paths match. */
export function toSettings(draft: WidgetDraft): WidgetSettingsInput {
  const optional = <K extends string>(key: K, value: string) =>
    (value.trim() ? { [key]: value } : {}) as Partial<Record<K, string>>;
  return {
    businessName: draft.businessName,
    timeZone: draft.timeZone,
    active: draft.active,
    color: draft.color,
    textColor: draft.textColor,
    position: draft.position,
    openByDefault: draft.openByDefault,
    buttonMessage: draft.buttonMessage,
    widgetMessage: draft.widgetMessage,
    ...optional('iconUrl', draft.iconUrl),
    operators: draft.operators.map((operator) => ({
      number: operator.number,
      name: operator.name,
      role: operator.role,
      ...optional('iconUrl', operator.iconUrl),
      ...optional('prefill', operator.prefill),
      active: operator.active,
      hours: Object.fromEntries(
        WEEKDAYS.filter((day) => operator.hours[day].length > 0).map((day) => [day, operator.hours[day]]),
      ),
    })),
  };
}

/** What the live preview renders: active operators only, as websites will see them. */
export function toPreview(draft: WidgetDraft, defaults: WidgetDefaults): PublicWidget {
  return {
    id: 'preview',
    businessName: draft.businessName.trim() || defaults.businessName,
    timeZone: draft.timeZone,
    color: draft.color,
    textColor: draft.textColor,
    position: draft.position,
    openByDefault: draft.openByDefault,
    buttonMessage: draft.buttonMessage,
    widgetMessage: draft.widgetMessage,
    iconUrl: draft.iconUrl.trim() || undefined,
    operators: draft.operators
      .filter((operator) => operator.active)
      .map((operator) => ({
        number: operator.number.replace(/\D/g, ''),
        name: operator.name.trim() || defaults.operatorName,
        role: operator.role,
        iconUrl: operator.iconUrl.trim() || undefined,
        prefill: operator.prefill.trim() || undefined,
        hours: operator.hours,
      })),
  };
}

/** Compares drafts ignoring the React keys, to know whether there is something to save. */
export function sameDraft(a: WidgetDraft, b: WidgetDraft): boolean {
  return JSON.stringify(toSettings(a)) === JSON.stringify(toSettings(b));
}

/** The DOM id of the control editing `field` (an API error path such as `operators.0.number`). */
export function fieldId(field: string): string {
  return `wf-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
