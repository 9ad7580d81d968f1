import type { Campaign } from '../../../src-shared/contract/schedule';

/** Progress bar (done of sendable), counts and the estimated finish. */
export function CampaignProgress({ campaign }: { campaign: Campaign }) {
  const { counts } = campaign;
  const sendable = counts.total - counts.invalid - counts.notOnWhatsApp;
  const done = counts.sent + counts.failed + counts.optedOut + counts.skipped;
  const percent = sendable > 0 ? Math.round((Math.min(done, sendable) / sendable) * 100) : 100;
  return (
    <div className="campaign-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label={`Progress of ${campaign.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted">
        {counts.sent} sent of {sendable}
        {counts.failed ? ` · ${counts.failed} failed` : ''}
        {counts.optedOut ? ` · ${counts.optedOut} opted out` : ''}
        {counts.invalid ? ` · ${counts.invalid} invalid` : ''}
        {counts.notOnWhatsApp ? ` · ${counts.notOnWhatsApp} not on WhatsApp` : ''}
        {counts.skipped ? ` · ${counts.skipped} skipped` : ''}
        {campaign.eta && campaign.status === 'running' && (
          <> · done around {new Date(campaign.eta).toLocaleString()}</>
        )}
        {campaign.nextSendAt && Date.parse(campaign.nextSendAt) > Date.now() + 60_000 && (
          <> · next send {new Date(campaign.nextSendAt).toLocaleString()}</>
        )}
      </p>
    </div>
  );
}
