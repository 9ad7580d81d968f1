import {
  isStructurallySame,
  parse,
  TYPE,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, PSEUDO_LOCALES } from './locales';
import { english, type MessageId } from './messages/en';
import { pseudoCatalogue, pseudoMessage } from './pseudo';

/** Every catalogue file, by `<area>/<locale>`. */
const files = import.meta.glob<Record<string, string>>('./messages/*/*.json', {
  eager: true,
  import: 'default',
});
const catalogues = new Map(
  Object.entries(files).map(([path, messages]) => [
    path.replace('./messages/', '').replace('.json', ''),
    messages,
  ]),
);
const areas = [...new Set([...catalogues.keys()].map((name) => name.split('/')[0] ?? ''))];

/** The UI's source, to find which ids are used (the catalogues and tests are not "use"). */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!./messages/**'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

describe('message catalogues', () => {
  it.each(areas)('area %s: every language has exactly the English keys', (area) => {
    const source = catalogues.get(`${area}/en`);
    expect(source, `${area}/en.json`).toBeDefined();
    const keys = Object.keys(source ?? {}).sort();
    for (const language of LANGUAGES) {
      const translated = catalogues.get(`${area}/${language}`);
      expect(translated, `messages/${area}/${language}.json is missing`).toBeDefined();
      const have = Object.keys(translated ?? {});
      expect(
        keys.filter((key) => !have.includes(key)),
        `keys missing from ${area}/${language}.json`,
      ).toEqual([]);
      expect(
        have.filter((key) => !keys.includes(key)),
        `keys in ${area}/${language}.json that English does not have`,
      ).toEqual([]);
    }
  });

  it.each(areas)('area %s: ids start with the area name', (area) => {
    const wrong = Object.keys(catalogues.get(`${area}/en`) ?? {}).filter(
      (key) => !key.startsWith(`${area}.`),
    );
    expect(wrong).toEqual([]);
  });

  it('the English catalogue the code is typed against includes every area file', () => {
    const fromFiles = areas.flatMap((area) => Object.keys(catalogues.get(`${area}/en`) ?? {})).sort();
    expect(Object.keys(english).sort()).toEqual(fromFiles);
  });

  it.each([...catalogues.keys()])(
    '%s: every message is valid ICU with the same arguments and tags as English',
    (name) => {
      const [area] = name.split('/');
      const source = catalogues.get(`${area}/en`) ?? {};
      const problems: string[] = [];
      for (const [id, message] of Object.entries(catalogues.get(name) ?? {})) {
        try {
          const translated = parse(message);
          const original = source[id];
          if (original === undefined) continue;
          const same = isStructurallySame(parse(original), translated);
          if (!same.success) problems.push(`${id}: ${same.error?.message ?? 'differs from English'}`);
        } catch (error) {
          problems.push(`${id}: ${(error as Error).message}`);
        }
        if (!message.trim()) problems.push(`${id}: empty`);
      }
      expect(problems).toEqual([]);
    },
  );

  it('every English message is used by the UI (an unused key fails here)', () => {
    const code = Object.values(sources).join('\n');
    const unused = Object.keys(english).filter(
      (id) => !code.includes(`'${id}'`) && !code.includes(`"${id}"`) && !code.includes(`\`${id}\``),
    );
    expect(unused).toEqual([]);
  });
});

describe('pseudo-locales', () => {
  /** A value of the right kind for every argument and tag of a message. */
  function sampleValues(elements: MessageFormatElement[], values: Record<string, unknown> = {}) {
    for (const element of elements) {
      if (element.type === TYPE.plural || element.type === TYPE.number) values[element.value] = 2;
      else if (element.type === TYPE.date || element.type === TYPE.time) values[element.value] = new Date(0);
      else if (element.type === TYPE.select) values[element.value] = Object.keys(element.options)[0];
      else if (element.type === TYPE.argument) values[element.value] = 'x';
      else if (element.type === TYPE.tag) {
        values[element.value] = (chunks: unknown[]) => chunks.join('');
        sampleValues(element.children, values);
      }
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) sampleValues(option.value, values);
      }
    }
    return values;
  }

  it.each(PSEUDO_LOCALES)('%s formats every message, about 30 %% longer', (locale) => {
    const source = createIntl({ locale: 'en', messages: english });
    const intl = createIntl({
      locale: 'en',
      messages: pseudoCatalogue(english, locale),
      onError: (error) => {
        throw error;
      },
    });
    let sourceLength = 0;
    let pseudoLength = 0;
    for (const [id, message] of Object.entries(english)) {
      const values = sampleValues(parse(message)) as Record<string, string>;
      const text = String(intl.formatMessage({ id: id as MessageId }, values));
      expect(text.startsWith('[')).toBe(true);
      sourceLength += String(source.formatMessage({ id: id as MessageId }, values)).length;
      pseudoLength += text.length;
    }
    expect(pseudoLength / sourceLength).toBeGreaterThan(1.25);
  });

  it('changes only the text: arguments and plural structure stay', () => {
    const messages = pseudoCatalogue(english, 'en-XA');
    messages['common.copy'] = pseudoMessage(
      'Hello {name}, {count, plural, one {# chat} other {# chats}}',
      'en-XA',
    );
    const intl = createIntl({ locale: 'en', messages });
    const text = intl.formatMessage({ id: 'common.copy' }, { name: 'Dana', count: 2 });
    expect(text).toContain('Dana');
    expect(text).toContain('2');
    expect(text).not.toMatch(/[Hh]ello|chats/);
  });
});
