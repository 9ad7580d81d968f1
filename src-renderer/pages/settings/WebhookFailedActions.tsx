import { useIntl } from 'react-intl';
import type { Webhook } from '../../../src-shared/contract/webhooks';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useTransport } from '../../stores/connection';

/**
 * What to do with a webhook's failed deliveries: send them all again, or discard them when the
 * receiver is gone for good (otherwise they and their events are kept forever).
 * `run` is the card's action runner: it shows the returned text and refreshes the counts.
 */
export function WebhookFailedActions({
  webhook,
  busy,
  run,
}: {
  webhook: Webhook;
  busy: boolean;
  run: (action: () => Promise<string>) => Promise<void>;
}) {
  const intl = useIntl();
  const transport = useTransport();
  if (webhook.failed === 0) return null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const { retried } = await transport.call('webhooks.retryFailed', { id: webhook.id });
            return intl.formatMessage({ id: 'settings.webhooks.retriedCount' }, { count: retried });
          })
        }
      >
        {intl.formatMessage({ id: 'settings.webhooks.retryAll' })}
      </button>
      <ConfirmButton
        label={intl.formatMessage({ id: 'settings.webhooks.discardAll' })}
        disabled={busy}
        question={intl.formatMessage({ id: 'settings.webhooks.discardQuestion' }, { count: webhook.failed })}
        confirmLabel={intl.formatMessage(
          { id: 'settings.webhooks.discardConfirm' },
          { count: webhook.failed },
        )}
        onConfirm={() =>
          run(async () => {
            const { discarded } = await transport.call('webhooks.discardFailed', { id: webhook.id });
            return intl.formatMessage({ id: 'settings.webhooks.discardedCount' }, { count: discarded });
          })
        }
      />
    </>
  );
}
