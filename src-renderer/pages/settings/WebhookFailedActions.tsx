import type { Webhook } from '../../../src-shared/contract/webhooks';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useTransport } from '../../stores/connection';

function deliveries(count: number): string {
  return `${count} failed ${count === 1 ? 'delivery' : 'deliveries'}`;
}

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
            return `${deliveries(retried)} queued again.`;
          })
        }
      >
        Retry all failed
      </button>
      <ConfirmButton
        label="Discard failed…"
        disabled={busy}
        question={
          `Discard the ${deliveries(webhook.failed)}? They can't be sent afterwards, even if the ` +
          'receiver comes back. Pending and delivered ones stay.'
        }
        confirmLabel={`Discard ${deliveries(webhook.failed)}`}
        onConfirm={() =>
          run(async () => {
            const { discarded } = await transport.call('webhooks.discardFailed', { id: webhook.id });
            return `${deliveries(discarded)} discarded.`;
          })
        }
      />
    </>
  );
}
