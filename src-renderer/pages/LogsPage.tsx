import { useCallback, useEffect, useRef, useState } from 'react';
import { LOG_LEVEL_NAMES, type LogLevelName, type LogLine } from '../../src-shared/contract/logs';
import { PageHeader } from '../components/PageHeader';
import { useTransport } from '../stores/connection';
import { describeError } from '../transport/rpc-error';
import '../styles/integrations.css';

const REFRESH_MS = 2000;
const MAX_LINES = 1000;

function contextText(context: Record<string, unknown>): string {
  return Object.keys(context).length ? JSON.stringify(context) : '';
}

/** Recent log lines of the core (secrets are redacted by the logger), filtered by level, refreshing. */
export function LogsPage() {
  const transport = useTransport();
  const [level, setLevel] = useState<LogLevelName>('info');
  const [auto, setAuto] = useState(true);
  const [lines, setLines] = useState<LogLine[]>([]);
  const [error, setError] = useState<string | null>(null);
  const lastTime = useRef<string | undefined>(undefined);

  const fetchLines = useCallback(
    async (fresh: boolean) => {
      try {
        const since = fresh ? undefined : lastTime.current;
        const { items } = await transport.call('logs.list', {
          level,
          limit: MAX_LINES,
          ...(since ? { since } : {}),
        });
        if (items.length) lastTime.current = items[items.length - 1]?.time;
        setLines((current) => (fresh ? items : [...current, ...items]).slice(-MAX_LINES));
        setError(null);
      } catch (caught) {
        setError(describeError(caught));
      }
    },
    [transport, level],
  );

  useEffect(() => {
    lastTime.current = undefined;
    void fetchLines(true);
  }, [fetchLines]);

  useEffect(() => {
    if (!auto) return;
    const timer = setInterval(() => void fetchLines(false), REFRESH_MS);
    return () => clearInterval(timer);
  }, [auto, fetchLines]);

  return (
    <section className="page">
      <PageHeader
        title="Logs"
        subtitle="What Chatdock did recently (the last 2,000 lines, kept in memory; keys and secrets are hidden)"
      />
      <div className="card">
        <div className="row logs-toolbar">
          <label className="field">
            <span className="field__label">Level</span>
            <select value={level} onChange={(event) => setLevel(event.target.value as LogLevelName)}>
              {LOG_LEVEL_NAMES.map((name) => (
                <option key={name} value={name}>
                  {name} and above
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={auto} onChange={(event) => setAuto(event.target.checked)} />
            <span>Refresh automatically</span>
          </label>
          <button type="button" className="button button--secondary" onClick={() => void fetchLines(true)}>
            Refresh now
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {lines.length === 0 ? (
          <p className="muted">No lines at this level yet.</p>
        ) : (
          <div className="table-scroll logs-scroll">
            <table className="data-table logs-table" aria-label="Log lines">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Level</th>
                  <th scope="col">Message</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {[...lines].reverse().map((line, index) => (
                  <tr key={`${line.time}-${lines.length - index}`} data-level={line.level}>
                    <td>{new Date(line.time).toLocaleTimeString()}</td>
                    <td>
                      <span className={`pill pill--level-${line.level}`}>{line.level}</span>
                    </td>
                    <td>{line.msg}</td>
                    <td>
                      <code className="logs-table__context">{contextText(line.context)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
