import { useId } from 'react';
import type { Repeat } from '../../../src-shared/contract/schedule';
import { timeZoneOptions } from '../widget/time-zones';
import { formatUtc, toSendAt, type LocalDateTime } from './when';

/** Date and time picked in a zone (the user's by default), with the UTC the app will store. */
export function WhenFields({
  value,
  zone,
  onChange,
  onZoneChange,
}: {
  value: LocalDateTime;
  zone: string;
  onChange: (value: LocalDateTime) => void;
  onZoneChange: (zone: string) => void;
}) {
  const hintId = useId();
  const stored = toSendAt(value, zone);
  return (
    <fieldset className="when-fields">
      <legend className="field__label">When</legend>
      <div className="when-fields__row">
        <label className="field">
          <span className="field__label">Date</span>
          <input
            type="date"
            required
            value={value.date}
            aria-describedby={hintId}
            onChange={(event) => onChange({ ...value, date: event.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">Time</span>
          <input
            type="time"
            required
            value={value.time}
            aria-describedby={hintId}
            onChange={(event) => onChange({ ...value, time: event.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">Time zone</span>
          <select value={zone} onChange={(event) => onZoneChange(event.target.value)}>
            {timeZoneOptions(zone).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id={hintId} className="muted" data-testid="utc-preview">
        {stored ? <>Stored as {formatUtc(stored.utc)}</> : 'Pick a date and a time'}
      </p>
    </fieldset>
  );
}

export type RepeatChoice = 'none' | Repeat['kind'];

/** Once, daily, weekly, monthly, or a cron expression. */
export function RepeatFields({
  choice,
  expression,
  onChange,
}: {
  choice: RepeatChoice;
  expression: string;
  onChange: (choice: RepeatChoice, expression: string) => void;
}) {
  return (
    <div className="when-fields__row">
      <label className="field">
        <span className="field__label">Repeat</span>
        <select value={choice} onChange={(event) => onChange(event.target.value as RepeatChoice, expression)}>
          <option value="none">Does not repeat</option>
          <option value="daily">Every day</option>
          <option value="weekly">Every week</option>
          <option value="monthly">Every month</option>
          <option value="cron">Custom (cron)</option>
        </select>
      </label>
      {choice === 'cron' && (
        <label className="field">
          <span className="field__label">Cron expression</span>
          <input
            required
            placeholder="0 9 * * MON-FRI"
            value={expression}
            onChange={(event) => onChange(choice, event.target.value)}
          />
        </label>
      )}
    </div>
  );
}

export function repeatOf(choice: RepeatChoice, expression: string): Repeat | null {
  if (choice === 'none') return null;
  if (choice === 'cron') return { kind: 'cron', expression };
  return { kind: choice };
}

export function describeRepeat(repeat: Repeat | null): string {
  if (!repeat) return 'Once';
  if (repeat.kind === 'cron') return `Cron: ${repeat.expression}`;
  return { daily: 'Every day', weekly: 'Every week', monthly: 'Every month' }[repeat.kind];
}
