import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { PseudoLocale } from './locales';

/**
 * Pseudo-locales for testing layouts without knowing a language (Chrome and Android use the same
 * tags): `en-XA` is English with every letter accented, 30 % longer and bracketed, so text that
 * skipped the catalogue, was cut off or was glued together from pieces stands out; `ar-XB` is the
 * same text shown right to left (each literal wrapped in RIGHT-TO-LEFT OVERRIDE) in a mirrored
 * layout. Only the message's own text changes: arguments, plurals' structure and tags stay ICU.
 */
const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [
    letter,
    [...'åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][index] ?? letter,
  ]),
);

const RLO = '\u202e';
const PDF = '\u202c';

/** Accents letters and repeats 3 of every 10, so the text grows by about 30 %. */
function stretch(text: string, counter: { letters: number }): string {
  let out = '';
  for (const char of text) {
    const accented = ACCENTED[char];
    if (!accented) {
      out += char;
      continue;
    }
    out += counter.letters % 10 < 3 ? accented + accented : accented;
    counter.letters += 1;
  }
  return out;
}

function transform(
  elements: MessageFormatElement[],
  locale: PseudoLocale,
  counter: { letters: number },
): MessageFormatElement[] {
  return elements.map((element) => {
    switch (element.type) {
      case TYPE.literal: {
        const text = stretch(element.value, counter);
        return { ...element, value: locale === 'ar-XB' && text.trim() ? RLO + text + PDF : text };
      }
      case TYPE.select:
      case TYPE.plural:
        return {
          ...element,
          options: Object.fromEntries(
            Object.entries(element.options).map(([key, option]) => [
              key,
              { ...option, value: transform(option.value, locale, counter) },
            ]),
          ),
        };
      case TYPE.tag:
        return { ...element, children: transform(element.children, locale, counter) };
      default:
        return element;
    }
  });
}

/** One message in a pseudo-locale, as the parsed form react-intl accepts in place of a string. */
export function pseudoMessage(message: string, locale: PseudoLocale): MessageFormatElement[] {
  const body = transform(parse(message), locale, { letters: 0 });
  const bracket = (value: string): MessageFormatElement => ({ type: TYPE.literal, value });
  return [bracket('['), ...body, bracket(']')];
}

export function pseudoCatalogue(
  source: Record<string, string>,
  locale: PseudoLocale,
): Record<string, MessageFormatElement[]> {
  return Object.fromEntries(
    Object.entries(source).map(([id, message]) => [id, pseudoMessage(message, locale)]),
  );
}
