import { useEffect, useState } from 'react';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { RevealOnce } from '../../components/RevealOnce';
import { WebhookCard } from './WebhookCard';
import { WebhookForm, type WebhookDraft } from './WebhookForm';
import '../../styles/integrations.css';

/** Webhooks: where Chatdock POSTs events, signed with a secret shown once. */
export function WebhooksSection() {
  const transport = useTransport();
  const webhooks = useQuery('webhooks.list', {});
  const eventTypes = useQuery('webhooks.eventTypes', {});
  const sessions = useSessions((state) => state.sessions);
  const loadSessions = useSessions((state) => state.load);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  useEffect(() => {
    void loadSessions(transport);
  }, [transport, loadSessions]);

  const create = async (draft: WebhookDraft) => {
    const result = await transport.call('webhooks.create', draft);
    setCreated({ name: result.webhook.name, secret: result.secret });
    setAdding(false);
    await webhooks.reload();
  };

  const items = webhooks.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="webhooks-title">
      <div className="section-header">
        <h2 id="webhooks-title">Webhooks</h2>
        {!adding && (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Add webhook
          </button>
        )}
      </div>
      <p className="muted">
        Chatdock POSTs each event to these URLs, signed with the Standard Webhooks scheme. Deliveries wait in
        a durable queue: nothing is lost while a receiver is down or Chatdock restarts.
      </p>
      {created && (
        <RevealOnce label="New webhook secret" value={created.secret} onDone={() => setCreated(null)}>
          Receivers of “{created.name}” verify deliveries with this signing secret.
        </RevealOnce>
      )}
      {adding && (
        <WebhookForm
          initial={null}
          eventTypes={eventTypes.data?.items ?? []}
          sessions={sessions}
          onSubmit={create}
          onCancel={() => setAdding(false)}
        />
      )}
      {webhooks.error && <p className="form-error">{webhooks.error}</p>}
      {webhooks.data && items.length === 0 && !adding && <p className="muted">No webhooks yet.</p>}
      <div className="stack">
        {items.map((webhook) => (
          <WebhookCard
            key={webhook.id}
            webhook={webhook}
            eventTypes={eventTypes.data?.items ?? []}
            sessions={sessions}
            onChanged={webhooks.reload}
          />
        ))}
      </div>
    </section>
  );
}
