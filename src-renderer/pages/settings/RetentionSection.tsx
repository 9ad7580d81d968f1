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
      <h2 id="retention-title">Retention</h2>
      <p className="muted">
        Keep the disk from filling up: remove old media (the message stays, marked “media removed”) and, for a
        number you choose, old messages. Off by default. Removed items are gone for good, except from backups
        made before.
      </p>
      {status.loading && !data && <p className="muted">Loading…</p>}
      {status.error && <p className="form-error">{status.error}</p>}
      {data && <PassState status={data} />}
      {running && (
        <div
          className="backup-progress"
          role="progressbar"
          aria-label="Retention progress"
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
          Run now
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
  return (
    <>
      {running && (
        <p aria-live="polite">
          Removing… {running.scanned} of about {running.total} messages looked at: media of{' '}
          {running.mediaRemoved} removed, {running.messagesDeleted} messages deleted.
        </p>
      )}
      <p aria-label="Last retention pass">
        {lastRun
          ? `Last pass ${formatTime(lastRun.finishedAt)}: media of ${lastRun.mediaRemoved} messages removed, ` +
            `${lastRun.messagesDeleted} messages deleted, ${lastRun.filesDeleted} files (${formatBytes(lastRun.bytesFreed)}) freed.`
          : 'No retention pass yet.'}
        {nextRunAt && !running && ` Next: ${formatTime(nextRunAt)}.`}
      </p>
      <p className="muted" aria-label="Database shrinking">
        {vacuum.mode === 'incremental'
          ? `The database gives freed space back to the disk after each pass${vacuum.freeBytes > 0 ? ` (${formatBytes(vacuum.freeBytes)} to give back now)` : ''}.`
          : 'The database has not been converted to shrink yet: restart Chatdock with free disk space at least twice its size.'}
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
    <form className="integration-form" aria-label="Retention settings" onSubmit={(event) => void save(event)}>
      <label className="field">
        <span className="field__label">Remove media older than (days; empty keeps it)</span>
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
            Delete messages of {session.name} older than (days; empty keeps them)
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
          Save retention
        </button>
      </div>
      {saved && <p className="muted">Saved. The next pass applies it.</p>}
    </form>
  );
}
