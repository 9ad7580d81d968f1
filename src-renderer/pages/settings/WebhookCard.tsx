import { useState } from 'react';
import type { EventTypeList, Webhook } from '../../../src-shared/contract/webhooks';
import type { Session } from '../../../src-shared/model';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { RevealOnce } from '../../components/RevealOnce';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookFailedActions } from './WebhookFailedActions';
import { WebhookForm, type WebhookDraft } from './WebhookForm';

/** One webhook: what it sends where, enable toggle, test, retry or discard failed, edit, delete, and its deliveries. */
export function WebhookCard({
  webhook,
  eventTypes,
  sessions,
  onChanged,
}: {
  webhook: Webhook;
  eventTypes: EventTypeList['items'];
  sessions: Session[];
  onChanged: () => Promise<void>;
}) {
  const transport = useTransport();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  // While an action runs, the buttons that start another one are disabled (no double clicks).
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<string | null | void>) => {
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      const message = await action();
      if (message) setNotice(message);
      await onChanged();
      setRefreshKey((key) => key + 1);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const save = async (draft: WebhookDraft) => {
    await transport.call('webhooks.update', { id: webhook.id, ...draft });
    setEditing(false);
    await onChanged();
  };

  const events = webhook.events === null ? 'all events' : webhook.events.join(', ');
  return (
    <article className="card webhook-card" aria-label={`Webhook ${webhook.name}`}>
      <header className="webhook-card__header">
        <div>
          <h3>{webhook.name}</h3>
          <p className="muted webhook-card__url">
            <code>{webhook.url}</code>
          </p>
          <p className="muted">
            {webhook.session ? `Session ${webhook.session}` : 'Every session'} · {events}
            {webhook.failed > 0 && <strong> · {webhook.failed} failed</strong>}
          </p>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={webhook.enabled}
            onChange={(event) =>
              void run(async () => {
                await transport.call('webhooks.update', { id: webhook.id, enabled: event.target.checked });
              })
            }
          />
          <span>Enabled</span>
        </label>
      </header>

      {secret && (
        <RevealOnce label="New signing secret" value={secret} onDone={() => setSecret(null)}>
          Receivers verify deliveries with it.
        </RevealOnce>
      )}
      {editing && (
        <WebhookForm
          initial={webhook}
          eventTypes={eventTypes}
          sessions={sessions}
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      )}
      {notice && <p role="status">{notice}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <div className="row">
        <button
          type="button"
          className="button button--primary"
          disabled={!webhook.enabled || busy}
          onClick={() =>
            void run(async () => {
              await transport.call('webhooks.test', { id: webhook.id });
              return 'Test event queued.';
            })
          }
        >
          Send test
        </button>
        <WebhookFailedActions webhook={webhook} busy={busy} run={run} />
        {!editing && (
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <ConfirmButton
          label="New secret"
          question="Replace the signing secret? Receivers must switch to the new one to keep verifying."
          confirmLabel="Replace secret"
          onConfirm={() =>
            run(async () => {
              setSecret((await transport.call('webhooks.rotateSecret', { id: webhook.id })).secret);
            })
          }
        />
        <ConfirmButton
          label="Delete"
          question={`Delete “${webhook.name}” and its delivery log?`}
          confirmLabel="Delete webhook"
          onConfirm={() =>
            run(async () => {
              await transport.call('webhooks.delete', { id: webhook.id });
            })
          }
        />
      </div>
      <h4>Deliveries</h4>
      <WebhookDeliveries webhookId={webhook.id} refreshKey={refreshKey} onFailedChanged={onChanged} />
    </article>
  );
}
