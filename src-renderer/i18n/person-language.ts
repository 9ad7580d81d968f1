import type { Me } from '../../src-shared/contract/people';
import type { Transport } from '../transport/types';
import { isUiLocale } from './locales';
import { localLanguagePreference, setLanguagePreferenceBackend } from './preference';
import { useI18n } from './store';

/**
 * A signed-in person's language lives in their profile (`users.setLanguage`), so it follows them
 * to every browser they sign in on; the admin key, tokens and the desktop window keep this
 * browser's own choice. Called whenever `people.me` answers (and with null on sign-out).
 */
export async function followPersonLanguage(principal: Me | null, transport: Transport): Promise<void> {
  // Applying the saved language must not write it back to the server.
  setLanguagePreferenceBackend(localLanguagePreference);
  const user = principal?.user ?? null;
  if (!user) return;
  const saved = isUiLocale(user.language) ? user.language : null;
  // A person who never chose keeps what this browser had (null on the server means "automatic").
  if (saved && saved !== useI18n.getState().preference) await useI18n.getState().choose(saved);
  setLanguagePreferenceBackend({
    read: () => localLanguagePreference.read(),
    async write(locale) {
      localLanguagePreference.write(locale);
      await transport.call('users.setLanguage', { language: locale });
    },
  });
}
