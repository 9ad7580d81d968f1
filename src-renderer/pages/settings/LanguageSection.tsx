import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { matchLanguage, systemLanguages } from '../../i18n/detect';
import { isUiLocale, LANGUAGE_NAMES, LANGUAGES, PSEUDO_LOCALES } from '../../i18n/locales';
import { useI18n } from '../../i18n/store';

const AUTOMATIC = 'auto';

/** The person's language: automatic (the browser's or the OS's) or one chosen here. */
export function LanguageSection() {
  const intl = useIntl();
  const preference = useI18n((state) => state.preference);
  const choose = useI18n((state) => state.choose);
  const [busy, setBusy] = useState(false);
  const detected = LANGUAGE_NAMES[matchLanguage(systemLanguages())];

  const change = async (value: string) => {
    setBusy(true);
    try {
      await choose(isUiLocale(value) ? value : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="language-title">
      <h2 id="language-title">
        <FormattedMessage id="settings.language.title" />
      </h2>
      <label className="field">
        <span className="field__label">
          <FormattedMessage id="settings.language.label" />
        </span>
        <select
          value={preference ?? AUTOMATIC}
          disabled={busy}
          onChange={(event) => void change(event.target.value)}
        >
          <option value={AUTOMATIC}>
            {intl.formatMessage({ id: 'settings.language.automatic' }, { language: detected })}
          </option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
          <optgroup label={intl.formatMessage({ id: 'settings.language.forTranslators' })}>
            {PSEUDO_LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {LANGUAGE_NAMES[locale]}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <p className="muted">
        <FormattedMessage id="settings.language.hint" />
      </p>
    </section>
  );
}
