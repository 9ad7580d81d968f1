import type { TimeRange, Weekday } from '../../../src-shared/widget-hours';
import { WEEKDAYS } from '../../../src-shared/widget-hours';
import { useIntl } from 'react-intl';
import { useT } from '../../i18n/use-t';
import { weekdayName, weekdaysInOrder, type IsoWeekday } from '../../i18n/week';
import type { DayHours } from './draft';
import { FieldError, useField } from './fields';

/** ISO weekday numbers of the API's day codes (WEEKDAYS is in that order, Monday first). */
const ISO_DAY: Record<Weekday, IsoWeekday> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };
const DAY_OF_ISO = Object.fromEntries(WEEKDAYS.map((day) => [ISO_DAY[day], day])) as Record<
  IsoWeekday,
  Weekday
>;

/** The days in the reader's week order (Sunday first in Hebrew, Saturday in Arabic) and their names. */
function useWeek(): { day: Weekday; name: string }[] {
  const { locale } = useIntl();
  return weekdaysInOrder(locale).map((iso) => ({ day: DAY_OF_ISO[iso], name: weekdayName(locale, iso) }));
}

/** `<input type=time>` may drop zero seconds ("09:00"); the API wants HH:MM:SS. */
function withSeconds(value: string): string {
  return /^\d\d:\d\d$/.test(value) ? `${value}:00` : value;
}

function TimeInput({
  field,
  label,
  value,
  onChange,
}: {
  field: string;
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  const { error, clear, controlProps } = useField(field);
  return (
    <span className="hours__time">
      <input
        type="time"
        step={1}
        aria-label={label}
        value={value}
        onChange={(event) => {
          clear();
          onChange(withSeconds(event.target.value));
        }}
        {...controlProps}
      />
      <FieldError field={field} error={error} />
    </span>
  );
}

function DayRow({
  day,
  name,
  ranges,
  path,
  who,
  onChange,
}: {
  day: Weekday;
  name: string;
  ranges: TimeRange[];
  path: string;
  who: string;
  onChange(ranges: TimeRange[]): void;
}) {
  const t = useT();
  const { error } = useField(`${path}.${day}`);
  const update = (index: number, patch: Partial<TimeRange>) =>
    onChange(ranges.map((range, i) => (i === index ? { ...range, ...patch } : range)));
  const add = () => {
    const last = ranges[ranges.length - 1];
    // A second range usually follows the first (after a lunch break), so start where it ends.
    const from = last ? last.availableUntil : '09:00:00';
    onChange([...ranges, { availableFrom: from, availableUntil: last ? '18:00:00' : '17:00:00' }]);
  };
  // "Monday from 2" only when the day has several ranges.
  const nth = (index: number) => ({ numbered: ranges.length > 1 ? 'yes' : 'no', number: index + 1 });
  return (
    <li className="hours__day">
      <span className="hours__name">{name}</span>
      <div className="hours__ranges">
        {ranges.length === 0 && <span className="muted">{t('widget.hours.closed')}</span>}
        {ranges.map((range, index) => (
          <div key={index} className="hours__range">
            <TimeInput
              field={`${path}.${day}.${index}.availableFrom`}
              label={t('widget.hours.from', { who, day: name, ...nth(index) })}
              value={range.availableFrom}
              onChange={(availableFrom) => update(index, { availableFrom })}
            />
            <span aria-hidden="true">–</span>
            <TimeInput
              field={`${path}.${day}.${index}.availableUntil`}
              label={t('widget.hours.until', { who, day: name, ...nth(index) })}
              value={range.availableUntil}
              onChange={(availableUntil) => update(index, { availableUntil })}
            />
            {range.availableUntil < range.availableFrom && (
              <span className="hours__overnight">{t('widget.hours.nextDay')}</span>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={t('widget.hours.remove', { who, day: name, ...nth(index) })}
              onClick={() => onChange(ranges.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </div>
        ))}
        <FieldError field={`${path}.${day}`} error={error} />
      </div>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={t('widget.hours.add', { who, day: name })}
        onClick={add}
        disabled={ranges.length >= 12}
      >
        {t('widget.hours.addButton')}
      </button>
    </li>
  );
}

/**
 * One operator's week: each day holds any number of ranges in the business's time zone. A range
 * whose end is earlier than its start runs past midnight. No ranges at all means always available.
 */
export function HoursGrid({
  hours,
  path,
  who,
  onChange,
}: {
  hours: DayHours;
  /** Error path prefix, e.g. `operators.0.hours`. */
  path: string;
  /** Whose hours, for control labels ("Anna"). */
  who: string;
  onChange(hours: DayHours): void;
}) {
  const t = useT();
  const { locale } = useIntl();
  const week = useWeek();
  const alwaysOpen = WEEKDAYS.every((day) => hours[day].length === 0);
  const copyMondayToWeekdays = () => {
    const next = { ...hours };
    for (const day of ['TU', 'WE', 'TH', 'FR'] as const) next[day] = hours.MO.map((range) => ({ ...range }));
    onChange(next);
  };
  return (
    <fieldset className="hours">
      <legend className="field__label">{t('widget.hours.title')}</legend>
      <p className="field__hint">{alwaysOpen ? t('widget.hours.alwaysOpen') : t('widget.hours.overnight')}</p>
      <ul className="hours__days">
        {week.map(({ day, name }) => (
          <DayRow
            key={day}
            day={day}
            name={name}
            ranges={hours[day]}
            path={path}
            who={who}
            onChange={(ranges) => onChange({ ...hours, [day]: ranges })}
          />
        ))}
      </ul>
      {hours.MO.length > 0 && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={copyMondayToWeekdays}
        >
          {t('widget.hours.copyFirst', {
            day: weekdayName(locale, 1),
            from: weekdayName(locale, 2),
            until: weekdayName(locale, 5),
          })}
        </button>
      )}
    </fieldset>
  );
}
