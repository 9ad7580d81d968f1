import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { WebhookAttempt } from '../../../src-shared/contract/webhooks';
import { useTransport } from '../../stores/connection';

/** How often the first attempt is looked for, and for how long before "no answer yet". */
const POLL_MS = 400;
const GIVE_UP_MS = 15_000;

/**
 * The answer to "Send test", inline: the receiver's status code, how long it took and the start of
 * its body, as soon as the delivery worker has made its first attempt (usually well under a second).
 */
export function WebhookTestResult({ deliveryId }: { deliveryId: number }) {
  const intl = useIntl();
  const transport = useTransport();
  const [attempt, setAttempt] = useState<WebhookAttempt | null>(null);
  const [gaveUp, setGaveUp] = useState(false);

  useEffect(() => {
    let stopped = false;
    const started = Date.now();
    const look = async (): Promise<void> => {
      const detail = await transport.call('webhooks.delivery', { deliveryId }).catch(() => null);
      if (stopped) return;
      const first = detail?.attemptLog[0];
      if (first) return setAttempt(first);
      if (Date.now() - started > GIVE_UP_MS) return setGaveUp(true);
      setTimeout(() => void look(), POLL_MS);
    };
    void look();
    return () => {
      stopped = true;
    };
  }, [transport, deliveryId]);

  if (!attempt) {
    return (
      <p className="webhook-test" role="status" aria-live="polite">
        <FormattedMessage id={gaveUp ? 'settings.webhooks.testNoAnswer' : 'settings.webhooks.testSending'} />
      </p>
    );
  }
  const ok = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
  return (
    <div className={`webhook-test webhook-test--${ok ? 'ok' : 'failed'}`} role="status" aria-live="polite">
      <p>
        <strong>
          {attempt.statusCode === null
            ? intl.formatMessage({ id: 'settings.webhooks.testNoResponse' })
            : intl.formatMessage(
                { id: ok ? 'settings.webhooks.testAnswered' : 'settings.webhooks.testRefused' },
                { code: attempt.statusCode },
              )}
        </strong>{' '}
        <FormattedMessage
          id="settings.webhooks.testLatency"
          values={{ ms: intl.formatNumber(attempt.latencyMs, { style: 'unit', unit: 'millisecond' }) }}
        />
        {attempt.statusCode === null && attempt.error ? ` · ${attempt.error}` : null}
      </p>
      {attempt.responseExcerpt ? (
        <pre
          className="webhook-test__body"
          aria-label={intl.formatMessage({ id: 'settings.webhooks.testBody' })}
        >
          {attempt.responseExcerpt.slice(0, 200)}
        </pre>
      ) : null}
    </div>
  );
}
