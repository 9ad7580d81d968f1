import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { TagLabelHistoryEntry } from '../../../src-shared/contract/organize';
import type { Language } from '../../i18n/locales';
import { english } from '../../i18n/messages/en';
import arabic from '../../i18n/messages/tags/ar.json';
import german from '../../i18n/messages/tags/de.json';
import spanish from '../../i18n/messages/tags/es.json';
import hebrew from '../../i18n/messages/tags/he.json';
import portuguese from '../../i18n/messages/tags/pt-BR.json';
import { failureText, newestFailures } from './label-failures';

const entry = (id: number, session: string, change: TagLabelHistoryEntry['change'], after = {}) =>
  ({
    id,
    tagName: 'Paid',
    session,
    labelId: '3',
    origin: 'chatdock',
    change,
    before: null,
    after,
    conflict: false,
    actor: 'chatdock',
    at: '2026-12-06T10:00:00.000Z',
  }) satisfies TagLabelHistoryEntry;

describe('a label change WhatsApp refused on every try, in the tag editor', () => {
  it('is the newest failed entry of each number', () => {
    const history = [
      entry(9, 'shop', 'renamed'),
      entry(8, 'shop', 'failed', { action: 'unlabel' }),
      entry(7, 'shop', 'failed', { action: 'label' }),
      entry(6, 'branch', 'failed', { action: 'delete' }),
    ];
    const found = newestFailures(history);
    expect(Object.keys(found).sort()).toEqual(['branch', 'shop']);
    expect(found.shop?.id).toBe(8);
  });

  it('says what was refused, how often and why', () => {
    const intl = createIntl({ locale: 'en', messages: english, timeZone: 'UTC' });
    const text = failureText(
      intl,
      entry(8, 'shop', 'failed', {
        action: 'label',
        chat: '972500000001@s.whatsapp.net',
        attempts: 6,
        error: 'WhatsApp refused the request (500 internal-server-error)',
      }),
    );
    expect(text).toContain('putting the label on 972500000001');
    expect(text).toContain('6 times');
    expect(text).toContain('500 internal-server-error');
  });

  it('says which rename or recolour was refused', () => {
    const intl = createIntl({ locale: 'en', messages: english, timeZone: 'UTC' });
    const failed = (after: Record<string, unknown>) => failureText(intl, entry(8, 'shop', 'failed', after));
    const rename = failed({ action: 'rename', name: 'Paid in full', attempts: 1, error: '403 forbidden' });
    expect(rename).toContain('renaming the label to “Paid in full” once;');
    expect(failed({ action: 'recolour', color: '#ff0000', attempts: 6, error: 'x' })).toContain(
      'changing the label’s colour 6 times',
    );
  });

  /** How each language says "once" and "twice" in the note: its own plural forms, not "1 time". */
  const counts: Record<Language, { messages: Record<string, string>; once: string; twice: string }> = {
    en: { messages: english, once: 'colour once;', twice: 'colour 2 times;' },
    es: { messages: spanish, once: 'etiqueta una vez;', twice: 'etiqueta 2 veces;' },
    'pt-BR': { messages: portuguese, once: 'etiqueta uma vez;', twice: 'etiqueta 2 vezes;' },
    de: { messages: german, once: 'ändern einmal abgelehnt', twice: 'ändern 2 Mal abgelehnt' },
    he: { messages: hebrew, once: 'התווית פעם אחת;', twice: 'התווית פעמיים;' },
    ar: { messages: arabic, once: 'التصنيف مرة واحدة؛', twice: 'التصنيف مرتين؛' },
  };

  it.each(Object.keys(counts) as Language[])('%s: tried once and tried twice read differently', (locale) => {
    const { messages, once, twice } = counts[locale];
    const intl = createIntl({ locale, messages: { ...english, ...messages }, timeZone: 'UTC' });
    const tried = (attempts: number) =>
      failureText(intl, entry(8, 'shop', 'failed', { action: 'recolour', attempts, error: 'forbidden' }));
    expect(tried(1)).toContain(once);
    expect(tried(2)).toContain(twice);
    // Never a count of one written as a number with the plural's "other" word.
    expect(tried(1)).not.toContain(twice.replace('2', '1'));
  });
});
