import { useCallback, useEffect, useState } from 'react';
import type { Campaign } from '../../../src-shared/contract/schedule';
import type { Session } from '../../../src-shared/model';
import { useIntl } from 'react-intl';
import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n/use-t';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { CampaignDetail } from './CampaignDetail';
import { CampaignProgress } from './CampaignProgress';
import { CampaignWizard } from './CampaignWizard';
import { OptOutsSection } from './OptOutsSection';

/** Campaigns with live progress, the create wizard, one campaign's detail, the opt-out list. */
export function CampaignsTab({ sessions }: { sessions: Session[] }) {
  const t = useT();
  const intl = useIntl();
  const transport = useTransport();
  const [items, setItems] = useState<Campaign[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Campaign | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await transport.call('campaigns.list', {})).items);
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, [transport]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.type !== 'campaign.progress') return;
        const updated = event.data.campaign;
        setItems((current) =>
          current?.some((c) => c.id === updated.id)
            ? current.map((c) => (c.id === updated.id ? updated : c))
            : [updated, ...(current ?? [])],
        );
      }),
    [transport],
  );

  if (open) return <CampaignDetail campaign={open} onBack={() => setOpen(null)} />;

  return (
    <div className="stack">
      <div className="toolbar">
        {!creating && (
          <button
            type="button"
            className="button button--primary"
            disabled={sessions.length === 0}
            onClick={() => setCreating(true)}
          >
            {t('schedule.campaigns.new')}
          </button>
        )}
      </div>
      {creating && (
        <CampaignWizard
          sessions={sessions}
          onCancel={() => setCreating(false)}
          onCreated={(campaign) => {
            setCreating(false);
            setOpen(campaign);
            void load();
          }}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {items && items.length === 0 && !creating && (
        <EmptyState icon="schedule" title={t('schedule.campaigns.emptyTitle')}>
          {t('schedule.campaigns.emptyText')}
        </EmptyState>
      )}
      {items?.map((campaign) => (
        <article
          key={campaign.id}
          className="card campaign-card"
          aria-label={t('schedule.campaigns.cardLabel', { name: campaign.name })}
        >
          <header className="session-card__header">
            <div>
              <h2>{campaign.name}</h2>
              <p className="muted">
                {t('schedule.campaigns.created', {
                  session: campaign.session,
                  date: intl.formatDate(campaign.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                })}
              </p>
            </div>
            <span className={`pill pill--campaign-${campaign.status}`}>
              {t('schedule.campaigns.status', { status: campaign.status })}
            </span>
          </header>
          <CampaignProgress campaign={campaign} />
          <button type="button" className="link-button" onClick={() => setOpen(campaign)}>
            {t('schedule.campaigns.open')}
          </button>
        </article>
      ))}
      <OptOutsSection sessions={sessions} />
    </div>
  );
}
