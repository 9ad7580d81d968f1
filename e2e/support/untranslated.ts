import type { Page } from '@playwright/test';

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
  'https',
  'JSON',
  'CSV',
  'QR',
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
  // Unit symbols many languages write in Latin letters.
  'kB',
  'MB',
  'GB',
  'TB',
];
const ENGLISH_FORMAT_WORDS = [
  'byte',
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

/**
 * Visible text (and accessible names, placeholders, titles) on the page that is still in plain
 * English: any run of two or more ASCII letters that is not allowed (file paths and colour codes aside). User content and code are
 * skipped: `code`, `kbd`, `bdi`, `[dir=auto]` (names, messages), `[data-user-content]`, and
 * elements carrying their own `lang` (a language's name in its own language). `notYetTranslated`:
 * selectors of parts known to be English still (listed in docs/TRANSLATING.md), kept out of the check.
 */
export async function untranslatedTexts(
  page: Page,
  { englishFormats = false, notYetTranslated = [] as string[] } = {},
): Promise<string[]> {
  const allowed = [...ALLOWED, ...(englishFormats ? ENGLISH_FORMAT_WORDS : [])];
  return page.evaluate(
    ({ allowedWords, skipped }) => {
      const doc = (globalThis as unknown as { document: DocumentLike }).document;
      const SKIP = [
        'code, kbd, bdi, script, style, [dir="auto"], [data-user-content], [lang]:not(html)',
        ...skipped,
      ].join(', ');
      const found = new Set<string>();
      // File paths in examples (E:\Backups, /media/usb) and #rrggbb colours are not words to translate.
      const english = (text: string) =>
        (
          text
            .replace(/(?:[A-Za-z]:)?[\\/][^\s]*/g, '')
            .replace(/#[0-9a-fA-F]{3,8}\b/g, '')
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
    { allowedWords: allowed, skipped: notYetTranslated },
  );
}
