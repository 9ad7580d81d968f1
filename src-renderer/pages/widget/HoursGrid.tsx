import type { TimeRange, Weekday } from '../../../src-shared/widget-hours';
import { WEEKDAYS } from '../../../src-shared/widget-hours';
import type { DayHours } from './draft';
import { FieldError, useField } from './fields';

const DAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

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
  ranges,
  path,
  who,
  onChange,
}: {
  day: Weekday;
  ranges: TimeRange[];
  path: string;
  who: string;
  onChange(ranges: TimeRange[]): void;
}) {
  const name = DAY_NAMES[day];
  const { error } = useField(`${path}.${day}`);
  const update = (index: number, patch: Partial<TimeRange>) =>
    onChange(ranges.map((range, i) => (i === index ? { ...range, ...patch } : range)));
  const add = () => {
    const last = ranges[ranges.length - 1];
    // A second range usually follows the first (after a lunch break), so start where it ends.
    const from = last ? last.availableUntil : '09:00:00';
    onChange([...ranges, { availableFrom: from, availableUntil: last ? '18:00:00' : '17:00:00' }]);
  };
  const suffix = (index: number) => (ranges.length > 1 ? ` ${index + 1}` : '');
  return (
    <li className="hours__day">
      <span className="hours__name">{name}</span>
      <div className="hours__ranges">
        {ranges.length === 0 && <span className="muted">Closed</span>}
        {ranges.map((range, index) => (
          <div key={index} className="hours__range">
            <TimeInput
              field={`${path}.${day}.${index}.availableFrom`}
              label={`${who}: ${name} from${suffix(index)}`}
              value={range.availableFrom}
              onChange={(availableFrom) => update(index, { availableFrom })}
            />
            <span aria-hidden="true">–</span>
            <TimeInput
              field={`${path}.${day}.${index}.availableUntil`}
              label={`${who}: ${name} until${suffix(index)}`}
              value={range.availableUntil}
              onChange={(availableUntil) => update(index, { availableUntil })}
            />
            {range.availableUntil < range.availableFrom && <span className="hours__overnight">next day</span>}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${name} range${suffix(index)} of ${who}`}
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
        aria-label={`Add ${name} range for ${who}`}
        onClick={add}
        disabled={ranges.length >= 12}
      >
        Add
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
  const alwaysOpen = WEEKDAYS.every((day) => hours[day].length === 0);
  const copyMondayToWeekdays = () => {
    const next = { ...hours };
    for (const day of ['TU', 'WE', 'TH', 'FR'] as const) next[day] = hours.MO.map((range) => ({ ...range }));
    onChange(next);
  };
  return (
    <fieldset className="hours">
      <legend className="field__label">Opening hours</legend>
      <p className="field__hint">
        {alwaysOpen
          ? 'No hours set: always shown as available.'
          : 'An end earlier than the start runs past midnight (22:00–02:00).'}
      </p>
      <ul className="hours__days">
        {WEEKDAYS.map((day) => (
          <DayRow
            key={day}
            day={day}
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
          Copy Monday to Tuesday–Friday
        </button>
      )}
    </fieldset>
  );
}
