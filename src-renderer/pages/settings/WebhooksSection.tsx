import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { RevealOnce } from '../../components/RevealOnce';
import { WebhookCard } from './WebhookCard';
import { WebhookForm, type WebhookDraft } from './WebhookForm';
import '../../styles/integrations.css';

/** Webhooks: where Chatdock POSTs events, signed with a secret shown once. */
export function WebhooksSection() {
  const intl = useIntl();
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
        <h2 id="webhooks-title">
          <FormattedMessage id="settings.webhooks.title" />
        </h2>
        {!adding && (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            <FormattedMessage id="settings.webhooks.add" />
          </button>
        )}
      </div>
      <p className="muted">
        <FormattedMessage id="settings.webhooks.intro" />
      </p>
      <p className="muted">
        <FormattedMessage id="webhookowner.note" />
      </p>
      {created && (
        <RevealOnce
          label={intl.formatMessage({ id: 'settings.webhooks.newSecret' })}
          value={created.secret}
          onDone={() => setCreated(null)}
        >
          <FormattedMessage id="settings.webhooks.secretFor" values={{ name: created.name }} />
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
      {webhooks.data && items.length === 0 && !adding && (
        <p className="muted">
          <FormattedMessage id="settings.webhooks.none" />
        </p>
      )}
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
