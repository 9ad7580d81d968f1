import { useEffect, useId, useState, type FormEvent } from 'react';
import { PROFILE_LIMITS, type NumberProfile } from '../../../../src-shared/contract/number-profile';
import { useT } from '../../../i18n/use-t';
import { useSessions } from '../../../stores/sessions';
import { useProfileSave } from './use-profile-save';

/** The name customers see (WhatsApp's push name, up to 25 characters) and the about text. */
export function NameAboutForm({
  profile,
  onSaved,
}: {
  profile: NumberProfile;
  onSaved: (profile: NumberProfile) => void;
}) {
  const t = useT();
  const ids = useId();
  const [name, setName] = useState(profile.name ?? '');
  const [about, setAbout] = useState(profile.about ?? '');
  const [saved, setSaved] = useState(false);
  const { save, saving, error, fieldError } = useProfileSave(profile.session, (next) => {
    onSaved(next);
    // The session card shows the name too.
    useSessions.getState().applyProfile(next);
  });
  useEffect(() => {
    setName(profile.name ?? '');
    setAbout(profile.about ?? '');
  }, [profile.name, profile.about]);

  const nameChanged = name.trim() !== (profile.name ?? '');
  const aboutChanged = about.trim() !== (profile.about ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const ok = await save({
      ...(nameChanged ? { name } : {}),
      ...(aboutChanged ? { about } : {}),
    });
    setSaved(ok);
  };

  const nameError = fieldError('name');
  const aboutError = fieldError('about');
  return (
    <form
      className="number-profile__form"
      aria-label={t('parity.profile.nameForm')}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-name`}>
          {t('parity.profile.name')}
        </label>
        <input
          id={`${ids}-name`}
          dir="auto"
          value={name}
          maxLength={PROFILE_LIMITS.name}
          required
          aria-invalid={nameError ? true : undefined}
          aria-describedby={`${ids}-name-hint${nameError ? ` ${ids}-name-error` : ''}`}
          onChange={(event) => {
            setName(event.target.value);
            setSaved(false);
          }}
        />
        <span id={`${ids}-name-hint`} className="field__hint">
          {t('parity.profile.nameHint', { count: name.length, max: PROFILE_LIMITS.name })}
        </span>
        {nameError && (
          <span id={`${ids}-name-error`} className="form-error field__error" role="alert">
            {nameError}
          </span>
        )}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-about`}>
          {t('parity.profile.about')}
        </label>
        <textarea
          id={`${ids}-about`}
          dir="auto"
          rows={2}
          value={about}
          maxLength={PROFILE_LIMITS.about}
          aria-invalid={aboutError ? true : undefined}
          aria-describedby={`${ids}-about-hint${aboutError ? ` ${ids}-about-error` : ''}`}
          onChange={(event) => {
            setAbout(event.target.value);
            setSaved(false);
          }}
        />
        <span id={`${ids}-about-hint`} className="field__hint">
          {t('parity.profile.aboutHint', { count: about.length, max: PROFILE_LIMITS.about })}
        </span>
        {aboutError && (
          <span id={`${ids}-about-error`} className="form-error field__error" role="alert">
            {aboutError}
          </span>
        )}
      </div>
      <div className="row">
        <button
          type="submit"
          className="button button--primary"
          disabled={saving || (!nameChanged && !aboutChanged) || !name.trim()}
        >
          {t(saving ? 'parity.profile.saving' : 'parity.profile.save')}
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
