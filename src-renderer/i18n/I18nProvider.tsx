import { useEffect, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { directionOf, formattingLocale } from './locales';
import { reportIntlError, useI18n } from './store';
import './types';

/**
 * Gives the app its language: loads the catalogue (the person's choice, else the browser's or
 * OS's language), and sets `lang` and `dir` on <html> so the layout mirrors in Hebrew and Arabic.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useI18n((state) => state.locale);
  const messages = useI18n((state) => state.messages);
  const ready = useI18n((state) => state.ready);

  useEffect(() => {
    const { start } = useI18n.getState();
    void start();
    // Following the system: a language changed in the browser or OS applies without a reload.
    const follow = () => {
      const state = useI18n.getState();
      if (state.preference === null) void state.choose(null);
    };
    window.addEventListener('languagechange', follow);
    return () => window.removeEventListener('languagechange', follow);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);

  if (!ready) return null;
  return (
    <IntlProvider
      locale={formattingLocale(locale)}
      defaultLocale="en"
      messages={messages}
      onError={reportIntlError}
    >
      {children}
    </IntlProvider>
  );
}
