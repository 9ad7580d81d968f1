import { useId } from 'react';
import type { Repeat } from '../../../src-shared/contract/schedule';
import { DateField } from '../../components/DateField';
import { currentIntl } from '../../i18n/store';
import { useT } from '../../i18n/use-t';
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
  const t = useT();
  const hintId = useId();
  const stored = toSendAt(value, zone);
  return (
    <fieldset className="when-fields">
      <legend className="field__label">{t('schedule.when.legend')}</legend>
      <div className="when-fields__row">
        <label className="field">
          <span className="field__label">{t('schedule.when.date')}</span>
          <DateField
            required
            value={value.date}
            aria-describedby={hintId}
            onChange={(date) => onChange({ ...value, date })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('schedule.when.time')}</span>
          <input
            type="time"
            required
            value={value.time}
            aria-describedby={hintId}
            onChange={(event) => onChange({ ...value, time: event.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('schedule.when.zone')}</span>
          <select value={zone} onChange={(event) => onZoneChange(event.target.value)}>
            {timeZoneOptions(zone).map((name) => (
              <option key={name} value={name} lang="en">
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id={hintId} className="muted" data-testid="utc-preview">
        {stored ? t('schedule.when.stored', { utc: formatUtc(stored.utc) }) : t('schedule.when.pick')}
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
  const t = useT();
  return (
    <div className="when-fields__row">
      <label className="field">
        <span className="field__label">{t('schedule.repeat.label')}</span>
        <select value={choice} onChange={(event) => onChange(event.target.value as RepeatChoice, expression)}>
          {(['none', 'daily', 'weekly', 'monthly', 'cron'] as const).map((value) => (
            <option key={value} value={value}>
              {t('schedule.repeat.choice', { choice: value })}
            </option>
          ))}
        </select>
      </label>
      {choice === 'cron' && (
        <label className="field">
          <span className="field__label">{t('schedule.repeat.expression')}</span>
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

/** How often a schedule repeats, in the person's language (the list's Repeat column). */
export function describeRepeat(repeat: Repeat | null): string {
  const intl = currentIntl();
  if (!repeat) return intl.formatMessage({ id: 'schedule.repeat.once' });
  if (repeat.kind === 'cron')
    return intl.formatMessage({ id: 'schedule.repeat.cron' }, { expression: repeat.expression });
  return intl.formatMessage({ id: 'schedule.repeat.choice' }, { choice: repeat.kind });
}
