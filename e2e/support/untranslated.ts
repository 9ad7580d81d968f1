import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * Words a translated screen may show in Latin letters: brand and technical names, each language's
 * own name in the language menu, and (in the pseudo-locale, which formats dates and sizes as
 * English) English date and unit words.
 */
const ALLOWED = [
  'Chatdock',
  'WhatsApp',
  'API',
  'Webhook',
  'Webhooks',
  'Standard',
  'URL',
  'CRM',
  'HTTP',
  // HTTP status classes as written everywhere ("4xx", "5xx").
  'xx',
  'https',
  'JSON',
  'CSV',
  'QR',
  // Written in Latin letters in Arabic and Hebrew too ("رمز PIN", "קוד PIN").
  'PIN',
  // Coordinated Universal Time and WhatsApp's group ids, written the same in every language.
  'UTC',
  'JID',
  'POST',
  'hash',
  'English',
  'Deutsch',
  'Español',
  'Português',
  'Brasil',
  // Keys as printed on keyboards (shortcut hints).
  'Ctrl',
  'Shift',
  'Esc',
  // Language tags and the date pattern a person types as they are (automation's hints).
  'en',
  'he',
  'ar',
  'YYYY',
  'MM',
  'DD',
  // Unit symbols many languages write in Latin letters.
  'kB',
  'MB',
  'GB',
  'TB',
];
const ENGLISH_FORMAT_WORDS = [
  // Sizes under 1 KB in words, from Intl ("23 bytes", "1 byte").
  'byte',
  'bytes',
  'AM',
  'PM',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
  // Day names from Intl (day separators, chat list times): "Today", "Yesterday", a weekday.
  'Today',
  'Yesterday',
  // Calendars name whole months and days.
  'January',
  'February',
  'March',
  'April',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** What a check may leave alone besides the brand and technical names. */
export interface UntranslatedOptions {
  /** The pseudo-locale formats dates, times and sizes as English: allow those words. */
  englishFormats?: boolean;
  /** Selectors of parts known to be English still (listed in docs/TRANSLATING.md), kept out of the check. */
  notYetTranslated?: string[];
  /**
   * User content the test itself created (customer names, messages, tag names, session names):
   * removed from every text and attribute before it is checked, because it also appears inside
   * translated sentences and labels ("Conversation with Dana Levi").
   */
  userContent?: string[];
}

/**
 * Visible text (and accessible names, placeholders, titles) on the page that is still in plain
 * English: any run of two or more ASCII letters that is not allowed (file paths and colour codes aside). User content and code are
 * skipped: `code`, `kbd`, `bdi`, `[dir=auto]` (names, messages), `[data-user-content]`, and
 * elements carrying their own `lang` (a language's name in its own language). See
 * `UntranslatedOptions` for what a test can add to that.
 */
export async function untranslatedTexts(
  page: Page,
  { englishFormats = false, notYetTranslated = [], userContent = [] }: UntranslatedOptions = {},
): Promise<string[]> {
  const allowed = [...ALLOWED, ...(englishFormats ? ENGLISH_FORMAT_WORDS : [])];
  // Longest first, so "Dana Levi" goes before "Dana".
  const ownText = [...userContent].sort((a, b) => b.length - a.length);
  return page.evaluate(
    ({ allowedWords, skipped, ownText }) => {
      const doc = (globalThis as unknown as { document: DocumentLike }).document;
      const SKIP = [
        'code, kbd, bdi, script, style, [dir="auto"], [data-user-content], [lang]:not(html)',
        ...skipped,
      ].join(', ');
      const found = new Set<string>();
      // File paths in examples (E:\Backups, /media/usb) and #rrggbb colours are not words to translate.
      const withoutOwnText = (text: string) => ownText.reduce((rest, own) => rest.split(own).join(' '), text);
      const english = (text: string) =>
        (
          withoutOwnText(text)
            .replace(/(?:[A-Za-z]:)?[\\/][^\s]*/g, '')
            .replace(/#[0-9a-fA-F]{3,8}\b/g, '')
            // Automation's placeholders ([name], [opens_at]) are typed as they are in every language.
            .replace(/\[[a-z_]+\]/g, '')
            .match(/[A-Za-z]{2,}/g) ?? []
        ).filter((word) => !allowedWords.includes(word));
      const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(SKIP) || !parent.checkVisibility()) continue;
        if (parent.closest('option') && !parent.closest('option')?.selected) continue;
        const text = node.textContent ?? '';
        if (english(text).length) found.add(text.trim());
      }
      for (const element of Array.from(doc.body.querySelectorAll('[aria-label], [placeholder], [title]'))) {
        if (element.closest(SKIP)) continue;
        for (const name of ['aria-label', 'placeholder', 'title']) {
          const value = element.getAttribute(name);
          if (value && english(value).length) found.add(`${name}="${value}"`);
        }
      }
      return [...found];

      interface ElementLike {
        closest(selector: string): (ElementLike & { selected?: boolean }) | null;
        checkVisibility(): boolean;
        getAttribute(name: string): string | null;
      }
      interface DocumentLike {
        body: ElementLike & { querySelectorAll(selector: string): ArrayLike<ElementLike> };
        createTreeWalker(
          root: unknown,
          show: number,
        ): { nextNode(): { parentElement: ElementLike | null; textContent: string | null } | null };
      }
    },
    { allowedWords: allowed, skipped: notYetTranslated, ownText },
  );
}

/**
 * One step of a language run: a full-page screenshot attached to the test report (and kept in
 * the test's output folder), then the check that no visible text, label or placeholder is left
 * in English. Use it on every screen of a flow run in another language or the pseudo-locale.
 */
export async function expectTranslated(
  page: Page,
  testInfo: TestInfo,
  name: string,
  options: UntranslatedOptions = {},
): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  expect(await untranslatedTexts(page, options), `English left on "${name}"`).toEqual([]);
}
