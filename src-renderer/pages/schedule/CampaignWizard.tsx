import { useCallback, useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import type { Campaign, RecipientsInput } from '../../../src-shared/contract/schedule';
import type { Session } from '../../../src-shared/model';
import { useT } from '../../i18n/use-t';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { CampaignDryRun } from './CampaignDryRun';
import { defaultPacing, PacingFields, type Pacing } from './PacingFields';
import { RecipientsFields } from './RecipientsFields';

/** Create a campaign: template with a live dry-run, recipients (paste, CSV, tag), pacing. */
export function CampaignWizard({
  sessions,
  onCreated,
  onCancel,
}: {
  sessions: Session[];
  onCreated: (campaign: Campaign) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const transport = useTransport();
  const [session, setSession] = useState(sessions[0]?.id ?? '');
  const [name, setName] = useState('');
  const [template, setTemplate] = useState(() => `{${t('schedule.wizard.greetings')}} [name], `);
  const [recipients, setRecipientsState] = useState<RecipientsInput | null>(null);
  const setRecipients = useCallback((next: RecipientsInput | null) => setRecipientsState(next), []);
  const [pacing, setPacing] = useState<Pacing>(defaultPacing);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!recipients) return setError(t('schedule.wizard.noRecipients'));
    setBusy(true);
    setError(null);
    try {
      const campaign = await transport.call('campaigns.create', {
        session,
        name,
        template,
        recipients,
        delayMinMs: Math.round(Number(pacing.delayMin) * 1000),
        delayMaxMs: Math.round(Number(pacing.delayMax) * 1000),
        dailyCap: pacing.dailyCap ? Number(pacing.dailyCap) : null,
        workingHours: pacing.useHours ? pacing.hours : null,
      });
      onCreated(campaign);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card campaign-wizard"
      aria-label={t('schedule.wizard.label')}
      onSubmit={(event) => void submit(event)}
    >
      <div className="when-fields__row">
        <label className="field">
          <span className="field__label">{t('schedule.wizard.name')}</span>
          <input required maxLength={120} value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('schedule.form.session')}</span>
          <select value={session} onChange={(event) => setSession(event.target.value)}>
            {sessions.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name} ({item.id})
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span className="field__label">{t('schedule.wizard.template')}</span>
        <textarea
          rows={4}
          required
          dir="auto"
          value={template}
          onChange={(event) => setTemplate(event.target.value)}
        />
        <span className="muted">
          <FormattedMessage
            id="schedule.wizard.templateHint"
            values={{
              variants: `{${t('schedule.wizard.greetings')}}`,
              name: '[name]',
              phone: '[phone]',
              city: '[city]',
              code: (chunks) => <code>{chunks}</code>,
            }}
          />
        </span>
      </label>

      <RecipientsFields session={session || null} onChange={setRecipients} onError={setError} />
      <CampaignDryRun session={session} template={template} recipients={recipients} />
      <PacingFields value={pacing} onChange={setPacing} />

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={busy || !recipients || !session}>
          {t(busy ? 'schedule.wizard.checking' : 'schedule.wizard.start')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
