/**
 * The reports page while a report computes and when it cannot: placeholders shaped like the
 * figures, chart and tables (not a bare "Calculating…"), a moving progress bar beside the status
 * line, and an error with Retry that asks the same report again. The answers are held in the
 * page (e2e/support/held-rpc.ts), so each state is looked at without a timer. Screenshots at
 * 1366×768 and 400 px, light and dark, under test-results/screenshots/.
 */
import path from 'node:path';
import { LoginPage } from '../pages/login-page.js';
import { accessibilityProblems } from '../support/a11y-check.js';
import { expect, test } from '../support/fixtures.js';
import { HeldRpc } from '../support/held-rpc.js';

const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const SIZES = [
  { name: '1366', width: 1366, height: 768 },
  { name: '400', width: 400, height: 800 },
] as const;

test('reports: skeletons while computing, an error with Retry', async ({ page, app }) => {
  test.setTimeout(120_000);
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(app.apiKey);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inbox');

  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      const held = await HeldRpc.on(page, ['reports.overview']);
      await page.goto(`${app.url}/reports`);
      // Computing: the page's shapes, greyed, and the status line with its progress bar.
      const skeleton = page.getByTestId('reports-skeleton');
      await expect(skeleton).toBeVisible();
      await expect(skeleton.locator('.reports__figure')).toHaveCount(8);
      await expect(skeleton.locator('.skeleton--chart')).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'Calculating…' })).toBeVisible();
      await page.screenshot({ path: path.join(SCREENSHOTS, `reports-loading-${size.name}-${theme}.png`) });
      for (const problem of await accessibilityProblems(page))
        problems.push(`loading ${size.name} ${theme}: ${problem}`);
      await held.release('reports.overview');
      await expect(page.getByRole('definition').first()).toBeVisible();
      await expect(skeleton).toHaveCount(0);
      await expect(page.getByText('Calculating…')).toHaveCount(0);
      await held.stop();
    }
  }

  // The server cannot compute it: what happened, its reason, Retry; Retry asks again and shows it.
  await page.setViewportSize({ width: 1366, height: 768 });
  let failing = true;
  await page.route('**/rpc/reports.overview', (route) =>
    failing
      ? route.fulfill({
          status: 429,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'RATE_LIMITED', message: 'Too many reports at once; try again in a moment.' },
          }),
        })
      : route.continue(),
  );
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`${app.url}/reports`);
      const alert = page.getByRole('alert').filter({ hasText: 'The report could not be calculated.' });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText('Too many reports at once');
      await expect(page.getByTestId('reports-skeleton')).toHaveCount(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `reports-error-${size.name}-${theme}.png`) });
      for (const problem of await accessibilityProblems(page))
        problems.push(`error ${size.name} ${theme}: ${problem}`);
    }
  }
  failing = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be calculated' })).toHaveCount(0);
  await expect(page.getByRole('definition').first()).toBeVisible();
  expect([...new Set(problems)]).toEqual([]);
});
