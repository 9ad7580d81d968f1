import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Schedule, ScheduleStatus } from '../../../src-shared/contract/schedule';
import { SCHEDULE_STATUSES } from '../../../src-shared/contract/schedule';
import type { Session } from '../../../src-shared/model';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { ScheduleForm } from './ScheduleForm';
import { MissLimit } from './MissLimit';
import { ScheduledTable } from './ScheduledTable';
import { SessionSelect } from './SessionSelect';
import { LatestCall } from '../../transport/latest-call';

/** Scheduled messages: filter by status and session, create, edit while pending, cancel. */
export function ScheduledTab({ sessions }: { sessions: Session[] }) {
  const intl = useIntl();
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
          <span className="field__label">{intl.formatMessage({ id: 'schedule.filter.status' })}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as ScheduleStatus | '')}>
            <option value="">{intl.formatMessage({ id: 'schedule.filter.all' })}</option>
            {SCHEDULE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {intl.formatMessage({ id: 'schedule.status' }, { status: value })}
              </option>
            ))}
          </select>
        </label>
        <SessionSelect
          label={intl.formatMessage({ id: 'schedule.filter.session' })}
          sessions={sessions}
          value={session}
          onChange={setSession}
          anyLabel={intl.formatMessage({ id: 'schedule.filter.all' })}
        />
        {editing === null && (
          <button
            type="button"
            className="button button--primary"
            disabled={sessions.length === 0}
            onClick={() => setEditing('new')}
          >
            <FormattedMessage id="schedule.new" />
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
      {/* While the form is open, an empty list has nothing to explain. */}
      {!(editing !== null && items?.length === 0 && !error) && (
        <ScheduledTable items={items} error={error} onEdit={setEditing} onCancel={cancel} />
      )}
      <MissLimit />
    </div>
  );
}
