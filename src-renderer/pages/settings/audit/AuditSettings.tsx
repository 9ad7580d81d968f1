import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from '../../../hooks';
import { useTransport } from '../../../stores/connection';
import { describeError } from '../../../transport/rpc-error';

const MIN_DAYS = 7;
const MAX_DAYS = 3650;

/**
 * Beside the log: how long it is kept (days). (The shared-PC switch, "ask who is using this PC",
 * belongs here too once the desktop user switcher exists; see issue #15.)
 */
export function AuditSettings() {
  const intl = useIntl();
  const transport = useTransport();
  const settings = useQuery('peopleSettings.get', {});
  const [days, setDays] = useState('');
  const [daysError, setDaysError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const current = settings.data;
  useEffect(() => {
    if (current) setDays(String(current.auditRetentionDays));
  }, [current]);

  const save = async (changes: { auditRetentionDays: number }) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      settings.setData(await transport.call('peopleSettings.update', changes));
      setSaved(true);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const saveDays = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(days);
    if (!Number.isInteger(value) || value < MIN_DAYS || value > MAX_DAYS) {
      setDaysError(
        intl.formatMessage({ id: 'staff.audit.retentionRange' }, { min: MIN_DAYS, max: MAX_DAYS }),
      );
      return;
    }
    setDaysError(null);
    void save({ auditRetentionDays: value });
  };

  if (settings.error) return <p className="form-error">{settings.error}</p>;
  if (!current) return null;
  return (
    <div className="stack">
      <form className="row" onSubmit={saveDays}>
        <label className="field field--inline">
          <span className="field__label">
            <FormattedMessage id="staff.audit.retention" />
          </span>
          <input
            type="number"
            name="auditRetentionDays"
            min={MIN_DAYS}
            max={MAX_DAYS}
            value={days}
            aria-invalid={daysError ? 'true' : undefined}
            aria-describedby={daysError ? 'audit-retention-error' : undefined}
            onChange={(event) => setDays(event.target.value)}
          />
          {daysError && (
            <span className="field-error" id="audit-retention-error">
              {daysError}
            </span>
          )}
        </label>
        <button type="submit" className="button" disabled={busy}>
          <FormattedMessage id="staff.audit.save" />
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="muted" role="status">
          <FormattedMessage id="staff.audit.saved" />
        </p>
      )}
    </div>
  );
}
