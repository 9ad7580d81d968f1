import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useTransport } from '../stores/connection';
import { useSessions } from '../stores/sessions';
import { AddSessionForm } from './sessions/AddSessionForm';
import { SessionCard } from './sessions/SessionCard';
import { RestoreFromBackup } from './settings/RestoreFromBackup';

export function SessionsPage() {
  const intl = useIntl();
  const transport = useTransport();
  const { sessions, loaded, error, load } = useSessions();
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    void load(transport);
  }, [transport, load]);

  return (
    <section className="page">
      <PageHeader
        title={intl.formatMessage({ id: 'sessions.title' })}
        subtitle={intl.formatMessage({ id: 'sessions.subtitle' })}
        actions={
          !adding && (
            <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
              <FormattedMessage id="sessions.add" />
            </button>
          )
        }
      />
      <div className="stack">
        {adding && <AddSessionForm onDone={() => setAdding(false)} />}
        {!loaded && (
          <p className="muted" role="status">
            <FormattedMessage id="sessions.loading" />
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {loaded && !error && sessions.length === 0 && !adding && (
          <EmptyState icon="sessions" title={intl.formatMessage({ id: 'sessions.empty.title' })}>
            <FormattedMessage
              id="sessions.empty.text"
              values={{ strong: (text) => <strong>{text}</strong> }}
            />
          </EmptyState>
        )}
        {loaded && !error && sessions.length === 0 && !adding && (
          <section className="card" aria-labelledby="first-run-restore-title">
            <h2 id="first-run-restore-title">
              <FormattedMessage id="settings.restore.formLabel" />
            </h2>
            <p className="muted">
              <FormattedMessage id="settings.restore.firstRunText" />
            </p>
            <RestoreFromBackup replacing={false} />
          </section>
        )}
        {sessions.map((session) => (
          <SessionCard key={session.id} session={session} />
        ))}
      </div>
    </section>
  );
}
