import { useEffect, useState } from 'react';
import { useTransport } from '../../stores/connection';
import { useSessions } from '../../stores/sessions';
import { describeError } from '../../transport/rpc-error';

/** The live QR code of a session waiting to be linked; it refreshes as WhatsApp rotates it. */
export function QrPanel({ sessionId }: { sessionId: string }) {
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
            alt="QR code to link WhatsApp"
            data-qr={image.qr}
          />
        ) : (
          <div className="qr-panel__placeholder" role="status">
            {error ?? 'Getting a QR code…'}
          </div>
        )}
      </div>
      <ol className="qr-panel__steps">
        <li>Open WhatsApp on the phone of this number.</li>
        <li>
          Tap <strong>Settings</strong> (or the ⋮ menu) → <strong>Linked devices</strong> →{' '}
          <strong>Link a device</strong>.
        </li>
        <li>Point the phone at this code. It changes every 20 seconds; the newest one always works.</li>
      </ol>
    </div>
  );
}
