import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src-shared/errors';
import { ERROR_TEXT } from './error-text';
import { LANGUAGES } from './locales';
import { english } from './messages/en';

const files = import.meta.glob<Record<string, string>>('./messages/*/*.json', {
  eager: true,
  import: 'default',
});

/** One language's whole catalogue (every area). */
function catalogue(language: string): Record<string, string> {
  const areas = Object.entries(files).filter(([path]) => path.endsWith(`/${language}.json`));
  return Object.assign({}, ...areas.map(([, messages]) => messages)) as Record<string, string>;
}

describe('error codes the UI can show', () => {
  // The server's codes (src-shared/errors.ts) are what REST, /rpc and IPC answer with; the UI
  // shows each as a sentence in the person's language instead of the API's English message.
  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    '%s has its own sentence for every error code the server answers with',
    (language) => {
      const messages = catalogue(language);
      const missing = ERROR_CODES.filter((code) => {
        const id = ERROR_TEXT[code] as string | undefined;
        return !id || !messages[id]?.trim() || messages[id] === english[ERROR_TEXT[code]];
      });
      expect(missing, `error codes without a ${language} sentence`).toEqual([]);
    },
  );

  it('formats every code in every language (the field argument is filled in)', () => {
    for (const language of LANGUAGES) {
      const intl = createIntl({ locale: language, messages: { ...english, ...catalogue(language) } });
      for (const code of ERROR_CODES) {
        const text = intl.formatMessage({ id: ERROR_TEXT[code] }, { field: 'phone' });
        expect(text, `${language} ${code}`).not.toMatch(/[{}]|^errors\./);
      }
    }
  });
});
