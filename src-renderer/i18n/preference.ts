import { isUiLocale, type UiLocale } from './locales';

/**
 * Where a person's language choice is kept. `null` means "follow the browser / OS".
 * It lives in this browser's localStorage; while a person is signed in it is also saved with
 * their profile (`person-language.ts` swaps the backend through `setLanguagePreferenceBackend`),
 * and nothing else in the UI changes.
 */
export interface LanguagePreferenceBackend {
  read(): UiLocale | null;
  write(locale: UiLocale | null): void | Promise<void>;
}

const STORAGE_KEY = 'chatdock.language';

export const localLanguagePreference: LanguagePreferenceBackend = {
  read() {
    try {
      const stored = localStorage.getItem(STORAGE_KEY);
      return isUiLocale(stored) ? stored : null;
    } catch {
      return null; // storage disabled: follow the browser
    }
  },
  write(locale) {
    try {
      if (locale) localStorage.setItem(STORAGE_KEY, locale);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage disabled: the choice lasts until the page is closed
    }
  },
};

let backend: LanguagePreferenceBackend = localLanguagePreference;

export function languagePreferenceBackend(): LanguagePreferenceBackend {
  return backend;
}

/** Swaps where the choice is stored (e.g. the person's profile once staff accounts exist). */
export function setLanguagePreferenceBackend(next: LanguagePreferenceBackend): void {
  backend = next;
}
