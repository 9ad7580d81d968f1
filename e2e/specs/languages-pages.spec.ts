import type { Page } from '@playwright/test';
import { startApp, type RunningApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession } from '../support/rpc.js';
import { expectTranslated } from '../support/untranslated.js';
import { useWaServer } from '../support/wa-server.js';

// Every page of the app, in the accented pseudo-locale, Hebrew and Arabic, at 1366 and 400 px:
// no visible text, label or placeholder left in English (screenshots attached to the report).
// The run starts at the first-run screen (the owner's account is created in the language), so
// Team, a number's permissions and the person's own profile are visited as the owner. The
// Automation page is filled in (a rule, a menu option, a test run) so its parts show too.

const wa = useWaServer();

const PAGES = [
  'inbox',
  'sessions',
  'schedule',
  'tags',
  'automation/shop',
  'widget',
  'logs',
  'settings',
  'settings/team',
  'settings/team/numbers/shop',
  'profile',
];
const OWNER = { name: 'Olivia Owner', login: 'olivia', password: 'olivia-secret-1' };
/** Names this test gives things (the linked number, its phone's name, the owner). */
const USER_CONTENT = ['Shop', 'shop', 'Phone of the shop', OWNER.name, OWNER.login];

/** First run, in the page's language: the owner's account is created with the admin key as setup code. */
async function setUpOwner(
  page: Page,
  app: RunningApp,
  check: (name: string) => Promise<void>,
): Promise<void> {
  await page.goto(app.url);
  const setupCode = page.locator('input[name="setupCode"]');
  await setupCode.waitFor();
  await check('first-run');
  await setupCode.fill(app.apiKey);
  await page.locator('input[name="name"]').fill(OWNER.name);
  await page.locator('input[name="login"]').fill(OWNER.login);
  await page.locator('input[name="password"]').fill(OWNER.password);
  await page.locator('button[type="submit"]').click();
  // Creating the account hashes the password: slow on a loaded machine.
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 60_000 });
}

/** The Automation page with one rule, one menu option and a test result on screen. */
async function fillAutomation(page: Page): Promise<void> {
  await page.locator('section[aria-labelledby="automation-rules-title"] > div > button').click();
  await expect(page.locator('.automation-rule')).toHaveCount(1);
  await page.locator('section[aria-labelledby="automation-menu-title"] > div > button').click();
  await page.locator('#automation-test-text').fill('hola');
  await page.locator('.automation-editor__side form button[type="submit"]').click();
  await expect(page.locator('.automation-result')).toBeVisible();
}

for (const { language, locale, englishFormats } of [
  { language: 'pseudo', locale: 'en-XA', englishFormats: true },
  { language: 'he', locale: 'he', englishFormats: false },
  { language: 'ar', locale: 'ar', englishFormats: false },
]) {
  test(`every page in ${language}, at 1366 and 400 px`, async ({ page }, testInfo) => {
    // Eleven pages at two widths, each with a full-page screenshot: minutes on a loaded machine.
    test.setTimeout(900_000);
    await page.addInitScript((chosen) => {
      (
        globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }
      ).localStorage.setItem('chatdock.language', chosen);
    }, locale);
    const app = await startApp({ env: wa.env });
    try {
      await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000031' });
      await page.setViewportSize({ width: 1366, height: 768 });
      await setUpOwner(page, app, (name) =>
        expectTranslated(page, testInfo, `${language}-${name}-1366`, {
          englishFormats,
          userContent: USER_CONTENT,
        }),
      );
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      if (locale !== 'en-XA') await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      for (const width of [1366, 400]) {
        await page.setViewportSize({ width, height: width === 400 ? 800 : 768 });
        for (const path of PAGES) {
          await page.goto(`${app.url}/${path}`);
          await expect(page.locator('main h1').first()).toBeVisible();
          if (path.startsWith('automation')) await fillAutomation(page);
          // Let the page's lists answer before looking (their loading lines are translated too).
          await expect(page.locator('[role="status"]:has-text("…")')).toHaveCount(0);
          await expectTranslated(page, testInfo, `${language}-${path.replaceAll('/', '-')}-${width}`, {
            englishFormats,
            userContent: USER_CONTENT,
          });
        }
      }
    } finally {
      await app.stop();
    }
  });
}
