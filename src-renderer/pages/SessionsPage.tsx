import { useEffect, useState } from 'react';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useTransport } from '../stores/connection';
import { useSessions } from '../stores/sessions';
import { AddSessionForm } from './sessions/AddSessionForm';
import { SessionCard } from './sessions/SessionCard';
import { RestoreFromBackup } from './settings/RestoreFromBackup';

export function SessionsPage() {
  const transport = useTransport();
  const { sessions, loaded, error, load } = useSessions();
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    void load(transport);
  }, [transport, load]);

  return (
    <section className="page">
      <PageHeader
        title="Sessions"
        subtitle="The WhatsApp numbers linked to this Chatdock"
        actions={
          !adding && (
            <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
              Add number
            </button>
          )
        }
      />
      <div className="stack">
        {adding && <AddSessionForm onDone={() => setAdding(false)} />}
        {!loaded && (
          <p className="muted" role="status">
            Loading sessions…
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {loaded && !error && sessions.length === 0 && !adding && (
          <EmptyState icon="sessions" title="No WhatsApp numbers linked">
            Each session is one WhatsApp number, linked by scanning a QR code with the phone, like WhatsApp
            Web. Click <strong>Add number</strong> to start.
          </EmptyState>
        )}
        {loaded && !error && sessions.length === 0 && !adding && (
          <section className="card" aria-labelledby="first-run-restore-title">
            <h2 id="first-run-restore-title">Restore from a backup</h2>
            <p className="muted">
              Moving from another PC? Restore its Chatdock backup here: every conversation, the media and the
              linked numbers come back, without scanning a QR code again.
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
