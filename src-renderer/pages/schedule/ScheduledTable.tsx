import { FormattedMessage, useIntl } from 'react-intl';
import type { Schedule } from '../../../src-shared/contract/schedule';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type Column } from '../../components/data-table/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { formatInZone, formatUtc } from './when';
import { describeRepeat } from './WhenFields';
import { describeSendFailure } from './send-failure';

function summary(schedule: Schedule): string {
  const m = schedule.message;
  if (m.type === 'status') {
    // A scheduled Status (issue #19): what it says.
    const status = m.status;
    return `[status] ${status.type === 'text' ? status.text : (status.caption ?? status.type)}`;
  }
  if (m.type === 'text') return m.text;
  if ('caption' in m && m.caption) return `[${m.type}] ${m.caption}`;
  return `[${m.type}]`;
}

/** The scheduled messages: when (in their zone and UTC), to whom, what; edit or cancel while pending. */
export function ScheduledTable({
  items,
  error,
  onEdit,
  onCancel,
}: {
  /** null while loading. */
  items: Schedule[] | null;
  error: string | null;
  onEdit: (schedule: Schedule) => void;
  onCancel: (id: string) => Promise<void>;
}) {
  const intl = useIntl();
  const columns: Column<Schedule>[] = [
    {
      id: 'when',
      header: intl.formatMessage({ id: 'schedule.col.when' }),
      cell: (schedule) => (
        <>
          <div>{formatInZone(schedule.sendAt, schedule.timeZone)}</div>
          <div className="muted">
            {formatUtc(schedule.sendAt)} · {schedule.timeZone}
          </div>
        </>
      ),
    },
    {
      id: 'to',
      header: intl.formatMessage({ id: 'schedule.col.to' }),
      cell: (schedule) => (
        <>
          {schedule.message.type === 'status' ? (
            <FormattedMessage id="status.post.audience" />
          ) : (
            schedule.message.to
          )}
          <div className="muted">{schedule.session}</div>
        </>
      ),
    },
    {
      id: 'message',
      header: intl.formatMessage({ id: 'schedule.col.message' }),
      className: 'schedule-text',
      cell: summary,
    },
    {
      id: 'repeat',
      header: intl.formatMessage({ id: 'schedule.col.repeat' }),
      cell: (schedule) => describeRepeat(schedule.repeat),
    },
    {
      id: 'status',
      header: intl.formatMessage({ id: 'schedule.col.status' }),
      cell: (schedule) => (
        <>
          <span className={`pill pill--schedule-${schedule.status}`}>
            <FormattedMessage id="schedule.status" values={{ status: schedule.status }} />
          </span>
          {schedule.sentAt && (
            <div className="muted">
              <FormattedMessage
                id="schedule.sentAt"
                values={{ time: formatInZone(schedule.sentAt, schedule.timeZone) }}
              />
            </div>
          )}
          {schedule.lastError && <div className="muted">{describeSendFailure(schedule.lastError, intl)}</div>}
        </>
      ),
    },
    {
      id: 'actions',
      header: intl.formatMessage({ id: 'common.actions' }),
      hideHeader: true,
      cell: (schedule) =>
        schedule.status === 'pending' && (
          <div className="row">
            {schedule.message.type !== 'status' && (
              <button type="button" className="button button--secondary" onClick={() => onEdit(schedule)}>
                <FormattedMessage id="schedule.edit" />
              </button>
            )}
            <ConfirmButton
              label={intl.formatMessage({ id: 'schedule.cancel' })}
              question={intl.formatMessage({ id: 'schedule.cancelQuestion' })}
              confirmLabel={intl.formatMessage({ id: 'schedule.cancelConfirm' })}
              onConfirm={() => onCancel(schedule.id)}
            />
          </div>
        ),
    },
  ];
  return (
    <DataTable
      label={intl.formatMessage({ id: 'schedule.table' })}
      columns={columns}
      rows={items}
      rowKey={(schedule) => schedule.id}
      rowAttributes={(schedule) => ({ 'data-status': schedule.status })}
      error={error}
      empty={
        <EmptyState icon="schedule" title={intl.formatMessage({ id: 'schedule.empty.title' })}>
          <FormattedMessage id="schedule.empty.text" />
        </EmptyState>
      }
    />
  );
}
