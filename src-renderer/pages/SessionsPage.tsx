import { useEffect, useState } from 'react';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useTransport } from '../stores/connection';
import { useSessions } from '../stores/sessions';
import { AddSessionForm } from './sessions/AddSessionForm';
import { SessionCard } from './sessions/SessionCard';

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
        {sessions.map((session) => (
          <SessionCard key={session.id} session={session} />
        ))}
      </div>
    </section>
  );
}
