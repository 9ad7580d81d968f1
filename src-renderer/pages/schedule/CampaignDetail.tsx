import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Campaign, CampaignRecipient, RecipientStatus } from '../../../src-shared/contract/schedule';
import { RECIPIENT_STATUSES } from '../../../src-shared/contract/schedule';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useT } from '../../i18n/use-t';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { CampaignProgress } from './CampaignProgress';
import { RecipientsTable } from './RecipientsTable';
import { LatestCall } from '../../transport/latest-call';

/** One campaign: progress, ETA, pause/resume/cancel and every recipient's status. */
export function CampaignDetail({ campaign, onBack }: { campaign: Campaign; onBack: () => void }) {
  const intl = useIntl();
  const t = useT();
  const transport = useTransport();
  const [current, setCurrent] = useState(campaign);
  const [filter, setFilter] = useState<RecipientStatus | ''>('');
  const [recipients, setRecipients] = useState<CampaignRecipient[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [latest] = useState(() => new LatestCall());

  // Progress events reload the list often: only the newest read is shown.
  const loadRecipients = useCallback(
    () =>
      latest.run(
        () =>
          transport.call('campaigns.recipients', {
            id: campaign.id,
            limit: 1000,
            ...(filter ? { status: filter } : {}),
          }),
        (page) => setRecipients(page.items),
        (caught) => {
          setError(describeError(caught));
          // The error is shown above; the table stops saying "Loading…".
          setRecipients((shown) => shown ?? []);
        },
      ),
    [latest, transport, campaign.id, filter],
  );

  useEffect(() => {
    void loadRecipients();
  }, [loadRecipients]);

  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.type === 'campaign.progress' && event.data.campaign.id === campaign.id) {
          setCurrent(event.data.campaign);
          void loadRecipients();
        }
      }),
    [transport, campaign.id, loadRecipients],
  );

  const act = async (action: 'campaigns.pause' | 'campaigns.resume' | 'campaigns.cancel') => {
    try {
      setCurrent(await transport.call(action, { id: campaign.id }));
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <article className="card" aria-label={t('campaign.label', { name: current.name })}>
      <button type="button" className="link-button" onClick={onBack}>
        <span className="icon--directional" style={{ display: 'inline-block' }} aria-hidden="true">
          ←
        </span>{' '}
        {t('campaign.back')}
      </button>
      <header className="session-card__header">
        <div>
          <h2 dir="auto">{current.name}</h2>
          <p className="muted">
            <bdi>{current.session}</bdi> ·{' '}
            {t('campaign.delay', { min: current.delayMinMs / 1000, max: current.delayMaxMs / 1000 })}
            {current.dailyCap ? ` · ${t('campaign.dailyCap', { cap: current.dailyCap })}` : ''}
            {current.workingHours && (
              <>
                {' · '}
                <bdi dir="ltr">
                  {current.workingHours.from}–{current.workingHours.until}
                </bdi>{' '}
                <span lang="en">{current.workingHours.timeZone}</span>
              </>
            )}
          </p>
        </div>
        <span className={`pill pill--campaign-${current.status}`} role="status">
          {intl.formatMessage({ id: 'schedule.campaigns.status' }, { status: current.status })}
        </span>
      </header>
      <CampaignProgress campaign={current} />
      <p className="campaign-template" dir="auto">
        {current.template}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        {current.status === 'running' && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void act('campaigns.pause')}
          >
            {t('campaign.pause')}
          </button>
        )}
        {(current.status === 'paused' || current.status === 'draft') && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void act('campaigns.resume')}
          >
            {current.status === 'draft' ? t('campaign.start') : t('campaign.resume')}
          </button>
        )}
        {(current.status === 'running' || current.status === 'paused' || current.status === 'draft') && (
          <ConfirmButton
            label={t('campaign.cancel')}
            question={t('campaign.cancelQuestion')}
            confirmLabel={t('campaign.cancel')}
            onConfirm={() => act('campaigns.cancel')}
          />
        )}
      </div>
      <label className="field field--inline">
        <span className="field__label">{intl.formatMessage({ id: 'schedule.recipients.show' })}</span>
        <select value={filter} onChange={(event) => setFilter(event.target.value as RecipientStatus | '')}>
          <option value="">{intl.formatMessage({ id: 'schedule.recipients.all' })}</option>
          {RECIPIENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {intl.formatMessage({ id: 'schedule.recipientStatus' }, { status })}
            </option>
          ))}
        </select>
      </label>
      <RecipientsTable recipients={recipients} />
    </article>
  );
}
