import type { Locator, Page } from '@playwright/test';
import { startApp, type RunningApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { untranslatedTexts } from '../support/untranslated.js';
import { useWaServer } from '../support/wa-server.js';

// The main flows outside the inbox (sign-in, linking a number with a QR code on the local
// WhatsApp server, scheduling a message, a tag, the widget editor) in Hebrew and in the accented
// pseudo-locale: no visible text left in English, the layout mirrored in Hebrew, and the
// calendar's week starting on the locale's day. Screenshots land in test-results/.

const wa = useWaServer();

/**
 * The Scheduled tab's toolbar, list table and "missed" setting, and the opt-out list, are being
 * rebuilt on the shared DataTable and translated with it (docs/TRANSLATING.md lists them); kept
 * out of the check.
 */
const SCHEDULE_LIST = [
  'section[aria-label="Opt-out list"]',
  '[role="tabpanel"] > .stack > .toolbar',
  '[role="tabpanel"] > .stack > .empty-state',
  '[role="tabpanel"] .table-scroll',
  '[role="tabpanel"] form.toolbar',
];

/** The sign-in form's API-key field; when the form opens on name + password, its secondary button switches. */
async function signIn(page: Page, app: RunningApp): Promise<void> {
  await page.locator('main form').waitFor();
  const key = page.locator('input[name="key"]');
  if (!(await key.isVisible())) await page.locator('main form button.button--secondary').click();
  await key.fill(app.apiKey);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

async function expectNoEnglish(page: Page, notYetTranslated: string[] = [], englishFormats = false) {
  expect(await untranslatedTexts(page, { notYetTranslated, englishFormats })).toEqual([]);
}

/** In right-to-left the sidebar sits at the window's right edge. */
async function expectSidebarOnTheRight(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const sidebar = await page.getByRole('navigation').boundingBox();
  expect(sidebar && sidebar.x + sidebar.width).toBeCloseTo(width, -1);
}

async function centreX(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return box.x + box.width / 2;
}

test.describe('in Hebrew', () => {
  test.use({ locale: 'he-IL', timezoneId: 'Asia/Jerusalem', viewport: { width: 1366, height: 768 } });

  test('link a number, schedule a message, tag and build a widget, all in Hebrew and mirrored', async ({
    page,
  }) => {
    test.slow();
    const app = await startApp({ env: wa.env });
    try {
      await page.goto(app.url);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expectNoEnglish(page);
      await shoot(page, 'he-sign-in');
      await signIn(page, app);
      await expectSidebarOnTheRight(page);

      // Link a number: the QR code, scanned by the phone on the local WhatsApp server.
      await page.getByRole('navigation').getByRole('link', { name: 'מספרים', exact: true }).click();
      await page.getByRole('button', { name: 'הוספת מספר' }).click();
      await page.getByLabel('שם', { exact: true }).fill('חנות');
      await page.getByRole('button', { name: 'יצירה והצגת קוד QR' }).click();
      const card = page.getByRole('article', { name: 'מספר חנות' });
      const qr = card.getByRole('img', { name: 'קוד QR לקישור WhatsApp' });
      await expect(qr).toBeVisible();
      await expectNoEnglish(page);
      await shoot(page, 'he-link-qr');
      await wa.emulator.scanQr((await qr.getAttribute('data-qr')) ?? '', '972520000011', 'טלפון החנות');
      await expect(card.getByRole('status', { name: /^סטטוס:/ })).toHaveText('מחובר');
      await card.getByRole('button', { name: 'שיחות' }).click();
      await expect(card.getByRole('form', { name: 'הגדרות שיחות' })).toBeVisible();
      // The call log below the settings is the shared table's (translated with it).
      await expectNoEnglish(page, ['.session-calls__body > :not(form)']);
      await shoot(page, 'he-linked');

      // Schedule a message, picking the day in the calendar.
      await page.getByRole('navigation').getByRole('link', { name: 'תזמון', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('תזמון');
      await page.locator('[role="tabpanel"] .toolbar .button--primary').click();
      const form = page.getByRole('form', { name: 'הודעה מתוזמנת חדשה' });
      await form.getByRole('combobox', { name: 'אל', exact: true }).fill('+972 50-123-4567');
      await form.getByRole('textbox', { name: 'הודעה', exact: true }).fill('השולחן שלכם שמור ל־20:00');
      await form.getByLabel('תאריך', { exact: true }).fill('2030-06-14');
      await form.getByRole('button', { name: 'בחירת תאריך בלוח השנה' }).click();
      const calendar = page.getByRole('dialog', { name: /^לוח שנה, / });
      await expect(calendar).toContainText('יוני 2030');
      // The Hebrew week starts on Sunday: the first cell of June 2030 is Sunday 26 May.
      await expect(calendar.locator('th').first()).toHaveAttribute('abbr', 'יום ראשון');
      await expect(calendar.locator('tbody button').first()).toHaveAttribute('data-date', '2030-05-26');
      await expectNoEnglish(page, SCHEDULE_LIST);
      await shoot(page, 'he-schedule-calendar');
      // In right-to-left the left arrow goes forward in time.
      await expect(calendar.locator('[data-date="2030-06-14"]')).toBeFocused();
      await page.keyboard.press('ArrowLeft');
      await expect(calendar.locator('[data-date="2030-06-15"]')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(calendar).toHaveCount(0);
      await expect(form.getByLabel('תאריך', { exact: true })).toHaveValue('2030-06-15');
      await form.getByLabel('שעה', { exact: true }).fill('09:30');
      await form.getByRole('combobox', { name: 'אזור זמן' }).selectOption('Asia/Jerusalem');
      await expect(form.getByTestId('utc-preview')).toHaveText('יישמר כ־2030-06-15 06:30 UTC');
      await expectNoEnglish(page, SCHEDULE_LIST);
      await form.getByRole('button', { name: 'תזמון ההודעה' }).click();
      await expect(form).toHaveCount(0);
      await expect(page.locator('[role="tabpanel"] table')).toContainText('השולחן שלכם שמור');

      // The campaign wizard, with a pasted list and its dry run.
      await page.getByRole('tab', { name: 'קמפיינים' }).click();
      await page.getByRole('button', { name: 'קמפיין חדש' }).click();
      const wizard = page.getByRole('form', { name: 'קמפיין חדש' });
      await wizard.getByLabel('שם הקמפיין').fill('מבצע אביב');
      await wizard.getByLabel('מספרי טלפון').fill('+972501111111, אבי\n12');
      const dryRun = page.getByRole('region', { name: 'הרצת ניסיון' });
      await expect(dryRun).toContainText('תישלח הודעה אחת');
      await expectNoEnglish(page, SCHEDULE_LIST);
      await shoot(page, 'he-campaign-wizard');

      // A tag.
      await page.getByRole('navigation').getByRole('link', { name: 'תגיות', exact: true }).click();
      await page.getByRole('textbox', { name: 'שם התגית' }).fill('לקוח חוזר');
      await page.getByRole('button', { name: 'יצירת תגית' }).click();
      await expect(page.getByRole('listitem', { name: 'תגית לקוח חוזר' })).toContainText('לא בשימוש');
      await expectNoEnglish(page);

      // The widget editor: Hebrew labels, the week from Sunday, the preview on the left.
      await page.getByRole('link', { name: "וידג'ט" }).click();
      await expect(page.getByRole('heading', { name: "עדיין אין וידג'טים" })).toBeVisible();
      await page.getByRole('button', { name: "יצירת וידג'ט" }).click();
      await page.getByLabel('שם העסק', { exact: true }).fill('מאפיית השמש');
      await page.getByRole('button', { name: 'הוספת נציג' }).click();
      const operator = page.locator('.operator-card').first();
      await operator.getByLabel('שם', { exact: true }).fill('דנה');
      await operator.getByLabel('מספר WhatsApp', { exact: true }).fill('+972 52-000-0011');
      await expect(operator.locator('.hours__name').first()).toHaveText('יום ראשון');
      await page.getByRole('button', { name: "יצירת וידג'ט" }).click();
      await expect(page.getByRole('heading', { name: 'הוספה לאתר שלכם' })).toBeVisible();
      await expectNoEnglish(page);
      const form2 = page.getByRole('form', { name: "הגדרות הווידג'ט" });
      expect(await centreX(page.getByRole('region', { name: 'תצוגה מקדימה חיה' }))).toBeLessThan(
        await centreX(form2),
      );
      await shoot(page, 'he-widget-editor');

      // At 400px wide, nothing new turns up in English.
      await page.setViewportSize({ width: 400, height: 800 });
      await expectNoEnglish(page);
      await shoot(page, 'he-widget-editor-400');
    } finally {
      await app.stop();
    }
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

  test('linking, scheduling, campaigns and the widget editor take every text from the catalogue', async ({
    page,
  }) => {
    test.slow();
    const app = await startApp({ env: wa.env });
    try {
      await page.goto(app.url);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
      await signIn(page, app);

      await page.goto(`${app.url}/sessions`);
      await page.locator('.page-header__actions .button--primary').click();
      await page.locator('main form input').first().fill('Ŝĥöþ');
      await page.locator('main form button[type="submit"]').click();
      const qr = page.locator('[data-qr]');
      await expect(qr).toBeVisible();
      await wa.emulator.scanQr((await qr.getAttribute('data-qr')) ?? '', '972520000012', 'Ŝĥöþ');
      await expect(qr).toHaveCount(0);
      await expectNoEnglish(page, [], true);
      await shoot(page, 'pseudo-linked');

      await page.goto(`${app.url}/schedule`);
      await page.locator('[role="tabpanel"] .toolbar .button--primary').click();
      await page.locator('.date-field__open').click();
      await expect(page.locator('.calendar')).toBeVisible();
      await expectNoEnglish(page, SCHEDULE_LIST, true);
      await shoot(page, 'pseudo-schedule');

      await page.getByRole('tab').nth(1).click();
      await page.locator('[role="tabpanel"] .toolbar .button--primary').click();
      await page.locator('.campaign-wizard textarea').nth(1).fill('+972501111111, Åvî');
      await expect(page.locator('.preview-list li')).toHaveCount(1);
      await expectNoEnglish(page, SCHEDULE_LIST, true);
      await shoot(page, 'pseudo-campaign-wizard');

      await page.goto(`${app.url}/widget/new`);
      await page.locator('.card__header .button--secondary').first().click();
      await expect(page.locator('.operator-card')).toHaveCount(1);
      await expectNoEnglish(page, [], true);
      await shoot(page, 'pseudo-widget-editor');
    } finally {
      await app.stop();
    }
  });
});
