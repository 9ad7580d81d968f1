import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { describeError } from '../../transport/rpc-error';

/** The live QR code of a session waiting to be linked; it refreshes as WhatsApp rotates it. */
export function QrPanel({ sessionId }: { sessionId: string }) {
  const intl = useIntl();
  const transport = useTransport();
  const qrText = useSessions((state) => state.qr[sessionId] ?? null);
  const [image, setImage] = useState<{ qr: string; dataUrl: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    transport.call('sessions.qr', { id: sessionId }).then(
      (result) => !cancelled && setImage(result),
      (caught: unknown) => !cancelled && setError(describeError(caught)),
    );
    return () => {
      cancelled = true;
    };
    // A new QR text from the event stream means a new image to fetch.
  }, [transport, sessionId, qrText]);

  return (
    <div className="qr-panel">
      <div className="qr-panel__code">
        {image ? (
          <img
            src={image.dataUrl}
            width={240}
            height={240}
            alt={intl.formatMessage({ id: 'sessions.qr.alt' })}
            data-qr={image.qr}
          />
        ) : (
          <div className="qr-panel__placeholder" role="status">
            {error ?? intl.formatMessage({ id: 'sessions.qr.loading' })}
          </div>
        )}
      </div>
      <ol className="qr-panel__steps">
        <li>
          <FormattedMessage id="sessions.qr.step1" />
        </li>
        <li>
          <FormattedMessage id="sessions.qr.step2" values={{ strong: (text) => <strong>{text}</strong> }} />
        </li>
        <li>
          <FormattedMessage id="sessions.qr.step3" />
        </li>
      </ol>
    </div>
  );
}
