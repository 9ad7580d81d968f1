import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/** The setting: how overdue a schedule may be (app closed, number offline) before it is missed. */
export function MissLimit() {
  const intl = useIntl();
  const transport = useTransport();
  const [hours, setHours] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    transport.call('schedules.settings', {}).then(
      (settings) => setHours(String(settings.missAfterMinutes / 60)),
      (caught: unknown) => setMessage(describeError(caught)),
    );
  }, [transport]);
  const save = async () => {
    try {
      const minutes = Math.round(Number(hours) * 60);
      const saved = await transport.call('schedules.updateSettings', { missAfterMinutes: minutes });
      setHours(String(saved.missAfterMinutes / 60));
      setMessage(intl.formatMessage({ id: 'schedule.missLimit.saved' }));
    } catch (caught) {
      setMessage(describeError(caught));
    }
  };
  return (
    <form
      className="toolbar"
      aria-label={intl.formatMessage({ id: 'schedule.missLimit.form' })}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="field field--inline">
        <span className="field__label">{intl.formatMessage({ id: 'schedule.missLimit.hours' })}</span>
        <input
          type="number"
          min={0.1}
          step={0.1}
          value={hours}
          onChange={(event) => setHours(event.target.value)}
          style={{ width: '7em' }}
        />
      </label>
      <button type="submit" className="button button--secondary">
        {intl.formatMessage({ id: 'schedule.missLimit.save' })}
      </button>
      {message && <span className="muted">{message}</span>}
    </form>
  );
}
