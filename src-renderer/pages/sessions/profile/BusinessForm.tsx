import { useEffect, useId, useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import {
  PROFILE_LIMITS,
  type BusinessProfile,
  type NumberProfile,
} from '../../../../src-shared/contract/number-profile';
import { useT } from '../../../i18n/use-t';
import { useProfileSave } from './use-profile-save';

/** Each editable text field's label. */
const LABELS = {
  description: 'parity.business.description',
  address: 'parity.business.address',
  email: 'parity.business.email',
} as const;

type Draft = { description: string; address: string; email: string; websites: [string, string] };

function draftOf(business: BusinessProfile): Draft {
  return {
    description: business.description,
    address: business.address ?? '',
    email: business.email ?? '',
    websites: [business.websites[0] ?? '', business.websites[1] ?? ''],
  };
}

/**
 * A WhatsApp Business account's profile: description, address, e-mail and up to two websites
 * are editable; the category and opening hours are set in the WhatsApp Business app and shown.
 */
export function BusinessForm({
  profile,
  business,
  onSaved,
}: {
  profile: NumberProfile;
  business: BusinessProfile;
  onSaved: (profile: NumberProfile) => void;
}) {
  const t = useT();
  const ids = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(business));
  const [saved, setSaved] = useState(false);
  const { save, saving, error, fieldError } = useProfileSave(profile.session, onSaved);
  useEffect(() => setDraft(draftOf(business)), [business]);

  const stored = draftOf(business);
  const changed = JSON.stringify(draft) !== JSON.stringify(stored);
  const edit = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    setSaved(false);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const websites = draft.websites.map((site) => site.trim()).filter(Boolean);
    setSaved(await save({ business: { ...draft, websites } }));
  };

  const field = (
    key: 'description' | 'address' | 'email',
    max: number,
    input: 'textarea' | 'text' | 'email',
  ) => {
    const problem = fieldError(`business.${key}`);
    const id = `${ids}-${key}`;
    const common = {
      id,
      dir: 'auto' as const,
      value: draft[key],
      maxLength: max,
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': problem ? `${id}-error` : undefined,
    };
    return (
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t(LABELS[key])}
        </label>
        {input === 'textarea' ? (
          <textarea {...common} rows={3} onChange={(event) => edit({ [key]: event.target.value })} />
        ) : (
          <input {...common} type={input} onChange={(event) => edit({ [key]: event.target.value })} />
        )}
        {problem && (
          <span id={`${id}-error`} className="form-error field__error" role="alert">
            {problem}
          </span>
        )}
      </div>
    );
  };

  const websiteError = fieldError('business.websites');
  return (
    <form
      className="number-profile__form"
      aria-label={t('parity.business.form')}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 className="number-profile__heading">{t('parity.business.title')}</h3>
      {business.category && (
        <p className="muted">
          <FormattedMessage
            id="parity.business.category"
            values={{ category: <bdi>{business.category}</bdi> }}
          />
        </p>
      )}
      {field('description', PROFILE_LIMITS.description, 'textarea')}
      {field('address', PROFILE_LIMITS.address, 'text')}
      {field('email', PROFILE_LIMITS.email, 'email')}
      <fieldset className="field number-profile__websites">
        <legend className="field__label">{t('parity.business.websites')}</legend>
        {draft.websites.map((site, index) => (
          <input
            key={index}
            type="url"
            dir="ltr"
            inputMode="url"
            value={site}
            placeholder="https://"
            aria-label={t('parity.business.website', { number: index + 1 })}
            aria-invalid={websiteError ? true : undefined}
            onChange={(event) => {
              const websites: [string, string] = [...draft.websites];
              websites[index] = event.target.value;
              edit({ websites });
            }}
          />
        ))}
        {websiteError && (
          <span className="form-error field__error" role="alert">
            {websiteError}
          </span>
        )}
      </fieldset>
      {business.hours && (
        <p className="muted">{t('parity.business.hours', { timezone: business.hours.timezone ?? '—' })}</p>
      )}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={saving || !changed}>
          {t(saving ? 'parity.profile.saving' : 'parity.business.save')}
        </button>
        {saved && (
          <span className="muted" role="status">
            {t('common.saved')}
          </span>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
