import { useCallback, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { WebhookDelivery } from '../../../src-shared/contract/webhooks';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type Column } from '../../components/data-table/DataTable';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { AttemptLog, DeliveryStatus } from './DeliveryDetail';
import { formatTime } from './time';

const REFRESH_MS = 2000;

/** The last answer: its HTTP status, else why there was none. */
function lastResult(delivery: WebhookDelivery): string {
  if (delivery.lastStatusCode !== null) return `HTTP ${delivery.lastStatusCode}`;
  return delivery.lastError ?? '—';
}

/**
 * The latest deliveries of a webhook, refreshed every two seconds, with retry and discard
 * buttons. `onFailedChanged` tells the card when the failed ones seen here change, since its
 * "N failed" count (and the bulk buttons it shows) comes from the webhook list, which is not polled.
 */
export function WebhookDeliveries({
  webhookId,
  refreshKey,
  onFailedChanged,
}: {
  webhookId: string;
  refreshKey: number;
  onFailedChanged?: () => Promise<void>;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const [items, setItems] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      const page = await transport.call('webhooks.deliveries', { id: webhookId, limit: 20 });
      setItems(page.items);
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, [transport, webhookId]);

  useEffect(() => {
    // The card did something (refreshKey changed): a row's old notice no longer applies.
    setNotice(null);
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, refreshKey]);

  const failedKey = items
    ?.filter((delivery) => delivery.status === 'failed')
    .map((delivery) => delivery.id)
    .join(',');
  const seenFailedKey = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (failedKey === undefined) return;
    // The first page matches the list the card was loaded with; only later changes are news.
    if (seenFailedKey.current !== undefined && seenFailedKey.current !== failedKey) {
      void onFailedChanged?.();
    }
    seenFailedKey.current = failedKey;
  }, [failedKey, onFailedChanged]);

  const retry = async (deliveryId: number) => {
    setNotice(null);
    try {
      await transport.call('webhooks.retryDelivery', { deliveryId });
      await load();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const discard = async (deliveryId: number) => {
    setNotice(null);
    try {
      const { discarded } = await transport.call('webhooks.discardFailed', {
        id: webhookId,
        ids: [deliveryId],
      });
      // Zero: someone retried it meanwhile, and a delivery that is no longer failed stays.
      setNotice(
        intl.formatMessage(
          { id: discarded === 1 ? 'settings.deliveries.discarded' : 'settings.deliveries.kept' },
          { id: deliveryId },
        ),
      );
      await load();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const columns: Column<WebhookDelivery>[] = [
    {
      id: 'event',
      header: intl.formatMessage({ id: 'settings.deliveries.col.event' }),
      cell: (delivery) => <code>{delivery.eventType ?? delivery.eventId}</code>,
    },
    {
      id: 'created',
      header: intl.formatMessage({ id: 'settings.adminKey.created' }),
      cell: (delivery) => formatTime(delivery.createdAt),
    },
    {
      id: 'status',
      header: intl.formatMessage({ id: 'settings.deliveries.col.status' }),
      cell: (delivery) => <DeliveryStatus delivery={delivery} />,
    },
    {
      id: 'attempts',
      header: intl.formatMessage({ id: 'settings.deliveries.col.attempts' }),
      cell: (delivery) => intl.formatNumber(delivery.attempts),
    },
    {
      id: 'lastAnswer',
      header: intl.formatMessage({ id: 'settings.deliveries.col.lastAnswer' }),
      cell: lastResult,
    },
    {
      id: 'actions',
      header: intl.formatMessage({ id: 'common.actions' }),
      hideHeader: true,
      className: 'row',
      cell: (delivery) => (
        <>
          <button
            type="button"
            className="link-button"
            aria-expanded={open === delivery.id}
            onClick={() => setOpen(open === delivery.id ? null : delivery.id)}
          >
            <FormattedMessage id="settings.deliveries.col.attempts" />
          </button>
          {delivery.status !== 'succeeded' && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void retry(delivery.id)}
            >
              <FormattedMessage id="settings.deliveries.retry" />
            </button>
          )}
          {delivery.status === 'failed' && (
            <ConfirmButton
              label={intl.formatMessage({ id: 'settings.deliveries.discard' })}
              question={intl.formatMessage({ id: 'settings.deliveries.discardQuestion' })}
              confirmLabel={intl.formatMessage({ id: 'settings.deliveries.discardConfirm' })}
              onConfirm={() => discard(delivery.id)}
            />
          )}
        </>
      ),
    },
  ];

  return (
    <>
      {notice && <p role="status">{notice}</p>}
      <DataTable
        label={intl.formatMessage({ id: 'settings.deliveries.title' })}
        columns={columns}
        rows={items}
        rowKey={(delivery) => delivery.id}
        rowAttributes={(delivery) => ({
          'aria-label': intl.formatMessage({ id: 'settings.deliveries.row' }, { id: delivery.id }),
          'data-status': delivery.status,
        })}
        detail={(delivery) => (open === delivery.id ? <AttemptLog deliveryId={delivery.id} /> : null)}
        error={error}
        loading={<FormattedMessage id="settings.deliveries.loading" />}
        empty={intl.formatMessage({ id: 'settings.deliveries.none' })}
      />
    </>
  );
}
