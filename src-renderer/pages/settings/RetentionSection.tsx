import { FormattedMessage } from 'react-intl';
import { useT } from '../../i18n/use-t';
import { useEffect, useState, type FormEvent } from 'react';
import type { HousekeepingStatus } from '../../../src-shared/contract/housekeeping';
import type { Session } from '../../../src-shared/model';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError, RpcError } from '../../transport/rpc-error';
import { formatBytes } from './backup-format';
import { formatTime } from './time';

/**
 * Settings → Storage → Retention: delete media (and, per number, messages) older than N days, in
 * a background pass; its progress, the last pass, and how much the database file can give back.
 */
export function RetentionSection() {
  const transport = useTransport();
  const t = useT();
  const status = useQuery('housekeeping.status', {});
  const sessions = useQuery('sessions.list', {});
  const [error, setError] = useState<string | null>(null);
  const running = status.data?.running ?? null;

  const reload = status.reload;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), 1000);
    return () => clearInterval(timer);
  }, [running, reload]);

  const runNow = async () => {
    setError(null);
    try {
      status.setData(await transport.call('housekeeping.run', {}));
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const data = status.data;
  return (
    <section className="card" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p className="muted">{t('retention.intro')}</p>
      {status.loading && !data && <p className="muted">{t('retention.loading')}</p>}
      {status.error && <p className="form-error">{status.error}</p>}
      {data && <PassState status={data} />}
      {running && (
        <div
          className="backup-progress"
          role="progressbar"
          aria-label={t('retention.progress')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent(running)}
        >
          <div className="backup-progress__bar" style={{ width: `${percent(running)}%` }} />
        </div>
      )}
      <div>
        <button
          type="button"
          className="button button--secondary"
          disabled={!data || running !== null}
          onClick={() => void runNow()}
        >
          {t('retention.runNow')}
        </button>
      </div>
      {error && <p className="form-error">{error}</p>}
      {data && sessions.data && (
        <RetentionForm status={data} sessions={sessions.data} onSaved={(next) => status.setData(next)} />
      )}
      {sessions.error && <p className="form-error">{sessions.error}</p>}
    </section>
  );
}

function percent(running: NonNullable<HousekeepingStatus['running']>): number {
  return Math.min(100, Math.floor((100 * running.scanned) / Math.max(running.total, 1)));
}

function PassState({ status }: { status: HousekeepingStatus }) {
  const { running, lastRun, nextRunAt, vacuum } = status;
  const t = useT();
  return (
    <>
      {running && (
        <p aria-live="polite">
          {t('retention.running', {
            scanned: running.scanned,
            total: running.total,
            media: running.mediaRemoved,
            deleted: running.messagesDeleted,
          })}
        </p>
      )}
      <p aria-label={t('retention.lastPassLabel')}>
        {lastRun
          ? t('retention.lastPass', {
              when: formatTime(lastRun.finishedAt),
              media: lastRun.mediaRemoved,
              deleted: lastRun.messagesDeleted,
              files: lastRun.filesDeleted,
              bytes: formatBytes(lastRun.bytesFreed),
            })
          : t('retention.noPass')}
        {nextRunAt && !running && ` ${t('retention.next', { when: formatTime(nextRunAt) })}`}
      </p>
      <p className="muted" aria-label={t('retention.shrinkLabel')}>
        {vacuum.mode === 'incremental'
          ? t('retention.shrinks', {
              hasFree: vacuum.freeBytes > 0 ? 'yes' : 'no',
              bytes: formatBytes(vacuum.freeBytes),
            })
          : t('retention.notConverted')}
      </p>
    </>
  );
}

function RetentionForm({
  status,
  sessions,
  onSaved,
}: {
  status: HousekeepingStatus;
  sessions: Session[];
  onSaved: (next: HousekeepingStatus) => void;
}) {
  const transport = useTransport();
  const t = useT();
  const [mediaDays, setMediaDays] = useState(status.retention.mediaDays?.toString() ?? '');
  const [messageDays, setMessageDays] = useState<Record<string, string>>(() =>
    Object.fromEntries(sessions.map((s) => [s.id, status.retention.messageDays[s.id]?.toString() ?? ''])),
  );
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFieldError(null);
    setSaved(false);
    try {
      const next = await transport.call('housekeeping.configure', {
        mediaDays: mediaDays.trim() === '' ? null : Number(mediaDays),
        messageDays: Object.fromEntries(
          Object.entries(messageDays).map(([id, days]) => [id, days.trim() === '' ? null : Number(days)]),
        ),
      });
      onSaved(next);
      setSaved(true);
    } catch (caught) {
      setFieldError({
        field: caught instanceof RpcError && caught.field ? caught.field : '',
        message: describeError(caught),
      });
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: string) =>
    fieldError?.field === field ? (
      <span className="form-error" role="alert">
        {fieldError.message}
      </span>
    ) : null;

  return (
    <form
      className="integration-form"
      aria-label={t('retention.form')}
      onSubmit={(event) => void save(event)}
    >
      <label className="field">
        <span className="field__label">{t('retention.mediaDays')}</span>
        <input
          type="number"
          min={1}
          inputMode="numeric"
          value={mediaDays}
          onChange={(event) => setMediaDays(event.target.value)}
        />
        {errorFor('mediaDays')}
      </label>
      {sessions.map((session) => (
        <label key={session.id} className="field">
          <span className="field__label">
            <FormattedMessage id="retention.messageDays" values={{ name: <bdi>{session.name}</bdi> }} />
          </span>
          <input
            type="number"
            min={1}
            inputMode="numeric"
            value={messageDays[session.id] ?? ''}
            onChange={(event) => setMessageDays({ ...messageDays, [session.id]: event.target.value })}
          />
          {errorFor(`messageDays.${session.id}`)}
        </label>
      ))}
      {fieldError && !fieldError.field.match(/^(mediaDays|messageDays\.)/) && (
        <p className="form-error">{fieldError.message}</p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('retention.save')}
        </button>
      </div>
      {saved && <p className="muted">{t('retention.saved')}</p>}
    </form>
  );
}
