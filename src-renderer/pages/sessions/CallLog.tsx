import { useCallback, useEffect, useState } from 'react';
import type { CallLogEntry } from '../../../src-shared/contract/calls';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { callerText, callOutcome } from './call-text';
import { LatestCall } from '../../transport/latest-call';
import '../../styles/integrations.css';

const SHOWN = 50;

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The newest calls to a session's number, kept up to date as calls come in and are rejected. */
export function CallLog({ sessionId }: { sessionId: string }) {
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

  return (
    <div className="call-log">
      <div className="call-log__header">
        <h3>Recent calls</h3>
        <button
          type="button"
          className="button button--secondary"
          disabled={loading}
          onClick={() => void load()}
        >
          {loading && calls ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          The call log could not be loaded: {error}
        </p>
      )}
      {calls === null && !error && (
        <p className="muted" role="status">
          Loading calls…
        </p>
      )}
      {calls?.length === 0 && <p className="muted">No calls yet. Calls to this number are listed here.</p>}
      {calls && calls.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Call log">
            <thead>
              <tr>
                <th scope="col">Caller</th>
                <th scope="col">When</th>
                <th scope="col">Type</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.id} data-status={call.status}>
                  <td>{callerText(call)}</td>
                  <td>
                    <time dateTime={call.timestamp}>{formatWhen(call.timestamp)}</time>
                  </td>
                  <td>
                    {call.isVideo ? 'Video' : 'Voice'}
                    {call.isGroup ? ' (group)' : ''}
                  </td>
                  <td>{callOutcome(call)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
