import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { WebhookDelivery, WebhookDeliveryDetail } from '../../../src-shared/contract/webhooks';
import type { MessageId } from '../../i18n/messages/en';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { formatTime } from './time';

// What the deliveries table shows of one delivery beyond plain values: its status, its attempts.

const STATUS_TEXT: Record<WebhookDelivery['status'], MessageId> = {
  pending: 'settings.deliveries.pending',
  succeeded: 'settings.deliveries.succeeded',
  failed: 'settings.deliveries.failed',
};

/** The attempts of one delivery: when, answer, latency, excerpt. */
export function AttemptLog({ deliveryId }: { deliveryId: number }) {
  const intl = useIntl();
  const transport = useTransport();
  const [detail, setDetail] = useState<WebhookDeliveryDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    transport
      .call('webhooks.delivery', { deliveryId })
      .then(setDetail, (caught: unknown) => setError(describeError(caught)));
  }, [transport, deliveryId]);
  if (error) return <p className="form-error">{error}</p>;
  if (!detail) {
    return (
      <p className="muted">
        <FormattedMessage id="settings.deliveries.loadingAttempts" />
      </p>
    );
  }
  if (detail.attemptLog.length === 0) {
    return (
      <p className="muted">
        <FormattedMessage id="settings.deliveries.noAttempt" />
      </p>
    );
  }
  return (
    <ol
      className="attempt-log"
      aria-label={intl.formatMessage({ id: 'settings.deliveries.attemptsOf' }, { id: deliveryId })}
    >
      {detail.attemptLog.map((attempt) => (
        <li key={attempt.id}>
          {formatTime(attempt.attemptedAt)} ·{' '}
          {attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : attempt.error} ·{' '}
          {intl.formatNumber(attempt.latencyMs, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' })}
          {attempt.responseExcerpt && <code className="attempt-log__excerpt">{attempt.responseExcerpt}</code>}
        </li>
      ))}
    </ol>
  );
}

/** A delivery's state, and when a pending one that failed before is tried again. */
export function DeliveryStatus({ delivery }: { delivery: WebhookDelivery }) {
  const intl = useIntl();
  return (
    <>
      <span className={`pill pill--${delivery.status}`}>
        {intl.formatMessage({ id: STATUS_TEXT[delivery.status] })}
      </span>
      {delivery.status === 'pending' && delivery.attempts > 0 && delivery.nextAttemptAt && (
        <span className="muted">
          {' · '}
          <FormattedMessage
            id="settings.deliveries.next"
            values={{ time: formatTime(delivery.nextAttemptAt) }}
          />
        </span>
      )}
    </>
  );
}
