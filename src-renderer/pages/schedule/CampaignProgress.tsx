import { useIntl } from 'react-intl';
import type { Campaign } from '../../../src-shared/contract/schedule';
import { useT } from '../../i18n/use-t';

/** Progress bar (done of sendable), counts and the estimated finish. */
export function CampaignProgress({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const intl = useIntl();
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const { counts } = campaign;
  const sendable = counts.total - counts.invalid - counts.notOnWhatsApp;
  const done = counts.sent + counts.failed + counts.optedOut + counts.skipped;
  const percent = sendable > 0 ? Math.round((Math.min(done, sendable) / sendable) * 100) : 100;
  return (
    <div className="campaign-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label={t('schedule.progress.label', { name: campaign.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted">
        {[
          t('schedule.progress.sent', { sent: counts.sent, sendable }),
          counts.failed ? t('schedule.progress.failed', { count: counts.failed }) : '',
          counts.optedOut ? t('schedule.progress.optedOut', { count: counts.optedOut }) : '',
          counts.invalid ? t('schedule.progress.invalid', { count: counts.invalid }) : '',
          counts.notOnWhatsApp ? t('schedule.progress.notOnWhatsApp', { count: counts.notOnWhatsApp }) : '',
          counts.skipped ? t('schedule.progress.skipped', { count: counts.skipped }) : '',
          campaign.eta && campaign.status === 'running'
            ? t('schedule.progress.eta', { date: when(campaign.eta) })
            : '',
          campaign.nextSendAt && Date.parse(campaign.nextSendAt) > Date.now() + 60_000
            ? t('schedule.progress.next', { date: when(campaign.nextSendAt) })
            : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </div>
  );
}
