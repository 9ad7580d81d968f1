import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { create } from 'zustand';
import { loadMessages, loadPageTexts, pageTextsLoaded, type Messages } from './catalogue';
import { matchLanguage, systemLanguages } from './detect';
import { formattingLocale, SOURCE_LANGUAGE, type UiLocale } from './locales';
import { firstScreenEnglish } from './messages/en-first-screen';
import { languagePreferenceBackend } from './preference';

interface I18nState {
  /** The person's explicit choice, or null to follow the browser / OS. */
  preference: UiLocale | null;
  /** The locale shown: the choice, else the best match for the system's languages. */
  locale: UiLocale;
  messages: Messages;
  /** False until the first catalogue is loaded (the UI waits, so it never flashes English). */
  ready: boolean;
  start(): Promise<void>;
  /** Adds the lazy pages' texts to the shown catalogue (a lazy page waits for it). */
  includePageTexts(): Promise<void>;
  choose(preference: UiLocale | null): Promise<void>;
}

/** Keeps only the newest load when choices overtake each other. */
let loadSerial = 0;

export const useI18n = create<I18nState>((set) => {
  async function show(preference: UiLocale | null): Promise<void> {
    const locale = preference ?? matchLanguage(systemLanguages());
    const serial = ++loadSerial;
    const messages = await loadMessages(locale);
    if (serial !== loadSerial) return;
    set({ preference, locale, messages, ready: true });
  }
  return {
    preference: null,
    locale: SOURCE_LANGUAGE,
    messages: firstScreenEnglish,
    ready: false,
    start: () => show(languagePreferenceBackend().read()),
    async includePageTexts() {
      if (pageTextsLoaded()) return;
      await loadPageTexts();
      // Shown again with the page texts; a language chosen meanwhile already has them.
      await show(useI18n.getState().preference);
    },
    async choose(preference) {
      await languagePreferenceBackend().write(preference);
      await show(preference);
    },
  };
});

const cache = createIntlCache();
let memo: { messages: Messages; intl: IntlShape } | null = null;

/**
 * The current locale's formatter for code outside React (stores, desktop notifications, error
 * sentences). Components use `useIntl()` instead, which re-renders on a language change.
 */
export function currentIntl(): IntlShape {
  const { locale, messages } = useI18n.getState();
  if (memo?.messages !== messages) {
    memo = {
      messages,
      intl: createIntl(
        { locale: formattingLocale(locale), defaultLocale: 'en', messages, onError: reportIntlError },
        cache,
      ),
    };
  }
  return memo.intl;
}

/** Missing locale data for Intl is expected in old browsers; anything else is a bug worth seeing. */
export function reportIntlError(error: { code?: string; message: string }): void {
  if (error.code === 'MISSING_DATA') return;
  console.error(error.message);
}
