import type { Locator, Page } from '@playwright/test';
import type { RunningApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { untranslatedTexts } from '../support/untranslated.js';

// The screens every person meets first: sign-in, the sidebar and Settings (with the language
// menu), and Tags. Each runs in Hebrew (chosen from the browser's language) and in the accented
// pseudo-locale, and must show no English left over; screenshots land in test-results/.

/** Settings sections added before being translated (docs/TRANSLATING.md lists them). */
const NOT_YET_TRANSLATED = [
  '[aria-labelledby="retention-title"]',
  '[aria-labelledby="contacts-import-title"]',
  'form[aria-label="Restore from a backup"]',
];

/** The sign-in form's API-key field; when the form opens on name + password, its secondary button switches. */
async function keyField(page: Page): Promise<Locator> {
  await page.locator('main form').waitFor();
  const key = page.locator('input[name="key"]');
  if (!(await key.isVisible())) await page.locator('main form button.button--secondary').click();
  await expect(key).toBeVisible();
  return key;
}

async function signIn(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.url);
  await (await keyField(page)).fill(app.apiKey);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL', viewport: { width: 1366, height: 768 } });

  test('sign-in, sidebar and Settings are Hebrew, right to left, with no English left', async ({
    page,
    app,
  }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'כניסה ל-Chatdock' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'he');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    expect(await untranslatedTexts(page)).toEqual([]);
    await shoot(page, 'he-sign-in');

    // A wrong key: the refusal is Hebrew too.
    await (await keyField(page)).fill('not-the-key');
    await page.locator('button[type="submit"]').click();
    await expect(page.getByRole('alert')).toHaveText('המפתח לא התקבל. כדאי לבדוק אותו ולנסות שוב.');

    await signIn(page, app);
    await page.getByRole('link', { name: 'הגדרות' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('הגדרות');
    await expect(page.getByRole('region', { name: 'גיבויים' })).toContainText('עדיין אין גיבוי.');
    expect(await untranslatedTexts(page, { notYetTranslated: NOT_YET_TRANSLATED })).toEqual([]);

    // Mirrored: the sidebar is on the right.
    const sidebar = await page.getByRole('navigation').boundingBox();
    expect(sidebar && sidebar.x + sidebar.width).toBeCloseTo(1366, -1);
    await shoot(page, 'he-settings');

    // Narrow window.
    await page.setViewportSize({ width: 400, height: 800 });
    expect(await untranslatedTexts(page, { notYetTranslated: NOT_YET_TRANSLATED })).toEqual([]);
    await shoot(page, 'he-settings-400');
  });

  test('a language chosen in Settings wins over the browser and is kept after a reload', async ({
    page,
    app,
  }) => {
    await signIn(page, app);
    await page.goto(`${app.url}/settings`);
    const menu = page.getByRole('combobox', { name: /השפה של Chatdock/ });
    await menu.selectOption('de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');
    await page.getByRole('combobox', { name: /Sprache von Chatdock/ }).selectOption('auto');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('הגדרות');
  });
});

test.describe('tags in Hebrew', () => {
  test.use({ locale: 'he-IL', viewport: { width: 1366, height: 768 } });

  test('a tag is created, described and deleted in Hebrew', async ({ page, app }) => {
    await signIn(page, app);
    await page.getByRole('link', { name: 'תגיות' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('תגיות');
    await page.getByRole('textbox', { name: 'שם התגית' }).fill('ליד חם');
    await page.getByRole('button', { name: 'יצירת תגית' }).click();
    const tag = page.getByRole('listitem', { name: 'תגית ליד חם' });
    await expect(tag).toContainText('לא בשימוש');
    expect(await untranslatedTexts(page)).toEqual([]);
    await shoot(page, 'he-tags');
    await tag.getByRole('button', { name: 'מחיקה' }).click();
    await expect(tag.getByRole('alertdialog')).toContainText(
      "למחוק את „ליד חם”? אף צ'אט או הודעה לא משתמשים בה.",
    );
    await tag.getByRole('button', { name: 'מחיקת התגית' }).click();
    await expect(page.getByText('עדיין אין תגיות.')).toBeVisible();
  });
});

test.describe('in the pseudo-locale', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      (
        globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }
      ).localStorage.setItem('chatdock.language', 'en-XA');
    });
  });

  test('every text on sign-in, the sidebar, Settings and Tags comes from the catalogue', async ({
    page,
    app,
  }) => {
    await page.goto(app.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    expect(await untranslatedTexts(page)).toEqual([]);
    await shoot(page, 'pseudo-sign-in');
    await signIn(page, app);
    await page.goto(`${app.url}/settings`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('ŠŠééţţţîñĝš');
    // The pseudo-locale formats dates and sizes as English: those words are expected.
    expect(
      await untranslatedTexts(page, { englishFormats: true, notYetTranslated: NOT_YET_TRANSLATED }),
    ).toEqual([]);
    await shoot(page, 'pseudo-settings');

    await page.goto(`${app.url}/tags`);
    // The tag's name is the user's own text (shown as given, also inside labels): not English here.
    await page.locator('input[maxlength="40"]').fill('Ĥöţ ļéåđ');
    await page.locator('form.tag-form button[type="submit"]').click();
    await expect(page.locator('.tag-list__item')).toHaveCount(1);
    expect(await untranslatedTexts(page)).toEqual([]);
    await shoot(page, 'pseudo-tags');
  });
});
