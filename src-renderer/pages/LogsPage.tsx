import { useCallback, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { LOG_LEVEL_NAMES, type LogLevelName, type LogLine } from '../../src-shared/contract/logs';
import { DataTable, type Column } from '../components/data-table/DataTable';
import { PageHeader } from '../components/PageHeader';
import type { MessageId } from '../i18n/messages/en';
import { useTransport } from '../stores/connection';
import { describeError } from '../transport/rpc-error';
import '../styles/integrations.css';

const REFRESH_MS = 2000;
const MAX_LINES = 1000;

const LEVEL_TEXT: Record<LogLevelName, MessageId> = {
  trace: 'logs.level.trace',
  debug: 'logs.level.debug',
  info: 'logs.level.info',
  warn: 'logs.level.warn',
  error: 'logs.level.error',
  fatal: 'logs.level.fatal',
};

function contextText(context: Record<string, unknown>): string {
  return Object.keys(context).length ? JSON.stringify(context) : '';
}

/**
 * Recent log lines of the core (secrets are redacted by the logger), filtered by level, refreshing.
 * The lines themselves are the program's own English records (like API messages); the page
 * around them is translated.
 */
export function LogsPage() {
  const intl = useIntl();
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

  // Newest first; a line has no id, so its place from the oldest keeps React's keys stable.
  const numbered = lines.map((line, index) => ({ line, key: `${line.time}-${index}` })).reverse();
  const columns: Column<(typeof numbered)[number]>[] = [
    {
      id: 'time',
      header: intl.formatMessage({ id: 'logs.col.time' }),
      cell: ({ line }) => intl.formatTime(line.time, { timeStyle: 'medium' }),
    },
    {
      id: 'level',
      header: intl.formatMessage({ id: 'logs.levelLabel' }),
      cell: ({ line }) => (
        <span className={`pill pill--level-${line.level}`}>
          {intl.formatMessage({ id: LEVEL_TEXT[line.level] })}
        </span>
      ),
    },
    {
      id: 'message',
      header: intl.formatMessage({ id: 'logs.col.message' }),
      cell: ({ line }) => <code lang="en">{line.msg}</code>,
    },
    {
      id: 'details',
      header: intl.formatMessage({ id: 'logs.col.details' }),
      cell: ({ line }) => <code className="logs-table__context">{contextText(line.context)}</code>,
    },
  ];

  return (
    <section className="page">
      <PageHeader
        title={intl.formatMessage({ id: 'logs.title' })}
        subtitle={intl.formatMessage({ id: 'logs.subtitle' }, { lines: 2000 })}
      />
      <div className="card">
        <div className="row logs-toolbar">
          <label className="field">
            <span className="field__label">
              <FormattedMessage id="logs.levelLabel" />
            </span>
            <select value={level} onChange={(event) => setLevel(event.target.value as LogLevelName)}>
              {LOG_LEVEL_NAMES.map((name) => (
                <option key={name} value={name}>
                  {intl.formatMessage(
                    { id: 'logs.andAbove' },
                    { level: intl.formatMessage({ id: LEVEL_TEXT[name] }) },
                  )}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={auto} onChange={(event) => setAuto(event.target.checked)} />
            <span>
              <FormattedMessage id="logs.auto" />
            </span>
          </label>
          <button type="button" className="button button--secondary" onClick={() => void fetchLines(true)}>
            <FormattedMessage id="logs.refreshNow" />
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <DataTable
          label={intl.formatMessage({ id: 'logs.lines' })}
          scrollClassName="logs-scroll"
          columns={columns}
          rows={numbered}
          rowKey={(row) => row.key}
          rowAttributes={(row) => ({ 'data-level': row.line.level })}
          empty={intl.formatMessage({ id: 'logs.none' })}
        />
      </div>
    </section>
  );
}
