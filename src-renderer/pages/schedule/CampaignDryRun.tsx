import { useEffect, useState } from 'react';
import type { CampaignPreview, RecipientsInput } from '../../../src-shared/contract/schedule';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/** The dry run: the first three messages exactly as they would be sent, refreshed as you type. */
export function CampaignDryRun({
  session,
  template,
  recipients,
}: {
  session: string;
  template: string;
  recipients: RecipientsInput | null;
}) {
  const transport = useTransport();
  const [preview, setPreview] = useState<CampaignPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const recipientsKey = JSON.stringify(recipients);

  useEffect(() => {
    if (!recipients || !template.trim()) {
      setPreview(null);
      return;
    }
    const timer = setTimeout(() => {
      transport
        .call('campaigns.preview', { session: session || undefined, template, recipients, limit: 3 })
        .then(
          (result) => {
            setPreview(result);
            setPreviewError(null);
          },
          (caught: unknown) => {
            setPreview(null);
            setPreviewError(describeError(caught));
          },
        );
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recipientsKey stands for recipients
  }, [transport, session, template, recipientsKey]);

  return (
    <section className="campaign-preview" aria-label="Dry run" aria-live="polite">
      <h3>Dry run</h3>
      {previewError && <p className="form-error">{previewError}</p>}
      {!preview && !previewError && <p className="muted">Add recipients to see the first messages.</p>}
      {preview && (
        <>
          <p className="muted">
            {preview.counts.valid} will be sent · {preview.counts.invalid} invalid ·{' '}
            {preview.counts.duplicates} duplicates · {preview.counts.optedOut} opted out
          </p>
          <ol className="preview-list">
            {preview.messages.map((message) => (
              <li key={message.to}>
                <div className="muted">{message.to}</div>
                <div className="bubble">{message.text}</div>
              </li>
            ))}
          </ol>
          {preview.invalid.length > 0 && (
            <p className="muted">
              Not sent: {preview.invalid.map((item) => `${item.input} (${item.error})`).join('; ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
