import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CallLogEntry } from '../../../src-shared/contract/calls';
import { DataTable, type Column } from '../../components/data-table/DataTable';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { callerText, callOutcome } from './call-text';
import { LatestCall } from '../../transport/latest-call';
import '../../styles/integrations.css';

const SHOWN = 50;

/** The newest calls to a session's number, kept up to date as calls come in and are rejected. */
export function CallLog({ sessionId }: { sessionId: string }) {
  const intl = useIntl();
  const transport = useTransport();
  const [calls, setCalls] = useState<CallLogEntry[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const [latest] = useState(() => new LatestCall());

  const load = useCallback(() => {
    setLoading(true);
    return latest.run(
      () => transport.call('calls.list', { session: sessionId, limit: SHOWN }),
      (list) => {
        setCalls(list);
        setError(null);
        setLoading(false);
      },
      (caught) => {
        setError(describeError(caught));
        setLoading(false);
      },
    );
  }, [latest, transport, sessionId]);

  useEffect(() => {
    void load();
    return transport.subscribe((event) => {
      const callEvent =
        event.type === 'call.received' || event.type === 'call.rejected' || event.type === 'call.updated';
      if (callEvent && event.session === sessionId) {
        void load();
      }
    });
  }, [transport, sessionId, load]);

  const columns: Column<CallLogEntry>[] = [
    {
      id: 'caller',
      header: intl.formatMessage({ id: 'sessions.callLog.col.caller' }),
      cell: (call) => callerText(call),
    },
    {
      id: 'when',
      header: intl.formatMessage({ id: 'sessions.callLog.col.when' }),
      cell: (call) => (
        <time dateTime={call.timestamp}>
          {intl.formatDate(call.timestamp, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
      ),
    },
    {
      id: 'type',
      header: intl.formatMessage({ id: 'sessions.callLog.col.type' }),
      cell: (call) =>
        intl.formatMessage(
          { id: 'sessions.callLog.type' },
          { video: call.isVideo ? 'yes' : 'no', group: call.isGroup ? 'yes' : 'no' },
        ),
    },
    {
      id: 'outcome',
      header: intl.formatMessage({ id: 'sessions.callLog.col.outcome' }),
      cell: (call) => {
        const outcome = callOutcome(call);
        return outcome ? intl.formatMessage({ id: outcome.id }, outcome.values) : call.status;
      },
    },
  ];

  return (
    <div className="call-log">
      <div className="call-log__header">
        <h3>{intl.formatMessage({ id: 'sessions.callLog.title' })}</h3>
        <button
          type="button"
          className="button button--secondary"
          disabled={loading}
          onClick={() => void load()}
        >
          <FormattedMessage
            id={loading && calls ? 'sessions.callLog.refreshing' : 'sessions.callLog.refresh'}
          />
        </button>
      </div>
      <DataTable
        label={intl.formatMessage({ id: 'sessions.callLog.table' })}
        columns={columns}
        rows={calls}
        rowKey={(call) => call.id}
        rowAttributes={(call) => ({ 'data-status': call.status })}
        error={error && intl.formatMessage({ id: 'sessions.callLog.loadFailed' }, { error })}
        loading={<FormattedMessage id="sessions.callLog.loading" />}
        empty={intl.formatMessage({ id: 'sessions.callLog.none' })}
      />
    </div>
  );
}
