import { useCallback, useEffect, useState } from 'react';
import type { Schedule, ScheduleStatus } from '../../../src-shared/contract/schedule';
import { SCHEDULE_STATUSES } from '../../../src-shared/contract/schedule';
import type { Session } from '../../../src-shared/model';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { ScheduleForm } from './ScheduleForm';
import { formatInZone, formatUtc } from './when';
import { describeRepeat } from './WhenFields';
import { LatestCall } from '../../transport/latest-call';

function summary(schedule: Schedule): string {
  const m = schedule.message;
  if (m.type === 'text') return m.text;
  if ('caption' in m && m.caption) return `[${m.type}] ${m.caption}`;
  return `[${m.type}]`;
}

/** Scheduled messages: filter by status and session, create, edit while pending, cancel. */
export function ScheduledTab({ sessions }: { sessions: Session[] }) {
  const transport = useTransport();
  const [status, setStatus] = useState<ScheduleStatus | ''>('');
  const [session, setSession] = useState('');
  const [items, setItems] = useState<Schedule[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);

  const [latest] = useState(() => new LatestCall());

  // The list follows the filters and events: only the newest read is shown.
  const load = useCallback(
    () =>
      latest.run(
        () =>
          transport.call('schedules.list', {
            ...(status ? { status } : {}),
            ...(session ? { session } : {}),
            limit: 500,
          }),
        (page) => {
          setItems(page.items);
          setError(null);
        },
        (caught) => setError(describeError(caught)),
      ),
    [latest, transport, status, session],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.type === 'schedule.sent' || event.type === 'schedule.failed') void load();
      }),
    [transport, load],
  );

  const cancel = async (id: string) => {
    try {
      await transport.call('schedules.cancel', { id });
      await load();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <div className="stack">
      <div className="toolbar">
        <label className="field field--inline">
          <span className="field__label">Status</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as ScheduleStatus | '')}>
            <option value="">All</option>
            {SCHEDULE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span className="field__label">Session</span>
          <select value={session} onChange={(event) => setSession(event.target.value)}>
            <option value="">All</option>
            {sessions.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
        {editing === null && (
          <button
            type="button"
            className="button button--primary"
            disabled={sessions.length === 0}
            onClick={() => setEditing('new')}
          >
            New scheduled message
          </button>
        )}
      </div>
      {editing !== null && (
        <ScheduleForm
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? null : editing}
          sessions={sessions}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {items && items.length === 0 && editing === null && (
        <EmptyState icon="schedule" title="Nothing scheduled">
          Schedule reminders and follow-ups for a time in your zone; they are sent even after a restart, or
          when the number reconnects.
        </EmptyState>
      )}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Scheduled messages">
            <thead>
              <tr>
                <th>When</th>
                <th>To</th>
                <th>Message</th>
                <th>Repeat</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((schedule) => (
                <tr key={schedule.id} data-status={schedule.status}>
                  <td>
                    <div>{formatInZone(schedule.sendAt, schedule.timeZone)}</div>
                    <div className="muted">
                      {formatUtc(schedule.sendAt)} · {schedule.timeZone}
                    </div>
                  </td>
                  <td>
                    {schedule.message.to}
                    <div className="muted">{schedule.session}</div>
                  </td>
                  <td className="schedule-text">{summary(schedule)}</td>
                  <td>{describeRepeat(schedule.repeat)}</td>
                  <td>
                    <span className={`pill pill--schedule-${schedule.status}`}>{schedule.status}</span>
                    {schedule.sentAt && (
                      <div className="muted">Sent {formatInZone(schedule.sentAt, schedule.timeZone)}</div>
                    )}
                    {schedule.lastError && <div className="muted">{schedule.lastError}</div>}
                  </td>
                  <td>
                    {schedule.status === 'pending' && (
                      <div className="row">
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => setEditing(schedule)}
                        >
                          Edit
                        </button>
                        <ConfirmButton
                          label="Cancel"
                          question="Cancel this scheduled message? It will not be sent."
                          confirmLabel="Cancel message"
                          onConfirm={() => cancel(schedule.id)}
                        />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MissLimit />
    </div>
  );
}

/** The setting: how overdue a schedule may be (app closed, number offline) before it is missed. */
function MissLimit() {
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
      setMessage('Saved');
    } catch (caught) {
      setMessage(describeError(caught));
    }
  };
  return (
    <form
      className="toolbar"
      aria-label="Missed messages"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="field field--inline">
        <span className="field__label">Mark as missed when overdue by more than (hours)</span>
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
        Save
      </button>
      {message && <span className="muted">{message}</span>}
    </form>
  );
}
