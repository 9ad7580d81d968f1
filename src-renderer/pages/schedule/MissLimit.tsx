import { useEffect, useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/** The API's bounds, in hours: 6 minutes up to 30 days. */
const MIN_HOURS = 0.1;
const MAX_HOURS = 720;

/**
 * The setting: how overdue a schedule may be (app closed, number offline) before it is missed.
 * It applies to every scheduled message, so it sits in its own titled box under the list with a
 * sentence saying what it does, rather than as a lone field beside the table.
 */
export function MissLimit() {
  const intl = useIntl();
  const transport = useTransport();
  const ids = useId();
  const [hours, setHours] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    transport.call('schedules.settings', {}).then(
      (settings) => setHours(String(settings.missAfterMinutes / 60)),
      (caught: unknown) => setProblem(describeError(caught)),
    );
  }, [transport]);
  const save = async () => {
    const value = Number(hours.replace(',', '.'));
    if (!hours.trim() || !Number.isFinite(value) || value < MIN_HOURS || value > MAX_HOURS) {
      setProblem(intl.formatMessage({ id: 'forms.missLimit.range' }, { min: MIN_HOURS, max: MAX_HOURS }));
      return;
    }
    try {
      const result = await transport.call('schedules.updateSettings', {
        missAfterMinutes: Math.round(value * 60),
      });
      setHours(String(result.missAfterMinutes / 60));
      setSaved(true);
    } catch (caught) {
      setProblem(describeError(caught));
    }
  };
  return (
    <section className="card miss-limit" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{intl.formatMessage({ id: 'schedule.missLimit.form' })}</h2>
      <p className="muted">{intl.formatMessage({ id: 'forms.missLimit.explain' })}</p>
      <form
        className="miss-limit__row"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-hours`}>
            {intl.formatMessage({ id: 'schedule.missLimit.hours' })}
          </label>
          <input
            id={`${ids}-hours`}
            type="text"
            inputMode="decimal"
            value={hours}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${ids}-error` : undefined}
            onChange={(event) => {
              setHours(event.target.value);
              setProblem(null);
              setSaved(false);
            }}
          />
          {problem && (
            <p id={`${ids}-error`} className="field-error" role="alert">
              {problem}
            </p>
          )}
        </div>
        <button type="submit" className="button button--secondary">
          {intl.formatMessage({ id: 'schedule.missLimit.save' })}
        </button>
        <span className="muted" role="status">
          {saved ? intl.formatMessage({ id: 'schedule.missLimit.saved' }) : ''}
        </span>
      </form>
    </section>
  );
}
