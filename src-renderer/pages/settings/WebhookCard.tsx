import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { EventTypeList, Webhook } from '../../../src-shared/contract/webhooks';
import type { Session } from '../../../src-shared/model';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { RevealOnce } from '../../components/RevealOnce';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookFailedActions } from './WebhookFailedActions';
import { WebhookForm, type WebhookDraft } from './WebhookForm';
import { WebhookTestResult } from './WebhookTestResult';

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
  const intl = useIntl();
  const transport = useTransport();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [testDelivery, setTestDelivery] = useState<number | null>(null);
  // While an action runs, the buttons that start another one are disabled (no double clicks).
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<string | null | void>) => {
    setError(null);
    setNotice(null);
    setTestDelivery(null);
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

  // Event names are identifiers: each stays whole on one line (no break at its dot).
  const events =
    webhook.events === null
      ? intl.formatMessage({ id: 'settings.webhooks.allEventsShort' })
      : intl.formatListToParts(webhook.events, { type: 'unit' }).map((part, index) =>
          part.type === 'element' ? (
            <code key={index} className="webhook-card__event">
              {part.value}
            </code>
          ) : (
            part.value
          ),
        );
  const sessionName = sessions.find((session) => session.id === webhook.session)?.name ?? webhook.session;
  return (
    <article
      className="card webhook-card"
      aria-label={intl.formatMessage({ id: 'settings.webhooks.card' }, { name: webhook.name })}
    >
      <header className="webhook-card__header">
        <div>
          <h3>{webhook.name}</h3>
          <p className="muted webhook-card__url">
            <code>{webhook.url}</code>
          </p>
          <p className="muted">
            {webhook.session
              ? intl.formatMessage({ id: 'settings.webhooks.forSession' }, { session: sessionName })
              : intl.formatMessage({ id: 'settings.webhooks.everySession' })}{' '}
            · {events} ·{' '}
            {webhook.owner
              ? intl.formatMessage({ id: 'webhookowner.owner' }, { name: webhook.owner.name })
              : intl.formatMessage({ id: 'webhookowner.everyone' })}
            {webhook.failed > 0 && (
              <strong>
                {' · '}
                <FormattedMessage id="settings.webhooks.failedCount" values={{ count: webhook.failed }} />
              </strong>
            )}
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
          <span>
            <FormattedMessage id="settings.webhooks.enabled" />
          </span>
        </label>
      </header>

      {secret && (
        <RevealOnce
          label={intl.formatMessage({ id: 'settings.webhooks.newSigningSecret' })}
          value={secret}
          onDone={() => setSecret(null)}
        >
          <FormattedMessage id="settings.webhooks.receiversVerify" />
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
      {testDelivery !== null && <WebhookTestResult key={testDelivery} deliveryId={testDelivery} />}
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
              const delivery = await transport.call('webhooks.test', { id: webhook.id });
              setTestDelivery(delivery.id);
            })
          }
        >
          <FormattedMessage id="settings.webhooks.sendTest" />
        </button>
        <WebhookFailedActions webhook={webhook} busy={busy} run={run} />
        {!editing && (
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            <FormattedMessage id="common.edit" />
          </button>
        )}
        <ConfirmButton
          label={intl.formatMessage({ id: 'settings.webhooks.rotateSecret' })}
          question={intl.formatMessage({ id: 'settings.webhooks.rotateQuestion' })}
          confirmLabel={intl.formatMessage({ id: 'settings.webhooks.rotateConfirm' })}
          onConfirm={() =>
            run(async () => {
              setSecret((await transport.call('webhooks.rotateSecret', { id: webhook.id })).secret);
            })
          }
        />
        <ConfirmButton
          label={intl.formatMessage({ id: 'common.delete' })}
          question={intl.formatMessage({ id: 'settings.webhooks.deleteQuestion' }, { name: webhook.name })}
          confirmLabel={intl.formatMessage({ id: 'settings.webhooks.deleteConfirm' })}
          onConfirm={() =>
            run(async () => {
              await transport.call('webhooks.delete', { id: webhook.id });
            })
          }
        />
      </div>
      <h4>
        <FormattedMessage id="settings.deliveries.title" />
      </h4>
      <WebhookDeliveries webhookId={webhook.id} refreshKey={refreshKey} onFailedChanged={onChanged} />
    </article>
  );
}
