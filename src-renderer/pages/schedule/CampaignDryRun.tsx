import { useEffect, useState } from 'react';
import type { CampaignPreview, RecipientsInput } from '../../../src-shared/contract/schedule';
import { useIntl } from 'react-intl';
import { useT } from '../../i18n/use-t';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { describeRecipientProblem } from './reasons';

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
  const t = useT();
  const intl = useIntl();
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
    <section className="campaign-preview" aria-label={t('schedule.dryRun.title')} aria-live="polite">
      <h3>{t('schedule.dryRun.title')}</h3>
      {previewError && <p className="form-error">{previewError}</p>}
      {!preview && !previewError && <p className="muted">{t('schedule.dryRun.empty')}</p>}
      {preview && (
        <>
          <p className="muted">{t('schedule.dryRun.counts', { ...preview.counts })}</p>
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
              {t('schedule.dryRun.notSent', {
                list: intl.formatList(
                  preview.invalid.map((item) =>
                    t('schedule.dryRun.invalidItem', {
                      input: item.input,
                      error: describeRecipientProblem(item.error, intl),
                    }),
                  ),
                  { type: 'unit' },
                ),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
